import {
  getAssumedMasterState,
  getChangedDocumentsSince,
  getComposedPrimaryKeyOfDocumentData,
  type RxCollection,
  type RxStorageInstanceReplicationState,
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { JsonObject } from '../model/json.ts';
import type { SyncCheckpoint } from './sync-api.ts';
import { sameState } from './merge.ts';

/** Pages of the exact recount: bounded memory however long the backlog. */
const RECOUNT_PAGE = 500;

/** Writes RxDB itself makes when it stores pulled documents: not local changes. */
const isDownstreamWrite = (context: string): boolean => context.startsWith('replication-downstream');

/** Local changes of one collection not yet acknowledged by the server. */
export interface PendingChanges {
  readonly size: number;
  /** Replaces the running count by an exact one (see below). */
  recount(): Promise<void>;
  stop(): void;
}

/**
 * Counts a collection's documents written locally and not yet acknowledged by the server.
 *
 * Exact count ("recount"): what RxDB's upstream will push, i.e. the documents changed since the
 * upstream checkpoint whose state differs from the server state last seen (the replication's
 * assumed master state). Cost: the size of that backlog, so it runs at start and whenever the
 * replication goes idle, when the backlog is exactly the unpushed changes.
 * In between, a running count: an id is added on every local write (any write that is not RxDB
 * storing pulled documents; a merged conflict resolution counts, it must be pushed) and removed
 * when RxDB reports it pushed (`sent$`) and the stored document is still the state that was sent.
 * Events that arrive during a recount are replayed over its result, in order.
 */
export function trackPendingChanges<Doc>(
  collection: RxCollection<Doc>,
  replication: RxReplicationState<Doc, SyncCheckpoint>,
  onChange: () => void,
): PendingChanges {
  let pending = new Set<string>();
  let during: [string, 'add' | 'remove'][] | null = null;
  let recounting: Promise<void> | null = null;
  let again = false;
  // Local writes per id, so that a push acknowledged while a newer write lands does not clear it.
  const writes = new Map<string, number>();

  const apply = (id: string, op: 'add' | 'remove'): void => {
    if (op === 'add') writes.set(id, (writes.get(id) ?? 0) + 1);
    during?.push([id, op]);
    const changed = op === 'add' ? !pending.has(id) : pending.has(id);
    if (op === 'add') pending.add(id);
    else pending.delete(id);
    if (changed) onChange();
  };

  // Pushed documents are checked against the stored ones in one read per burst, not one per document.
  let acknowledged: { id: string; doc: JsonObject; writesAtSend: number | undefined }[] = [];
  async function settleAcknowledged(): Promise<void> {
    const batch = acknowledged;
    acknowledged = [];
    let stored: JsonObject[];
    try {
      stored = (await collection.storageInstance.findDocumentsById([...new Set(batch.map((a) => a.id))], true)) as unknown as JsonObject[];
    } catch {
      // The storage closes when the database does; the next recount corrects the count anyway.
      return;
    }
    const byId = new Map(stored.map((doc) => [String(doc.id), doc]));
    for (const { id, doc, writesAtSend } of batch) {
      if (writes.get(id) !== writesAtSend) continue;
      const current = byId.get(id);
      // sameState skips RxDB's bookkeeping (`_meta`, `_rev`): the stored document compares as it is.
      if (current === undefined || sameState(current, doc)) {
        writes.delete(id);
        apply(id, 'remove');
      }
    }
  }

  const subscriptions = [
    collection.eventBulks$.subscribe((bulk) => {
      if (isDownstreamWrite(bulk.context)) return;
      for (const event of bulk.events) apply(event.documentId, 'add');
    }),
    replication.sent$.subscribe((sent) => {
      const doc = sent as unknown as JsonObject;
      const id = String(doc.id);
      acknowledged.push({ id, doc, writesAtSend: writes.get(id) });
      if (acknowledged.length === 1) void Promise.resolve().then(settleAcknowledged);
    }),
  ];

  async function exactCount(state: RxStorageInstanceReplicationState<Doc>): Promise<Set<string>> {
    const meta = state.input.metaInstance;
    const checkpointId = getComposedPrimaryKeyOfDocumentData(meta.schema, { isCheckpoint: '1', itemId: 'up' });
    const [checkpointDoc] = await meta.findDocumentsById([checkpointId], false);
    let checkpoint: unknown = checkpointDoc?.checkpointData;
    const result = new Set<string>();
    for (;;) {
      const page = await getChangedDocumentsSince(state.input.forkInstance, RECOUNT_PAGE, checkpoint);
      if (page.documents.length === 0) return result;
      const ids = page.documents.map((doc) => String((doc as unknown as JsonObject).id));
      const assumed = await getAssumedMasterState(state, ids);
      for (const [i, doc] of page.documents.entries()) {
        const id = ids[i] as string;
        const master = assumed[id];
        if (master === undefined || !sameState(master.docData as unknown as JsonObject, doc as unknown as JsonObject)) result.add(id);
      }
      checkpoint = page.checkpoint;
    }
  }

  async function recountOnce(): Promise<void> {
    const state = replication.internalReplicationState;
    if (state === undefined || replication.isStopped()) return;
    during = [];
    try {
      const exact = await exactCount(state);
      for (const [id, op] of during) {
        if (op === 'add') exact.add(id);
        else exact.delete(id);
      }
      const changed = exact.size !== pending.size || [...exact].some((id) => !pending.has(id));
      pending = exact;
      if (changed) onChange();
    } finally {
      during = null;
    }
  }

  return {
    get size() {
      return pending.size;
    },
    recount() {
      // One recount at a time; a request during one runs once more after it.
      if (recounting !== null) {
        again = true;
        return recounting;
      }
      recounting = (async () => {
        do {
          again = false;
          await recountOnce();
        } while (again);
      })().finally(() => {
        recounting = null;
      });
      return recounting;
    },
    stop() {
      for (const subscription of subscriptions) subscription.unsubscribe();
    },
  };
}
