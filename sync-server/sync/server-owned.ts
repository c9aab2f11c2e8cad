import type { JsonObject, JsonValue } from '../../core/model/json.ts';
import { SERVER_OWNED_FIELDS } from '../../core/schemas/collections.ts';
import { DERIVE, DERIVED_FIELDS } from '../../core/schemas/derived-fields.ts';
import type { CollectionName } from './collections.ts';

/**
 * The value a server-owned field takes when a client inserts the document (DESIGN §9: "a client
 * inserts them with their initial value"). Derived fields (payments.statusKey) are recomputed
 * afterwards instead. A server-owned field missing from both lists fails a test, not a push.
 */
export const INITIAL_SERVER_VALUES: { readonly [K in CollectionName]?: Readonly<Record<string, JsonValue>> } = {
  payments: { status: 'queued', link: null, expiresAt: null },
  documents: { number: null },
  commands: { status: 'queued', result: null, error: null },
};

/**
 * What the server stores when a client pushes `body`: server-owned fields keep the server's value
 * (`current`), or their initial value on insert; derived index keys are recomputed. A field absent
 * from the pushed document stays absent (received payments have no `status`).
 */
export function withServerOwnedFields(collection: CollectionName, body: JsonObject, current: JsonObject | null): JsonObject {
  const owned: readonly string[] = SERVER_OWNED_FIELDS[collection];
  const derived: readonly string[] = DERIVED_FIELDS[collection];
  const result: Record<string, JsonValue> = { ...body };
  for (const field of owned) {
    if (derived.includes(field) || !(field in result)) continue;
    if (current !== null && field in current) result[field] = current[field] as JsonValue;
    else {
      const initial = INITIAL_SERVER_VALUES[collection]?.[field];
      if (initial === undefined) throw new Error(`No initial value for server-owned field ${collection}.${field}`);
      result[field] = initial;
    }
  }
  return derive(collection, result);
}

/** Recomputes derived index keys, so a client cannot push a stale or forged one. */
export function derive(collection: CollectionName, body: JsonObject): JsonObject {
  const fn = DERIVE[collection] as ((doc: JsonObject) => JsonObject) | undefined;
  return fn === undefined ? body : fn(body);
}
