import type { JsonObject, JsonValue } from '../model/json.ts';
import { isJsonObject } from './json-equal.ts';

/** One step into a document: a field name, or the element with this `id` of an id-keyed list (quote lines). */
export type PathSegment = string | { readonly id: string };

/** Where in a document two sides disagree; `[]` is the whole document (deleted on one side). */
export type ConflictPath = readonly PathSegment[];

/**
 * One side's value at a path; `present: false` (value `null`) when the field, line or document is
 * absent. A type alias, not an interface, so that it is itself a `JsonObject` (stored as is).
 */
export type ConflictSide = {
  readonly present: boolean;
  readonly value: JsonValue;
};

/** The side of a value that may be absent (`undefined`). */
export function sideOf(value: JsonValue | undefined): ConflictSide {
  return value === undefined ? { present: false, value: null } : { present: true, value };
}

/**
 * Text form stored in the conflicts collection: field names joined by `/`, list elements as `@id`
 * (`lines/@line-3`, `negotiation/state`); `''` is the whole document. Field names are identifiers
 * and ids match ID_PATTERN, so neither contains `/` or starts with `@`.
 */
export function formatPath(path: ConflictPath): string {
  return path.map((segment) => (typeof segment === 'string' ? segment : `@${segment.id}`)).join('/');
}

/** The inverse of `formatPath`. */
export function parsePath(text: string): ConflictPath {
  if (text === '') return [];
  return text.split('/').map((part) => (part.startsWith('@') ? { id: part.slice(1) } : part));
}

function elementIndex(list: readonly JsonValue[], id: string): number {
  return list.findIndex((item) => isJsonObject(item) && item.id === id);
}

/** The value at `path`, `undefined` when absent. */
export function getAt(value: JsonValue | undefined, path: ConflictPath): JsonValue | undefined {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'string') {
      current = isJsonObject(current) && Object.hasOwn(current, segment) ? current[segment] : undefined;
    } else {
      current = Array.isArray(current) ? current[elementIndex(current, segment.id)] : undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * A copy of `doc` with `side` written at `path`: a field set or removed, a list element replaced,
 * removed, or appended when it is missing (its old neighbours may be gone, so the end is the one
 * place that always exists). Missing intermediate objects or lists make the write impossible: null.
 */
export function setAt(doc: JsonObject, path: ConflictPath, side: ConflictSide): JsonObject | null {
  const [head, ...rest] = path;
  if (head === undefined) return side.present && isJsonObject(side.value) ? side.value : null;
  return setIn(doc, head, rest, side) as JsonObject | null;
}

function setIn(container: JsonValue | undefined, head: PathSegment, rest: ConflictPath, side: ConflictSide): JsonValue | null {
  const leaf = rest.length === 0;
  if (typeof head === 'string') {
    if (!isJsonObject(container)) return null;
    const { [head]: current, ...others } = container;
    if (leaf) return side.present ? { ...container, [head]: side.value } : others;
    const next = setIn(current, rest[0] as PathSegment, rest.slice(1), side);
    return next === null ? null : { ...container, [head]: next };
  }
  if (!Array.isArray(container)) return null;
  const list = container as readonly JsonValue[];
  const index = elementIndex(list, head.id);
  if (leaf) {
    if (!side.present) return index < 0 ? list : list.filter((_, i) => i !== index);
    return index < 0 ? [...list, side.value] : list.map((item, i) => (i === index ? side.value : item));
  }
  if (index < 0) return null;
  const next = setIn(list[index], rest[0] as PathSegment, rest.slice(1), side);
  return next === null ? null : list.map((item, i) => (i === index ? next : item));
}
