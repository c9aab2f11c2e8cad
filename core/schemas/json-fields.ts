import type { JsonSchema, JsonSchemaTypes } from 'rxdb';
import { ID_PATTERN } from '../shared/ids.ts';

/**
 * Small builders for the JSON-schema fragments every collection repeats. They keep the RxDB/Dexie
 * rules in one place: strings carry a `maxLength`, integers carry `minimum`/`maximum`/`multipleOf`,
 * money is an integer, objects are closed (`additionalProperties: false`).
 */

/** A property schema that states its type, as every property of our schemas must. */
export type TypedSchema = JsonSchema & { readonly type: JsonSchemaTypes | readonly JsonSchemaTypes[] };

/** All keys of every member of a union (`keyof` alone keeps only the common ones). */
export type KeysOfUnion<T> = T extends unknown ? keyof T & string : never;

/** One schema per key of `T`: adding or removing a field on one side only fails `tsc`. */
export type PropertiesOf<T> = { readonly [K in KeysOfUnion<T>]-?: TypedSchema };

export const ID_MAX_LENGTH = 64;
/** `2026-11-23T09:30:00.000Z` is 24 characters; 30 leaves room without letting junk in. */
export const INSTANT_MAX_LENGTH = 30;
/**
 * Exactly `Date.prototype.toISOString()` output. One fixed format matters: indexes sort instants
 * as strings, and string order equals time order only when every instant is written the same way.
 */
export const ISO_INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';
export const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** 100 % in basis points: the ceiling of VAT rates, discount rates and deposit rates. */
export const MAX_RATE = 10000;

/** A document id or a reference to one (DESIGN: ids are `[A-Za-z0-9_-]{1,64}`). */
export function idField(): TypedSchema {
  return { type: 'string', minLength: 1, maxLength: ID_MAX_LENGTH, pattern: ID_PATTERN.source };
}

/** Free text with a length ceiling, so one document cannot grow without bound. */
export function textField(maxLength: number, minLength = 0): TypedSchema {
  return minLength > 0 ? { type: 'string', minLength, maxLength } : { type: 'string', maxLength };
}

/** An ISO-8601 UTC instant (`IsoInstant`). */
export function instantField(): TypedSchema {
  return { type: 'string', maxLength: INSTANT_MAX_LENGTH, pattern: ISO_INSTANT_PATTERN };
}

/** A calendar date `YYYY-MM-DD` (`IsoDate`). */
export function dateField(): TypedSchema {
  return { type: 'string', maxLength: 10, pattern: ISO_DATE_PATTERN };
}

/** One of a closed set of strings. */
export function enumField(values: readonly string[]): TypedSchema {
  return { type: 'string', enum: [...values], maxLength: Math.max(...values.map((v) => v.length)) };
}

/** An integer in `[minimum, maximum]`; `multipleOf: 1` is what RxDB needs to index it. */
export function integerField(minimum: number, maximum: number): TypedSchema {
  return { type: 'integer', minimum, maximum, multipleOf: 1 };
}

/** Money in cents (`Cents`): a safe integer, possibly negative. A float is rejected. */
export function centsField(): TypedSchema {
  return integerField(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
}

/** A quantity in thousandths (`Milli`). */
export function milliField(): TypedSchema {
  return integerField(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
}

/** A rate in basis points (`BasisPoints`), 0 to 100 %. */
export function rateField(): TypedSchema {
  return integerField(0, MAX_RATE);
}

export function booleanField(): TypedSchema {
  return { type: 'boolean' };
}

/** A closed object whose properties are exactly the keys of `T`; `optional` keys may be absent. */
export function objectOf<T>(properties: PropertiesOf<T>, optional: readonly KeysOfUnion<T>[] = []): TypedSchema {
  const required = Object.keys(properties).filter((key) => !optional.some((o) => o === key));
  return { type: 'object', properties: { ...properties }, required, additionalProperties: false };
}

/** A discriminated union of closed objects (each variant built with `objectOf`). */
export function unionOf(variants: readonly TypedSchema[]): TypedSchema {
  return { type: 'object', oneOf: [...variants] };
}

/** An array with a length ceiling. */
export function arrayOf(items: TypedSchema, maxItems: number): TypedSchema {
  return { type: 'array', items, maxItems };
}

/** Free-form JSON object (`JsonObject`): payloads whose shape belongs to another module. */
export function jsonObjectField(): TypedSchema {
  return { type: 'object' };
}

/** Allows `null` besides what `schema` allows (the domain types spell absence as `null`). */
export function nullable(schema: TypedSchema): TypedSchema {
  if (typeof schema.type !== 'string') throw new Error(`nullable() expects a single type, got ${JSON.stringify(schema.type)}`);
  if (schema.oneOf !== undefined) return { type: [schema.type, 'null'], oneOf: [{ type: 'null' }, ...schema.oneOf] };
  const withNull: TypedSchema = { ...schema, type: [schema.type, 'null'] };
  return schema.enum === undefined ? withNull : { ...withNull, enum: [...schema.enum, null] };
}
