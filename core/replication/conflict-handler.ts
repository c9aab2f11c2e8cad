import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import type { JsonObject } from '../model/json.ts';
import { APPEND_ONLY_COLLECTIONS, type CollectionName } from '../schemas/collections.ts';
import { sideOf } from './conflict-path.ts';
import type { ConflictReason } from './conflict-schema.ts';
import { jsonEqual } from './json-equal.ts';
import { bodyOf, sameState, threeWayMerge, type MergeConflict, type MergeRules } from './merge.ts';
import { mergeRulesFor } from './merge-rules.ts';

/** Where the handler puts what it could not merge (conflict-store.ts writes it to the `conflicts` collection). */
export interface ConflictSink {
  record(collection: CollectionName, docId: string, reason: ConflictReason, conflicts: readonly MergeConflict[]): Promise<void>;
}

const isDeleted = (doc: JsonObject): boolean => doc._deleted === true;

/**
 * The server refused this client's change rather than holding a newer one (sync-server push.ts):
 * it answered with the very state our change started from, or with a tombstone of what we sent
 * ("this document does not exist for you").
 */
export function isRefusal(base: JsonObject | undefined, mine: JsonObject, theirs: JsonObject): boolean {
  if (base !== undefined && sameState(theirs, base) && !sameState(mine, base)) return true;
  return isDeleted(theirs) && !isDeleted(mine) && jsonEqual(bodyOf(theirs), bodyOf(mine));
}

/** What a refused change loses: the whole document when the deletion differs, else each differing field. */
export function refusedChanges(mine: JsonObject, theirs: JsonObject, rules: MergeRules): MergeConflict[] {
  if (isDeleted(mine) || isDeleted(theirs)) {
    return [{ path: [], mine: sideOf(isDeleted(mine) ? undefined : bodyOf(mine)), theirs: sideOf(isDeleted(theirs) ? undefined : bodyOf(theirs)) }];
  }
  const skip = new Set([...rules.serverOwned, ...rules.derived, ...rules.latest]);
  const [m, t] = [bodyOf(mine), bodyOf(theirs)];
  return [...new Set([...Object.keys(t), ...Object.keys(m)])]
    .filter((key) => !skip.has(key) && !jsonEqual(m[key], t[key]))
    .map((key) => ({ path: [key], mine: sideOf(m[key]), theirs: sideOf(t[key]) }));
}

/**
 * The RxDB conflict handler of one collection (DESIGN §9). RxDB calls `resolve` when a push comes
 * back with the server's copy; the returned state is written locally and pushed again.
 * - A refusal keeps the server copy and records what was refused.
 * - Append-only collections never conflict: the server copy is kept.
 * - Otherwise `threeWayMerge` against `assumedMasterState`; values both sides changed are recorded.
 *   When the server already holds what we pushed (lost response) the merge finds nothing to record.
 * `isEqual` is a full comparison: RxDB also uses it to decide that a pulled server copy needs no
 * local write, so ignoring any field (even a server-owned one) would drop its update.
 */
export function createConflictHandler<Doc>(collection: CollectionName, sink: ConflictSink): RxConflictHandler<Doc> {
  const rules = mergeRulesFor(collection);
  const appendOnly = APPEND_ONLY_COLLECTIONS.includes(collection);
  const asJson = (doc: WithDeleted<Doc>): JsonObject => doc as unknown as JsonObject;
  return {
    isEqual: (a, b) => sameState(asJson(a), asJson(b)),
    async resolve(input: RxConflictHandlerInput<Doc>) {
      const base = input.assumedMasterState === undefined ? undefined : asJson(input.assumedMasterState);
      const [mine, theirs] = [asJson(input.newDocumentState), asJson(input.realMasterState)];
      const docId = String(theirs.id ?? mine.id);
      if (isRefusal(base, mine, theirs)) {
        await sink.record(collection, docId, 'refused', refusedChanges(mine, theirs, rules));
        return input.realMasterState;
      }
      if (appendOnly) return input.realMasterState;
      const { doc, conflicts } = threeWayMerge(base, mine, theirs, rules);
      if (conflicts.length > 0) await sink.record(collection, docId, 'concurrent', conflicts);
      // The merged document has the collection's shape: every field comes from one of two valid documents.
      return doc as unknown as WithDeleted<Doc>;
    },
  };
}
