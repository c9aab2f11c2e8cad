import type { JsonObject, JsonValue } from '../model/json.ts';

/**
 * Deep equality of JSON values with object key order ignored: documents come back from the server's
 * jsonb with their keys reordered, and that must not read as a change.
 */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item: JsonValue, i: number) => jsonEqual(item, b[i] as JsonValue | undefined));
  }
  const objA = a as JsonObject;
  const objB = b as JsonObject;
  const keysA = Object.keys(objA);
  if (keysA.length !== Object.keys(objB).length) return false;
  return keysA.every((key) => Object.hasOwn(objB, key) && jsonEqual(objA[key], objB[key]));
}

/** A JSON object that is not an array (the only values the merge descends into). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
