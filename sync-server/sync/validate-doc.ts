import { Ajv, type ValidateFunction } from 'ajv';
import { COLLECTIONS } from '../../core/schemas/collections.ts';
import type { JsonObject } from '../../core/model/json.ts';
import type { CollectionName } from './collections.ts';

// RxDB schema keywords (primaryKey, version, indexes …) are not JSON Schema: non-strict mode ignores them.
const ajv = new Ajv({ strict: false, allErrors: false });
const compiled = new Map<CollectionName, ValidateFunction>();

function validatorFor(collection: CollectionName): ValidateFunction {
  let validate = compiled.get(collection);
  if (validate === undefined) {
    validate = ajv.compile(COLLECTIONS[collection].schema);
    compiled.set(collection, validate);
  }
  return validate;
}

/**
 * Checks a document body (without `_deleted` and RxDB bookkeeping) against its collection's JSON
 * schema, the same schema the client's RxDB uses. Returns a readable reason, or null when valid.
 */
export function documentError(collection: CollectionName, body: JsonObject): string | null {
  const validate = validatorFor(collection);
  if (validate(body)) return null;
  const first = validate.errors?.[0];
  if (first === undefined) return 'does not match the collection schema';
  const where = first.instancePath === '' ? 'document' : first.instancePath;
  const extra = first.keyword === 'additionalProperties' ? ` (${String(first.params.additionalProperty)})` : '';
  return `${where} ${first.message ?? 'is invalid'}${extra}`;
}
