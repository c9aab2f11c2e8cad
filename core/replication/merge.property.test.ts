import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../model/json.ts';
import { formatPath, getAt, type ConflictPath } from './conflict-path.ts';
import { jsonEqual } from './json-equal.ts';
import { threeWayMerge, type MergeRules } from './merge.ts';

// A document shape with every kind of field the merge treats differently: plain values, a nested
// object, a discriminated union, a list merged as a whole, id-keyed lines, a server-owned status, a
// derived sum and an updatedAt.

interface Line {
  readonly id: string;
  readonly label: string;
  readonly q: number;
}

const rules: MergeRules = {
  serverOwned: ['status'],
  derived: ['sum'],
  latest: ['updatedAt'],
  idLists: ['lines'],
  recompute: (doc) => ({ ...doc, sum: (doc.lines as unknown as Line[]).reduce((s, l) => s + l.q, 0) }),
};

const LINE_IDS = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'];
const small = fc.integer({ min: 0, max: 3 });
const word = fc.constantFrom('a', 'b', 'c');
const line = (id: string): fc.Arbitrary<Line> => fc.record({ id: fc.constant(id), label: word, q: small });
const discount = fc.oneof(
  fc.record({ kind: fc.constant('percent'), rate: small }),
  fc.record({ kind: fc.constant('amount'), amount: small }),
  fc.constant(null),
);
const instant = fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z');

const baseDoc: fc.Arbitrary<JsonObject> = fc
  .record({
    title: word,
    count: small,
    status: word,
    nested: fc.record({ x: small, y: word }),
    discount,
    tags: fc.array(word, { maxLength: 2 }),
    lines: fc.uniqueArray(fc.constantFrom(...LINE_IDS.slice(0, 4)), { maxLength: 4 }).chain((ids) => fc.tuple(...ids.map(line))),
    updatedAt: instant,
  })
  .map((doc) => rules.recompute({ id: 'doc-1', ...(doc as unknown as JsonObject), _deleted: false }));

/** One side's edit of `base`: some fields changed, lines added, removed, changed or reordered, rarely a delete. */
function edit(base: JsonObject): fc.Arbitrary<JsonObject> {
  const baseLines = base.lines as unknown as Line[];
  const maybe = <T>(arb: fc.Arbitrary<T>, current: T): fc.Arbitrary<T> => fc.oneof({ weight: 2, arbitrary: fc.constant(current) }, { weight: 1, arbitrary: arb });
  const lines = fc
    .tuple(
      fc.tuple(...baseLines.map((l) => fc.oneof({ weight: 3, arbitrary: fc.constant<Line | null>(l) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: line(l.id) }))),
      fc.subarray(LINE_IDS.filter((id) => !baseLines.some((l) => l.id === id)), { maxLength: 2 }).chain((ids) => fc.tuple(...ids.map(line))),
      fc.boolean(),
    )
    .map(([kept, added, reverse]) => {
      const survivors = kept.filter((l): l is Line => l !== null);
      return [...(reverse ? survivors.reverse() : survivors), ...added];
    });
  return fc
    .record({
      title: maybe(word, base.title as string),
      count: maybe(small, base.count as number),
      status: maybe(word, base.status as string),
      nested: maybe(fc.record({ x: small, y: word }), base.nested as { x: number; y: string }),
      discount: maybe(discount, base.discount as never),
      tags: maybe(fc.array(word, { maxLength: 2 }), base.tags as string[]),
      lines: maybe(lines, baseLines),
      updatedAt: instant,
      deleted: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    })
    .map(({ deleted, ...fields }) => rules.recompute({ ...base, ...(fields as unknown as JsonObject), _deleted: deleted }));
}

const triple = baseDoc.chain((base) => fc.tuple(fc.constant(base), edit(base), edit(base)));

/** Every path the merge decides on as a unit: fields, nested fields, lines by id. */
function leafPaths(...docs: JsonObject[]): ConflictPath[] {
  const paths = new Map<string, ConflictPath>();
  const add = (p: ConflictPath): void => void paths.set(formatPath(p), p);
  for (const doc of docs) {
    for (const key of Object.keys(doc)) {
      if (key.startsWith('_') || rules.serverOwned.includes(key) || rules.derived.includes(key) || rules.latest.includes(key)) continue;
      const value = doc[key];
      // The nested object always has the same shape here, so it merges field by field; lines merge by
      // id (their order is not a value the merge reports: when both sides reorder, the server's wins).
      if (key === 'nested') for (const k of Object.keys(value as JsonObject)) add([key, k]);
      else if (key === 'lines') for (const l of value as unknown as Line[]) add([key, { id: l.id }]);
      else add([key]);
    }
  }
  return [...paths.values()];
}

