import type { RxDocument } from 'rxdb';
import type { CollectionName } from '../schemas/collections.ts';
import type { Clock } from '../shared/clock.ts';
import type { IdGenerator } from '../shared/ids.ts';
import type { ConflictSink } from './conflict-handler.ts';
import { formatPath } from './conflict-path.ts';
import type { ConflictCollection, ConflictDoc, ConflictReason } from './conflict-schema.ts';
import { jsonEqual } from './json-equal.ts';
import type { MergeConflict } from './merge.ts';

/** The open conflict of a document path, if any. */
export function findOpenConflict(conflicts: ConflictCollection, collection: CollectionName, docId: string, path: string): Promise<RxDocument<ConflictDoc> | null> {
  return conflicts.findOne({ selector: { docId, status: 'open', collectionName: collection, path } }).exec();
}

/**
 * Records merge conflicts in the local `conflicts` collection. One open conflict per document path:
 * the same conflict seen again (RxDB may resolve one push twice when a local write races it) is not
 * duplicated, and a newer one on the same path replaces the open one, since only the latest values
 * can still be chosen between.
 *
 * `conflicts` is a getter because the handlers are created before the collection exists. A failed
 * write is reported to `onError` and not thrown: the merge result must still reach RxDB, or the
 * document would stay unsynced.
 */
export function createConflictSink(
  conflicts: () => ConflictCollection,
  clock: Clock,
  ids: IdGenerator,
  onError: (error: unknown) => void,
): ConflictSink {
  async function recordOne(collection: CollectionName, docId: string, reason: ConflictReason, conflict: MergeConflict): Promise<void> {
    const path = formatPath(conflict.path);
    const at = clock.now();
    const open = await findOpenConflict(conflicts(), collection, docId, path);
    if (open !== null) {
      if (open.reason === reason && jsonEqual(open.mine, conflict.mine) && jsonEqual(open.theirs, conflict.theirs)) return;
      await open.incrementalPatch({ reason, mine: conflict.mine, theirs: conflict.theirs, at, updatedAt: at });
      return;
    }
    await conflicts().insert({
      id: ids.next(),
      collectionName: collection,
      docId,
      path,
      reason,
      mine: conflict.mine,
      theirs: conflict.theirs,
      at,
      status: 'open',
      resolvedAt: null,
      updatedAt: at,
    });
  }
  return {
    async record(collection, docId, reason, list) {
      for (const conflict of list) {
        try {
          await recordOne(collection, docId, reason, conflict);
        } catch (error) {
          onError(error);
        }
      }
    },
  };
}
