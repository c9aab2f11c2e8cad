// The same scenarios as comptoir-scenarios.ts, on the peers of DESIGN §13: PouchDB ↔ pouchdb-server
// (CouchDB protocol, express-pouchdb on the memory adapter) and RxDB's WebSocket replication server
// (memory storage). Same documents, same edits, same live write rate; servers in their own
// processes, clients in their own worker threads.
import { startPeerServer, type PeerServer } from './peer-process.ts';
import { spawnWorker, type Handlers, type WorkerClient } from './rpc.ts';
import { changedIndexes, conflictingIndexes, dataset, editedIndexes, offlineEdit, workload, type Workload } from './workload.ts';

export interface PeerResults {
  readonly peer: 'pouchdb' | 'rxdb-ws';
  readonly seedPerSec: number;
  readonly initial: { readonly perSec: number; readonly ms: number };
  readonly catchUp: { readonly ms: number[] };
  readonly noop: { readonly ms: number[] };
  readonly live: { readonly latencies: number[]; readonly missing: number };
  /** `conflictsReported`: documents the protocol flagged (CouchDB `_conflicts`, RxDB conflict handler calls); `lost`: edits found nowhere. */
  readonly push: { readonly ms: number; readonly perSec: number; readonly conflictsReported: number; readonly conflictsExpected: number; readonly lost: number; readonly note: string };
}

const ROUNDS = 5;
/** What `offlineEdit` appends to a subject. */
const OFFLINE_SUFFIX = offlineEdit({ subject: '', updatedAt: '' }).subject;

function latencies(written: Record<string, number>, arrived: Record<string, number>): number[] {
  return Object.entries(written).flatMap(([id, at]) => (arrived[id] === undefined ? [] : [arrived[id] - at]));
}

interface PouchCommands extends Handlers {
  open(args: { url: string; name: string }): Promise<null>;
  initialSync(args: { batchSize: number }): Promise<{ ms: number; written: number; count: number }>;
  editOffline(args: { indexes: number[] }): Promise<null>;
  push(args: { batchSize: number }): Promise<{ ms: number; written: number }>;
  catchUp(args: { batchSize: number }): Promise<{ ms: number; written: number }>;
  serverState(args: { ids: string[] }): Promise<{ id: string; subject: string | null; conflicts: number }[]>;
  watch(args: { prefix: string }): Promise<null>;
  watched(args: { count: number; timeoutMs: number }): Promise<Record<string, number>>;
  writeLive(args: { prefix: string; count: number; rate: number }): Promise<Record<string, number>>;
  stop(): Promise<null>;
}

export async function runPouch(w: Workload = workload(), log: (line: string) => void = () => undefined): Promise<PeerResults> {
  const ds = dataset(w);
  let server: PeerServer | null = null;
  const workers: WorkerClient<PouchCommands>[] = [];
  try {
    server = await startPeerServer(new URL('./pouch-server.ts', import.meta.url), 'pouchdb-server');
    const url = `http://127.0.0.1:${server.port}/dossiers`;
    const script = new URL('./pouch-client.ts', import.meta.url);
    const a = spawnWorker<PouchCommands>(script, 'pouch A');
    workers.push(a);
    await a.call('open', { url, name: 'a' });
    const initial = await a.call('initialSync', { batchSize: 1000 });
    if (initial.count !== w.docs) throw new Error(`PouchDB initial sync holds ${initial.count} of ${w.docs}`);
    log(`pouchdb: initial sync ${initial.ms.toFixed(0)} ms`);

    const catchUp: number[] = [];
    const noop: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      await server.edit({ indexes: changedIndexes(w, round), kind: 'away', round });
      const caught = await a.call('catchUp', { batchSize: 1000 });
      if (caught.written !== w.changed) throw new Error(`PouchDB caught up ${caught.written} of ${w.changed}`);
      catchUp.push(caught.ms);
      noop.push((await a.call('catchUp', { batchSize: 1000 })).ms);
    }

    await a.call('editOffline', { indexes: editedIndexes(w) });
    const theirs = new Set(await server.edit({ indexes: conflictingIndexes(w), kind: 'concurrent', round: 0 }));
    const pushed = await a.call('push', { batchSize: 200 });
    log(`pouchdb: pushed ${pushed.written} in ${pushed.ms.toFixed(0)} ms`);
    const ids = editedIndexes(w).map((i) => ds.docAt('dossiers', i).id as string);
    const state = await a.call('serverState', { ids });
    let lost = 0;
    let reported = 0;
    for (const doc of state) {
      if (theirs.has(doc.id)) {
        // Both revisions are kept: one wins, the other stays listed in `_conflicts`.
        if (doc.conflicts > 0) reported += 1;
        else lost += 1;
      } else if (!String(doc.subject).endsWith(OFFLINE_SUFFIX)) {
        lost += 1;
      }
    }

    const b = spawnWorker<PouchCommands>(script, 'pouch B');
    workers.push(b);
    await b.call('open', { url, name: 'b' });
    const prefix = 'live-pouch';
    await b.call('watch', { prefix });
    const written = await a.call('writeLive', { prefix, count: w.liveWrites, rate: w.liveRate });
    const arrived = await b.call('watched', { count: w.liveWrites, timeoutMs: 15_000 });
    const live = latencies(written, arrived);
    await Promise.all(workers.map((worker) => worker.call('stop')));
    return {
      peer: 'pouchdb',
      seedPerSec: (server.docs / server.seedMs) * 1000,
      initial: { perSec: (w.docs / initial.ms) * 1000, ms: initial.ms },
      catchUp: { ms: catchUp },
      noop: { ms: noop },
      live: { latencies: live, missing: w.liveWrites - live.length },
      push: {
        ms: pushed.ms,
        perSec: (w.edits / pushed.ms) * 1000,
        conflictsReported: reported,
        conflictsExpected: theirs.size,
        lost,
        note: 'CouchDB keeps both revisions (_conflicts); nothing is reported to the pushing client',
      },
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
    await server?.stop();
  }
}

