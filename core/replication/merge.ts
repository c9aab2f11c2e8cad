import type { JsonObject, JsonValue } from '../model/json.ts';
import { sideOf, type ConflictPath, type ConflictSide } from './conflict-path.ts';
import { isJsonObject, jsonEqual } from './json-equal.ts';
import { mergeById } from './merge-by-id.ts';

/** How one collection's documents merge (see merge-rules.ts for each collection's rules). */
export interface MergeRules {
  /** Top-level fields only the server writes: the server's value, silently (DESIGN §9). */
  readonly serverOwned: readonly string[];
  /** Top-level fields computed from the others: not merged, recomputed by `recompute`. */
  readonly derived: readonly string[];
  /** Top-level instants every edit moves (`updatedAt`): the later one, never a conflict. */
  readonly latest: readonly string[];
  /** Top-level lists of elements keyed by `id`, merged element by element (quote `lines`). */
  readonly idLists: readonly string[];
  /** Recomputes the derived fields of a merged document. */
  readonly recompute: (doc: JsonObject) => JsonObject;
}

/** A value changed differently on both sides; the merged document holds `theirs`. */
export interface MergeConflict {
  readonly path: ConflictPath;
  readonly mine: ConflictSide;
  readonly theirs: ConflictSide;
}

export interface MergeResult {
  readonly doc: JsonObject;
  readonly conflicts: readonly MergeConflict[];
}

/** RxDB's per-document bookkeeping: not document content. */
const BOOKKEEPING = new Set(['_deleted', '_meta', '_rev', '_attachments']);

const isDeleted = (doc: JsonObject): boolean => doc._deleted === true;

/** The document's fields without RxDB bookkeeping. */
export function bodyOf(doc: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !BOOKKEEPING.has(key)));
}

/**
 * Same document state: both tombstones (their content no longer matters), or same flag and fields.
 * RxDB calls this (as the conflict handler's `isEqual`) for every document it pushes or pulls, so it
 * compares in place, skipping the bookkeeping keys, instead of copying both bodies first.
 */
export function sameState(a: JsonObject, b: JsonObject): boolean {
  if (isDeleted(a) !== isDeleted(b)) return false;
  return isDeleted(a) || sameBody(a, b);
}

/** `jsonEqual(bodyOf(a), bodyOf(b))` without building either body. */
function sameBody(a: JsonObject, b: JsonObject): boolean {
  let count = 0;
  for (const key of Object.keys(a)) {
    if (BOOKKEEPING.has(key)) continue;
    count += 1;
    if (!Object.hasOwn(b, key) || !jsonEqual(a[key], b[key])) return false;
  }
  for (const key of Object.keys(b)) if (!BOOKKEEPING.has(key)) count -= 1;
  return count === 0;
}

/**
 * Three-way merge of RxDB document states (with `_deleted`) against `base`, the server state the
 * local change started from (`assumedMasterState`; undefined for a document created locally).
 *
 * - Changed on one side only → that side. Same change on both sides (e.g. the server already holds
 *   what we pushed and the response was lost) → no conflict.
 * - Deleted on one side and changed on the other → the server's state, recorded at path `[]`.
 * - Otherwise field by field, into nested objects of the same shape, quote lines by id: a value
 *   changed differently on both sides keeps the server's and is recorded. Without a base, every
 *   difference is such a conflict: nothing says which side is newer.
 * - Server-owned fields take the server's value, `latest` fields the later instant, derived fields
 *   are recomputed; none of them is ever recorded.
 *
 * Pure; nothing a side changed disappears without either surviving in the result or being listed
 * in `conflicts`.
 */
