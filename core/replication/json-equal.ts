import type { JsonObject, JsonValue } from '../model/json.ts';

/**
 * Deep equality of JSON values with object key order ignored: documents come back from the server's
 * jsonb with their keys reordered, and that must not read as a change.
 */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  // Plain loops: RxDB compares every pushed and pulled document through here.
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!jsonEqual(a[i] as JsonValue, b[i] as JsonValue | undefined)) return false;
    return true;
  }
  const objA = a as JsonObject;
  const objB = b as JsonObject;
  const keysA = Object.keys(objA);
  if (keysA.length !== Object.keys(objB).length) return false;
  for (const key of keysA) if (!Object.hasOwn(objB, key) || !jsonEqual(objA[key], objB[key])) return false;
  return true;
}

/** A JSON object that is not an array (the only values the merge descends into). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
