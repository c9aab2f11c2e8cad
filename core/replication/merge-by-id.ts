import type { JsonObject, JsonValue } from '../model/json.ts';
import { sideOf, type ConflictPath } from './conflict-path.ts';
import { isJsonObject, jsonEqual } from './json-equal.ts';
import type { MergeConflict } from './merge.ts';

type Keyed = readonly JsonObject[];

/** The list as elements with unique string ids, or null when it is not such a list. */
function asKeyed(value: JsonValue | undefined): Keyed | null {
  if (!Array.isArray(value)) return null;
  const seen = new Set<string>();
  for (const item of value as readonly JsonValue[]) {
    if (!isJsonObject(item) || typeof item.id !== 'string' || seen.has(item.id)) return null;
    seen.add(item.id);
  }
  return value as Keyed;
}

const idsOf = (list: Keyed): string[] => list.map((item) => item.id as string);
const byId = (list: Keyed): Map<string, JsonObject> => new Map(list.map((item) => [item.id as string, item]));

/**
 * Merges a list of elements keyed by `id` (quote lines, DESIGN §9), or returns null when one side is
 * not such a list (the caller then merges the field as a whole). Per element: added, removed or
 * changed on one side only → that side; changed on both sides to different states (including
 * changed on one, removed on the other) → the server's state, recorded. Elements are atomic: a line
 * is priced as a whole, so mixing fields of two versions of it could produce a line nobody wrote.
 */
export function mergeById(
  base: JsonValue | undefined,
  mine: JsonValue | undefined,
  theirs: JsonValue | undefined,
  hasBase: boolean,
  path: ConflictPath,
  conflicts: MergeConflict[],
): JsonValue | null {
  const baseList = hasBase ? asKeyed(base) : [];
  const mineList = asKeyed(mine);
  const theirList = asKeyed(theirs);
  if (baseList === null || mineList === null || theirList === null) return null;
  const [b, m, t] = [byId(baseList), byId(mineList), byId(theirList)];
  const merged = new Map<string, JsonObject>();
  for (const id of new Set([...m.keys(), ...t.keys()])) {
    const [bl, ml, tl] = [b.get(id), m.get(id), t.get(id)];
    let result: JsonObject | undefined;
    if (jsonEqual(ml, tl)) result = tl;
    else if (hasBase && jsonEqual(ml, bl)) result = tl;
    else if (hasBase && jsonEqual(tl, bl)) result = ml;
    else {
      result = tl;
      conflicts.push({ path: [...path, { id }], mine: sideOf(ml), theirs: sideOf(tl) });
    }
    if (result !== undefined) merged.set(id, result);
  }
  return mergeOrder(idsOf(baseList), idsOf(mineList), idsOf(theirList), new Set(merged.keys())).map((id) => merged.get(id) as JsonObject);
}

const sameSequence = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The order of the merged list: the order of the side that reordered existing elements (the
 * server's when neither or both did), with the other side's elements that survive inserted after
 * their nearest surviving predecessor in that other side's order.
 */
export function mergeOrder(base: readonly string[], mine: readonly string[], theirs: readonly string[], surviving: ReadonlySet<string>): string[] {
  const inAll = (id: string): boolean => base.includes(id) && mine.includes(id) && theirs.includes(id);
  const [b, m, t] = [base.filter(inAll), mine.filter(inAll), theirs.filter(inAll)];
  const mineLeads = !sameSequence(m, b) && sameSequence(t, b);
  const [primary, other] = mineLeads ? [mine, theirs] : [theirs, mine];
  const result = primary.filter((id) => surviving.has(id));
  // Where the last element inserted after a given anchor went, so several keep their order.
  const lastAfter = new Map<string | null, string>();
  let anchor: string | null = null;
  for (const id of other) {
    if (!surviving.has(id)) continue;
    if (result.includes(id)) {
      anchor = id;
      continue;
    }
    const previous = lastAfter.get(anchor) ?? anchor;
    const at = previous === null ? 0 : result.indexOf(previous) + 1;
    result.splice(at, 0, id);
    lastAfter.set(anchor, id);
  }
  return result;
}