export function threeWayMerge(base: JsonObject | undefined, mine: JsonObject, theirs: JsonObject, rules: MergeRules): MergeResult {
  if (base !== undefined && sameState(mine, base)) return { doc: theirs, conflicts: [] };
  if (base !== undefined && sameState(theirs, base)) return { doc: mine, conflicts: [] };
  if (sameState(mine, theirs)) return { doc: theirs, conflicts: [] };
  if (isDeleted(mine) || isDeleted(theirs)) {
    const side = (doc: JsonObject): ConflictSide => sideOf(isDeleted(doc) ? undefined : bodyOf(doc));
    return { doc: theirs, conflicts: [{ path: [], mine: side(mine), theirs: side(theirs) }] };
  }
  const conflicts: MergeConflict[] = [];
  const baseBody = base === undefined || isDeleted(base) ? undefined : bodyOf(base);
  const merged = mergeTop(baseBody, bodyOf(mine), bodyOf(theirs), rules, conflicts);
  const comparable = (doc: JsonObject): JsonObject => withoutKeys(bodyOf(doc), [...rules.derived, ...rules.latest]);
  // Equal to the server copy: keep it exactly, so that nothing needs pushing back.
  if (jsonEqual(comparable(merged), comparable(theirs))) return { doc: theirs, conflicts };
  if (jsonEqual(comparable(merged), comparable(mine))) return { doc: { ...mine, ...pick(merged, rules.latest) }, conflicts };
  return { doc: { ...rules.recompute(merged), _deleted: false }, conflicts };
}

function pick(doc: JsonObject, keys: readonly string[]): JsonObject {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => keys.includes(key)));
}

function withoutKeys(doc: JsonObject, keys: readonly string[]): JsonObject {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !keys.includes(key)));
}

/** Keys of the three objects, the server's order first. */
function keysOf(...objects: (JsonObject | undefined)[]): string[] {
  return [...new Set(objects.flatMap((o) => (o === undefined ? [] : Object.keys(o))))];
}

function mergeTop(base: JsonObject | undefined, mine: JsonObject, theirs: JsonObject, rules: MergeRules, conflicts: MergeConflict[]): JsonObject {
  const result: Record<string, JsonValue> = {};
  for (const key of keysOf(theirs, mine, base)) {
    const value = mergeField(key, base, mine, theirs, rules, conflicts);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

function mergeField(
  key: string,
  base: JsonObject | undefined,
  mine: JsonObject,
  theirs: JsonObject,
  rules: MergeRules,
  conflicts: MergeConflict[],
): JsonValue | undefined {
  const [b, m, t] = [base?.[key], mine[key], theirs[key]];
  const serverSide = t === undefined ? m : t;
  if (rules.serverOwned.includes(key) || rules.derived.includes(key)) return serverSide;
  if (rules.latest.includes(key)) return typeof m === 'string' && typeof t === 'string' && m > t ? m : serverSide;
  if (rules.idLists.includes(key)) {
    const merged = mergeById(b, m, t, base !== undefined, [key], conflicts);
    if (merged !== null) return merged;
  }
  return mergeValue(b, m, t, base !== undefined, [key], conflicts);
}

/** The three sides are objects of the same shape (same keys, same `kind`/`type` variant). */
function sameShape(values: readonly (JsonValue | undefined)[]): values is readonly JsonObject[] {
  if (!values.every(isJsonObject)) return false;
  const objects = values as readonly JsonObject[];
  const [first, ...others] = objects;
  if (first === undefined) return false;
  const keys = Object.keys(first).sort().join('\n');
  return others.every((o) => Object.keys(o).sort().join('\n') === keys && o.kind === first.kind && o.type === first.type);
}

/** Merges one value; `undefined` means absent. `hasBase` is false for a document without a base. */
function mergeValue(
  base: JsonValue | undefined,
  mine: JsonValue | undefined,
  theirs: JsonValue | undefined,
  hasBase: boolean,
  path: ConflictPath,
  conflicts: MergeConflict[],
): JsonValue | undefined {
  if (jsonEqual(mine, theirs)) return theirs;
  if (hasBase && jsonEqual(mine, base)) return theirs;
  if (hasBase && jsonEqual(theirs, base)) return mine;
  if (sameShape(hasBase ? [base, mine, theirs] : [mine, theirs])) {
    const [m, t] = [mine as JsonObject, theirs as JsonObject];
    const b = base as JsonObject | undefined;
    const result: Record<string, JsonValue> = {};
    for (const key of keysOf(t, m, b)) {
      const value = mergeValue(b?.[key], m[key], t[key], hasBase, [...path, key], conflicts);
      if (value !== undefined) result[key] = value;
    }
    return result;
  }
  conflicts.push({ path, mine: sideOf(mine), theirs: sideOf(theirs) });
  return theirs;
}