interface RxdbCommands extends Handlers {
  open(args: { name: string }): Promise<null>;
  initialSync(args: { url: string; batchSize: number }): Promise<{ ms: number; count: number }>;
  pause(): Promise<null>;
  editOffline(args: { indexes: number[] }): Promise<null>;
  reconnect(args: { expect: string[] }): Promise<{ caughtUpMs: number; inSyncMs: number; conflicts: string[] }>;
  subjects(args: { ids: string[] }): Promise<Record<string, string | null>>;
  watch(args: { prefix: string }): Promise<null>;
  watched(args: { count: number; timeoutMs: number }): Promise<Record<string, number>>;
  writeLive(args: { prefix: string; count: number; rate: number }): Promise<Record<string, number>>;
  stop(): Promise<null>;
}

export async function runRxdbWs(w: Workload = workload(), log: (line: string) => void = () => undefined): Promise<PeerResults> {
  const ds = dataset(w);
  let server: PeerServer | null = null;
  const workers: WorkerClient<RxdbCommands>[] = [];
  try {
    server = await startPeerServer(new URL('./rxdb-ws-server.ts', import.meta.url), 'rxdb-ws-server');
    const url = `ws://127.0.0.1:${server.port}`;
    const script = new URL('./rxdb-ws-client.ts', import.meta.url);
    const a = spawnWorker<RxdbCommands>(script, 'rxdb A');
    const b = spawnWorker<RxdbCommands>(script, 'rxdb B');
    workers.push(a, b);
    await a.call('open', { name: 'a' });
    await b.call('open', { name: 'b' });
    const initial = await a.call('initialSync', { url, batchSize: 1000 });
    if (initial.count !== w.docs) throw new Error(`RxDB initial sync holds ${initial.count} of ${w.docs}`);
    await b.call('initialSync', { url, batchSize: 1000 });
    log(`rxdb-ws: initial sync ${initial.ms.toFixed(0)} ms`);

    const catchUp: number[] = [];
    const noop: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      await a.call('pause');
      const ids = await server.edit({ indexes: changedIndexes(w, round), kind: 'away', round });
      catchUp.push((await a.call('reconnect', { expect: ids })).caughtUpMs);
      await a.call('pause');
      noop.push((await a.call('reconnect', { expect: [] })).caughtUpMs);
    }

    const prefix = 'live-rxdb';
    await b.call('watch', { prefix });
    const written = await a.call('writeLive', { prefix, count: w.liveWrites, rate: w.liveRate });
    const arrived = await b.call('watched', { count: w.liveWrites, timeoutMs: 10_000 });
    const live = latencies(written, arrived);
    await b.call('stop');

    await a.call('pause');
    await a.call('editOffline', { indexes: editedIndexes(w) });
    const theirs = new Set(await server.edit({ indexes: conflictingIndexes(w), kind: 'concurrent', round: 0 }));
    const pushed = await a.call('reconnect', { expect: [] });
    log(`rxdb-ws: pushed ${w.edits} in ${pushed.inSyncMs.toFixed(0)} ms`);
    const ids = editedIndexes(w).map((i) => ds.docAt('dossiers', i).id as string);
    const subjects = await a.call('subjects', { ids });
    const resolved = new Set(pushed.conflicts);
    let lost = 0;
    for (const id of ids) {
      const mineKept = String(subjects[id]).endsWith(OFFLINE_SUFFIX);
      if (theirs.has(id)) {
        // RxDB's default handler keeps the server's copy: the offline edit is dropped, silently.
        if (!mineKept) lost += 1;
      } else if (!mineKept) lost += 1;
    }
    await a.call('stop');
    return {
      peer: 'rxdb-ws',
      seedPerSec: (server.docs / server.seedMs) * 1000,
      initial: { perSec: (w.docs / initial.ms) * 1000, ms: initial.ms },
      catchUp: { ms: catchUp },
      noop: { ms: noop },
      live: { latencies: live, missing: w.liveWrites - live.length },
      push: {
        ms: pushed.inSyncMs,
        perSec: (w.edits / pushed.inSyncMs) * 1000,
        conflictsReported: [...resolved].filter((id) => theirs.has(id)).length,
        conflictsExpected: theirs.size,
        lost,
        note: "default conflict handler: the server's copy wins, the offline edit is dropped without a record",
      },
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
    await server?.stop();
  }
}
