// Peer client: RxDB (memory storage) replicating with RxDB's WebSocket replication server, in its own
// worker thread, with RxDB's default conflict handler (the server's copy wins) counted.
import { createRxDatabase, defaultConflictHandler, type RxCollection, type RxConflictHandler, type RxDatabase } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { replicateWithWebsocketServer } from 'rxdb/plugins/replication-websocket';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { COLLECTIONS } from '../../core/schemas/collections.ts';
import type { DossierDoc } from '../../core/schemas/dossiers.ts';
import { nowMs, serve } from './rpc.ts';
import { awaitSeen, writeLiveDossiers } from './live-writes.ts';
import { dataset, offlineEdit, workload } from './workload.ts';

const ds = dataset(workload());
let db: RxDatabase | null = null;
let replication: RxReplicationState<DossierDoc, unknown> | null = null;
let resolved = new Set<string>();
const seen = new Map<string, number>();

const counting: RxConflictHandler<DossierDoc> = {
  isEqual: (a, b, ctx) => defaultConflictHandler.isEqual(a, b, ctx),
  resolve(input, ctx) {
    resolved.add(input.realMasterState.id);
    return defaultConflictHandler.resolve(input, ctx);
  },
};

function dossiers(): RxCollection<DossierDoc> {
  if (db === null) throw new Error('open first');
  return db.collections.dossiers as unknown as RxCollection<DossierDoc>;
}
function need<T>(value: T | null): T {
  if (value === null) throw new Error('sync first');
  return value;
}

serve({
  async open({ name }: { name: string }) {
    db = await createRxDatabase({ name, storage: getRxStorageMemory(), multiInstance: false });
    await db.addCollections({ dossiers: { schema: COLLECTIONS.dossiers.schema, conflictHandler: counting } });
    return null;
  },

  /** Connects and waits for the first full pull (batches of `batchSize`, which RxDB also uses for pushes). */
  async initialSync({ url, batchSize }: { url: string; batchSize: number }) {
    const started = nowMs();
    replication = (await replicateWithWebsocketServer({ collection: dossiers(), url, replicationIdentifier: 'bench', batchSize, live: true })) as unknown as RxReplicationState<DossierDoc, unknown>;
    await replication.awaitInSync();
    const ms = nowMs() - started;
    return { ms, count: await dossiers().count().exec() };
  },

  async pause() {
    await need(replication).pause();
    return null;
  },

  async editOffline({ indexes }: { indexes: number[] }) {
    const ids = indexes.map((i) => ds.docAt('dossiers', i).id as string);
    const current = await dossiers().findByIds(ids).exec();
    const edited = ids.map((id) => {
      const doc = current.get(id);
      if (doc === undefined) throw new Error(`no dossier ${id} on this client`);
      return offlineEdit(doc.toMutableJSON());
    });
    for (let k = 0; k < edited.length; k += 1000) await dossiers().bulkUpsert(edited.slice(k, k + 1000));
    resolved = new Set();
    return null;
  },

  /** Resumes the paused replication and waits until in sync; `expect` ids must be written locally. */
  async reconnect({ expect }: { expect: string[] }) {
    const waiting = new Set(expect);
    let writtenAt = 0;
    const done = new Promise<void>((resolve) => {
      if (waiting.size === 0) resolve();
      const subscription = dossiers().eventBulks$.subscribe((bulk) => {
        for (const event of bulk.events) waiting.delete(event.documentId);
        if (waiting.size === 0) {
          writtenAt = nowMs();
          subscription.unsubscribe();
          resolve();
        }
      });
    });
    const started = nowMs();
    await need(replication).start();
    await done;
    await need(replication).awaitInSync();
    const inSync = nowMs();
    // Caught up: the expected documents are written (or, with none expected, the replication is idle).
    return { caughtUpMs: (expect.length > 0 ? writtenAt : inSync) - started, inSyncMs: inSync - started, conflicts: [...resolved] };
  },

  async subjects({ ids }: { ids: string[] }) {
    const docs = await dossiers().findByIds(ids).exec();
    return Object.fromEntries(ids.map((id) => [id, docs.get(id)?.subject ?? null]));
  },

  async watch({ prefix }: { prefix: string }) {
    seen.clear();
    dossiers().eventBulks$.subscribe((bulk) => {
      const at = nowMs();
      for (const event of bulk.events) if (event.documentId.startsWith(prefix) && !seen.has(event.documentId)) seen.set(event.documentId, at);
    });
    return null;
  },

  async watched({ count, timeoutMs }: { count: number; timeoutMs: number }) {
    return awaitSeen(seen, count, timeoutMs);
  },

  async writeLive(live: { prefix: string; count: number; rate: number }) {
    return writeLiveDossiers(ds, live, (doc) => dossiers().insert(doc));
  },

  async stop() {
    await replication?.cancel();
    await db?.close();
    db = null;
    return null;
  },
});
