import type { JsonObject, JsonValue } from '../../core/model/json.ts';

/**
 * A document as it crosses the wire: the RxDB document JSON with `_deleted` (wire contract of
 * `/api/sync/<collection>/pull` and `/push`). RxDB's local bookkeeping (`_meta`, `_rev`,
 * `_attachments`) is accepted and dropped.
 */
export type WireDoc = JsonObject & { readonly id: string; readonly _deleted: boolean };

/** A document as stored: its fields without any underscore bookkeeping, plus the tombstone flag. */
export interface DocState {
  readonly id: string;
  readonly deleted: boolean;
  readonly body: JsonObject;
}

const RXDB_BOOKKEEPING = new Set(['_meta', '_rev', '_attachments', '_deleted']);

/** Splits a wire document into its stored form. The caller has checked `id` is a string. */
export function fromWire(raw: JsonObject): DocState {
  const body: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!RXDB_BOOKKEEPING.has(key)) body[key] = value;
  }
  return { id: String(raw.id), deleted: raw._deleted === true, body };
}

/** The wire form of a stored document. */
export function toWire(state: DocState): WireDoc {
  return { ...state.body, id: state.id, _deleted: state.deleted };
}

/** Same tombstone flag and same JSON value (key order ignored): what "equal state" means in sync. */
export function sameState(a: DocState, b: DocState): boolean {
  return a.deleted === b.deleted && jsonEqual(a.body, b.body);
}

/** Deep equality of JSON values; object key order does not matter (jsonb reorders keys). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item: JsonValue, i: number) => jsonEqual(item, b[i] as JsonValue));
  }
  const objA = a as JsonObject;
  const objB = b as JsonObject;
  const keysA = Object.keys(objA);
  if (keysA.length !== Object.keys(objB).length) return false;
  return keysA.every((key) => key in objB && jsonEqual(objA[key], objB[key]));
}
