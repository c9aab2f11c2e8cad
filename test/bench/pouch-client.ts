// Peer client: PouchDB on the memory adapter replicating with the pouchdb-server peer (CouchDB
// protocol), in its own worker thread. Same commands as the other clients, timed inside the worker.
import { nowMs, serve } from './rpc.ts';
import { pouchDB, toPouch, type PouchDatabase, type PouchDoc, type PouchEmitter } from './pouch.ts';
import { awaitSeen, writeLiveDossiers } from './live-writes.ts';
import { dataset, offlineEdit, workload } from './workload.ts';

const PouchDB = pouchDB();
const ds = dataset(workload());
let local: PouchDatabase | null = null;
let remote: PouchDatabase | null = null;
const running: PouchEmitter<unknown>[] = [];
const seen = new Map<string, number>();

function need<T>(value: T | null): T {
  if (value === null) throw new Error('open first');
  return value;
}

serve({
  async open({ url, name }: { url: string; name: string }) {
    local = new PouchDB(name, { adapter: 'memory' });
    remote = new PouchDB(url);
    return null;
  },

  /** One-shot pull of everything (batches of `batchSize`), as a fresh client's first sync. */
  async initialSync({ batchSize }: { batchSize: number }) {
    const started = nowMs();
    const result = await need(local).replicate.from(need(remote), { batch_size: batchSize, batches_limit: 10 });
    const ms = nowMs() - started;
    return { ms, written: result.docs_written, count: (await need(local).info()).doc_count };
  },

  async editOffline({ indexes }: { indexes: number[] }) {
    const ids = indexes.map((i) => ds.docAt('dossiers', i).id as string);
    const { rows } = await need(local).allDocs({ keys: ids, include_docs: true });
    const edited = rows.map((row) => offlineEdit(row.doc as PouchDoc & { subject: string; updatedAt: string }));
    for (let k = 0; k < edited.length; k += 1000) await need(local).bulkDocs(edited.slice(k, k + 1000));
    return null;
  },

  /** One-shot push of the local changes (batches of `batchSize`), as on reconnect. */
  async push({ batchSize }: { batchSize: number }) {
    const started = nowMs();
    const result = await need(local).replicate.to(need(remote), { batch_size: batchSize, batches_limit: 10 });
    return { ms: nowMs() - started, written: result.docs_written };
  },

  /** One-shot pull from the last checkpoint, as on reconnect. */
  async catchUp({ batchSize }: { batchSize: number }) {
    const started = nowMs();
    const result = await need(local).replicate.from(need(remote), { batch_size: batchSize, batches_limit: 10 });
    return { ms: nowMs() - started, written: result.docs_written };
  },

  /**
   * How the edited documents ended on the server: `subjects` of the winning revisions, and which
   * documents hold conflicting revisions (CouchDB keeps both sides; the loser stays as `_conflicts`).
   */
  async serverState({ ids }: { ids: string[] }) {
    const { rows } = await need(remote).allDocs({ keys: ids, include_docs: true, conflicts: true });
    return rows.map((row) => ({ id: row.id, subject: (row.doc?.subject as string | undefined) ?? null, conflicts: row.doc?._conflicts?.length ?? 0 }));
  },

  /** Live pull from the server's current sequence, recording when documents whose id starts with `prefix` arrive. */
  async watch({ prefix }: { prefix: string }) {
    const db = need(local);
    const since = (await need(remote).info()).update_seq;
    seen.clear();
    const changes = db.changes({ live: true, since: 'now' }).on('change', (change) => {
      if (change.id.startsWith(prefix) && !seen.has(change.id)) seen.set(change.id, nowMs());
    });
    running.push(changes);
    running.push(db.replicate.from(need(remote), { live: true, retry: true, since } as never));
    return null;
  },

  async watched({ count, timeoutMs }: { count: number; timeoutMs: number }) {
    return awaitSeen(seen, count, timeoutMs);
  },

  /** Live push to the server, and `count` local inserts at `rate` per second; id → when inserted. */
  async writeLive(live: { prefix: string; count: number; rate: number }) {
    const db = need(local);
    running.push(db.replicate.to(need(remote), { live: true, retry: true }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    return writeLiveDossiers(ds, live, (doc) => db.put(toPouch(doc)));
  },

  async stop() {
    for (const emitter of running.splice(0)) emitter.cancel();
    await local?.close();
    local = null;
    return null;
  },
});