const isPrefix = (prefix: ConflictPath, path: ConflictPath): boolean =>
  prefix.length <= path.length && prefix.every((segment, i) => formatPath([segment]) === formatPath([path[i] as ConflictPath[number]]));
/** The value at `path`; a deleted document holds nothing, and the document itself is its fields. */
function at(doc: JsonObject, path: ConflictPath): JsonValue | undefined {
  if (doc._deleted === true) return undefined;
  if (path.length > 0) return getAt(doc, path);
  const { _deleted: _flag, ...body } = doc;
  return body;
}
const sortedLines = (doc: JsonObject): JsonObject =>
  ({ ...doc, lines: [...(doc.lines as unknown as Line[])].sort((a, b) => a.id.localeCompare(b.id)) }) as unknown as JsonObject;

describe('three-way merge properties', () => {
  it('with no remote change, yields mine', () => {
    fc.assert(fc.property(triple, ([base, mine]) => {
      expect(threeWayMerge(base, mine, base, rules)).toEqual({ doc: mine, conflicts: [] });
    }));
  });

  it('with no local change, yields theirs', () => {
    fc.assert(fc.property(triple, ([base, , theirs]) => {
      expect(threeWayMerge(base, base, theirs, rules)).toEqual({ doc: theirs, conflicts: [] });
    }));
  });

  it('is commutative when nothing conflicts (server-owned fields and same-place insert order aside)', () => {
    fc.assert(fc.property(triple, ([base, mine, theirs]) => {
      const ab = threeWayMerge(base, mine, theirs, rules);
      const ba = threeWayMerge(base, theirs, mine, rules);
      fc.pre(ab.conflicts.length === 0 && ba.conflicts.length === 0);
      // updatedAt too: a result equal to the server copy keeps the server's, to need no push back.
      const comparable = (doc: JsonObject): JsonObject => {
        const { status: _status, updatedAt: _updatedAt, ...rest } = sortedLines(doc);
        return rest;
      };
      expect(ab.doc._deleted).toBe(ba.doc._deleted);
      // A tombstone's fields mean nothing (sameState ignores them).
      if (ab.doc._deleted !== true) expect(jsonEqual(comparable(ab.doc), comparable(ba.doc))).toBe(true);
    }));
  });

  it('discards nothing silently: every change of either side survives or is reported', () => {
    fc.assert(fc.property(triple, ([base, mine, theirs]) => {
      const { doc, conflicts } = threeWayMerge(base, mine, theirs, rules);
      // Reported at the path, around it (a whole line, the whole document) or inside it (a nested field).
      const reported = (path: ConflictPath): boolean => conflicts.some((c) => isPrefix(c.path, path) || isPrefix(path, c.path));
      if ((doc._deleted === true) !== (mine._deleted === true) && base._deleted !== mine._deleted) expect(reported([])).toBe(true);
      if (doc._deleted === true) return;
      for (const path of leafPaths(base, mine, theirs)) {
        const result = at(doc, path);
        for (const side of [mine, theirs]) {
          const changed = !jsonEqual(at(side, path), at(base, path));
          if (changed && !jsonEqual(result, at(side, path))) {
            // A change may only be lost to the other side's change, reported, and keeping the server's value.
            expect(reported(path), `${formatPath(path)} lost`).toBe(true);
          }
        }
      }
    }));
  });

  it('reports only values both sides changed, and keeps the server value there', () => {
    fc.assert(fc.property(triple, ([base, mine, theirs]) => {
      const { doc, conflicts } = threeWayMerge(base, mine, theirs, rules);
      for (const conflict of conflicts) {
        expect(jsonEqual(at(mine, conflict.path), at(base, conflict.path)), `mine changed ${formatPath(conflict.path)}`).toBe(false);
        expect(jsonEqual(at(theirs, conflict.path), at(base, conflict.path)), `theirs changed ${formatPath(conflict.path)}`).toBe(false);
        expect(at(doc, conflict.path)).toEqual(at(theirs, conflict.path));
        expect(conflict.mine.present ? conflict.mine.value : undefined).toEqual(at(mine, conflict.path));
      }
    }));
  });

  it('keeps the derived sum right and the later updatedAt', () => {
    fc.assert(fc.property(triple, ([base, mine, theirs]) => {
      const { doc } = threeWayMerge(base, mine, theirs, rules);
      if (doc._deleted === true) return;
      expect(doc.sum).toBe((doc.lines as unknown as Line[]).reduce((s, l) => s + l.q, 0));
      expect(doc.updatedAt).toBe([mine.updatedAt, theirs.updatedAt].includes(doc.updatedAt) ? doc.updatedAt : 'one of both');
    }));
  });
});
