import { Subject } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem, RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { JsonObject } from '../model/json.ts';
import type { CollectionName } from '../schemas/collections.ts';
import { SyncRequestError, type PushRow, type SyncApi, type SyncCheckpoint } from './sync-api.ts';

export interface CollectionReplicationOptions<Doc> {
  readonly name: CollectionName;
  readonly collection: RxCollection<Doc>;
  readonly api: SyncApi;
  /** Names this replication's bookkeeping: one per server, so another server starts from scratch. */
  readonly identifier: string;
  readonly pullBatchSize: number;
  readonly pushBatchSize: number;
  /** RxDB's pause between a failed request and its retry; the shared backoff adds the real delay. */
  readonly retryTimeMs: number;
  readonly isPaused: () => boolean;
  /** Documents received by a pull. */
  readonly onPulled: (count: number) => void;
}

/** One collection's replication, with the stream it listens to. */
export interface CollectionReplication<Doc> {
  readonly name: CollectionName;
  readonly state: RxReplicationState<Doc, SyncCheckpoint>;
  /** Pull now from the last checkpoint (a change notice, or a (re)connection: 'RESYNC'). */
  resync(): void;
  /** A change notice for this collection: pulls unless a pull already reached `checkpoint`. */
  notice(checkpoint: SyncCheckpoint | null): void;
}

/** True when `known` is at or past `notice` in the same epoch (sync-server checkpoint: `{epoch, seq}`). */
export function isCaughtUp(known: SyncCheckpoint | null, notice: SyncCheckpoint | null): boolean {
  if (known === null || notice === null) return false;
  return known.epoch === notice.epoch && typeof known.seq === 'number' && typeof notice.seq === 'number' && known.seq >= notice.seq;
}

const isTombstone = (doc: JsonObject | undefined): boolean => doc !== undefined && doc._deleted === true;

/**
 * Sets up `replicateRxCollection` for one collection over the sync API (DESIGN §9): checkpointed
 * pull in batches, push in batches, live through the shared stream (which emits into `stream$`).
 * Not started: the caller starts (and pauses) it.
 *
 * Pushing a tombstone over a tombstone changes nothing on the server, so such rows are answered
 * locally. They arise after a refused insert: RxDB writes the server's answer (a tombstone) as the
 * resolved state and pushes it once more; the server, which never had the document, would refuse
 * that again, for ever.
 */
export function createCollectionReplication<Doc>(options: CollectionReplicationOptions<Doc>): CollectionReplication<Doc> {
  const stream$ = new Subject<RxReplicationPullStreamItem<Doc, SyncCheckpoint>>();
  let known: SyncCheckpoint | null = null;
  const paused = (): never => {
    throw new SyncRequestError('PAUSED', null, 'Replication is paused');
  };

  const state = replicateRxCollection<Doc, SyncCheckpoint>({
    replicationIdentifier: `${options.identifier}:${options.name}`,
    collection: options.collection,
    live: true,
    autoStart: false,
    waitForLeadership: false,
    toggleOnDocumentVisible: false,
    retryTime: options.retryTimeMs,
    pull: {
      batchSize: options.pullBatchSize,
      stream$: stream$.asObservable(),
      async handler(checkpoint, batchSize) {
        if (options.isPaused()) paused();
        if (checkpoint !== undefined) known = checkpoint;
        const page = await options.api.pull(options.name, checkpoint ?? null, batchSize);
        known = page.checkpoint;
        options.onPulled(page.documents.length);
        // Wire documents are the collection's documents with `_deleted` (the server validates them against the same schema).
        return { documents: page.documents as unknown as WithDeleted<Doc>[], checkpoint: page.checkpoint };
      },
    },
    push: {
      batchSize: options.pushBatchSize,
      async handler(rows: RxReplicationWriteToMasterRow<Doc>[]) {
        if (options.isPaused()) paused();
        const wire = rows as unknown as PushRow[];
        const toSend = wire.filter((row) => !(isTombstone(row.newDocumentState) && isTombstone(row.assumedMasterState)));
        if (toSend.length === 0) return [];
        const conflicts = await options.api.push(options.name, toSend);
        return conflicts as unknown as WithDeleted<Doc>[];
      },
    },
  });

  return {
    name: options.name,
    state,
    resync: () => stream$.next('RESYNC'),
    notice(checkpoint) {
      if (!isCaughtUp(known, checkpoint)) stream$.next('RESYNC');
    },
  };
}
