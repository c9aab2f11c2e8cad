// DESIGN §13 sync scenarios 1–4 against a real Comptoir server process on one backend, with two
// product-configured clients (workers A and B) and a third user pushing over raw HTTP ("another
// client edited the same documents meanwhile"). Then the ceiling on the same database.
import type { JsonObject } from '../../core/model/json.ts';
import type { BackendName } from '../server/support/test-db.ts';
import { measureCeiling, type CeilingFigures } from './ceiling.ts';
import { createUser, login, metric, openBenchDatabase, pullEverything, pushRows, seed, startServerProcess, type Session } from './comptoir-server.ts';
import { spawnWorker, type Handlers, type WorkerClient } from './rpc.ts';
import { awayEdit, changedIndexes, concurrentEdit, conflictingIndexes, dataset, dossierBatches, editedIndexes, median, offlineEdit, workload, type Workload } from './workload.ts';

type Reconnect = { caughtUpMs: number; inSyncMs: number; pulls: number; answeredLocally: number; pulledDocs: number; pushes: number; pushedDocs: number; pending: number };

/** The commands of comptoir-client.ts, typed for the caller. */
interface ClientCommands extends Handlers {
  open(args: { baseUrl: string; email: string; password: string }): Promise<{ userId: string }>;
  initialSync(args: { timeoutMs: number }): Promise<{ ms: number; dossiers: number; pulls: number }>;
  pause(): Promise<null>;
  editOffline(args: { indexes: number[] }): Promise<{ pending: number }>;
  reconnect(args: { expect: string[]; timeoutMs: number }): Promise<Reconnect>;
  conflicts(): Promise<{ collection: string; docId: string; path: string; status: string; mine: JsonObject; theirs: JsonObject }[]>;
  watch(args: { prefix: string }): Promise<null>;
  watched(args: { count: number; timeoutMs: number }): Promise<Record<string, number>>;
  writeLive(args: { prefix: string; count: number; rate: number }): Promise<Record<string, number>>;
  awaitInSync(args: { timeoutMs: number }): Promise<{ ms: number }>;
  stop(): Promise<null>;
}

export interface ComptoirResults {
  readonly backend: BackendName;
  /** Server-side ingest of the seed through the push path (system principal, no HTTP), docs/s. */
  readonly seedPerSec: number;
  /** 1. Initial sync of `docs` dossiers into fresh clients A and B (docs/s each). */
  readonly initial: { readonly perSec: number[]; readonly ms: number[]; readonly pulls: number };
  /** 3. Reconnect with `changed` documents changed meanwhile, and with nothing changed (medians of `rounds`). */
  readonly catchUp: { readonly ms: number[]; readonly inSyncMs: number[]; readonly pulledDocs: number; readonly serverDocsServed: number; readonly pulls: number; readonly answeredLocally: number };
  readonly noop: { readonly ms: number[]; readonly inSyncMs: number[]; readonly pulls: number; readonly answeredLocally: number };
  /** 4. Live propagation A → B: latencies in ms. */
  readonly live: { readonly latencies: number[]; readonly missing: number };
  /** 2. Offline edits pushed on reconnect. */
  readonly push: { readonly ms: number; readonly perSec: number; readonly pushes: number; readonly pushedDocs: number; readonly conflictsRecorded: number; readonly conflictsExpected: number; readonly lost: number; readonly wrong: string[] };
  readonly ceiling: CeilingFigures;
}

const TIMEOUT = 300_000;

export async function runComptoir(backend: BackendName, w: Workload = workload(), log: (line: string) => void = () => undefined): Promise<ComptoirResults> {
  const ds = dataset(w);
  const database = await openBenchDatabase(backend);
  let clients: WorkerClient<ClientCommands>[] = [];
  try {
    const seeded = await seed(database.db, 'dossiers', dossierBatches(ds, 0, w.docs, 2000));
    log(`${backend}: seeded ${seeded.docs} dossiers in ${seeded.ms.toFixed(0)} ms`);
    const userA = await createUser(database.db, 'manager', 'a');
    const userB = await createUser(database.db, 'manager', 'b');
    const userOther = await createUser(database.db, 'manager', 'other');
    await database.db.close();

    const server = await startServerProcess(database);
    let results: Omit<ComptoirResults, 'ceiling' | 'backend' | 'seedPerSec'>;
    try {
      const script = new URL('./comptoir-client.ts', import.meta.url);
      const a = spawnWorker<ClientCommands>(script, 'A');
      const b = spawnWorker<ClientCommands>(script, 'B');
      clients = [a, b];
      await a.call('open', { baseUrl: server.baseUrl, ...userA });
      await b.call('open', { baseUrl: server.baseUrl, ...userB });
      const other: Session = await login(server.baseUrl, userOther);

      // 1. Initial sync, one client after the other (each alone with the server).
      const syncA = await a.call('initialSync', { timeoutMs: TIMEOUT });
      const syncB = await b.call('initialSync', { timeoutMs: TIMEOUT });
      for (const sync of [syncA, syncB]) if (sync.dossiers !== w.docs) throw new Error(`initial sync holds ${sync.dossiers} of ${w.docs} dossiers`);
      log(`${backend}: initial sync A ${syncA.ms.toFixed(0)} ms, B ${syncB.ms.toFixed(0)} ms`);

      // What the server holds for the documents the scenarios change (the "assumed master state" of raw pushes).
      const mirror = new Map<string, JsonObject>();
      const current = (i: number): JsonObject => {
        const doc = ds.docAt('dossiers', i) as unknown as JsonObject;
        return mirror.get(String(doc.id)) ?? doc;
      };
      const pushByOther = async (indexes: number[], change: (doc: JsonObject) => JsonObject): Promise<string[]> => {
        const rows = indexes.map((i) => {
          const assumed = current(i);
          const next: JsonObject = { ...change(assumed), _deleted: false };
          return { assumedMasterState: { ...assumed, _deleted: false }, newDocumentState: next };
        });
        for (let k = 0; k < rows.length; k += 1000) {
          const conflicts = await pushRows(server.baseUrl, other, 'dossiers', rows.slice(k, k + 1000));
          if (conflicts.length > 0) throw new Error(`the other client's push met ${conflicts.length} conflicts`);
        }
        for (const row of rows) mirror.set(String(row.newDocumentState.id), row.newDocumentState);
        return rows.map((row) => String(row.newDocumentState.id));
      };
      type Subjected = JsonObject & { subject: string; updatedAt: string };

      // 3. Reconnect catch-up: A away while `changed` documents change; then a no-op reconnect.
      const rounds = 5;
      const catchUp: Reconnect[] = [];
      const noop: Reconnect[] = [];
      let served = 0;
      for (let round = 1; round <= rounds; round += 1) {
        await a.call('pause');
        const ids = await pushByOther(changedIndexes(w, round), (doc) => awayEdit(doc as Subjected, round));
        await b.call('awaitInSync', { timeoutMs: TIMEOUT });
        const before = await metric(server.baseUrl, 'comptoir_sync_pull_documents_total');
        catchUp.push(await a.call('reconnect', { expect: ids, timeoutMs: TIMEOUT }));
        served = (await metric(server.baseUrl, 'comptoir_sync_pull_documents_total')) - before;
        await a.call('pause');
        noop.push(await a.call('reconnect', { expect: [], timeoutMs: TIMEOUT }));
      }
      log(`${backend}: catch-up ${catchUp.map((r) => r.caughtUpMs.toFixed(1)).join(', ')} ms; no-op ${noop.map((r) => r.caughtUpMs.toFixed(1)).join(', ')} ms`);

      // 4. Live propagation A → B.
      const prefix = `live-${backend}`;
      await b.call('watch', { prefix });
      const written = await a.call('writeLive', { prefix, count: w.liveWrites, rate: w.liveRate });
      const arrived = await b.call('watched', { count: w.liveWrites, timeoutMs: 10_000 });
      const latencies = Object.entries(written).flatMap(([id, at]) => (arrived[id] === undefined ? [] : [arrived[id] - at]));
      log(`${backend}: live p50 ${median(latencies).toFixed(1)} ms over ${latencies.length}`);

      // 2. Offline edits: A edits `edits` dossiers offline; another client edits `conflicting` of them
      // (the same field) meanwhile; A reconnects and pushes. B is stopped: the push is measured alone.
      await b.call('stop');
      await a.call('pause');
      const edited = editedIndexes(w);
      const conflicting = conflictingIndexes(w);
      const editedBefore = new Map(edited.map((i) => [String(ds.docAt('dossiers', i).id), current(i) as Subjected]));
      const offline = await a.call('editOffline', { indexes: edited });
      if (offline.pending !== w.edits) log(`${backend}: ${offline.pending} pending changes after ${w.edits} offline edits`);
      const theirIds = new Set(await pushByOther(conflicting, (doc) => concurrentEdit(doc as Subjected)));
      const pushed = await a.call('reconnect', { expect: [], timeoutMs: TIMEOUT });
      log(`${backend}: pushed ${w.edits} offline edits in ${pushed.inSyncMs.toFixed(0)} ms (${pushed.pushes} pushes of ${pushed.pushedDocs} rows)`);

      // Verification: every edit is on the server, or lost to a concurrent edit and recorded for review.
      const conflicts = (await a.call('conflicts')).filter((c) => c.collection === 'dossiers' && c.path === 'subject');
      const recorded = new Map(conflicts.map((c) => [c.docId, c]));
      const onServer = await pullEverything(server.baseUrl, other, 'dossiers');
      const wrong: string[] = [];
      let lost = 0;
      for (const [id, before] of editedBefore) {
        const mine = offlineEdit(before).subject;
        const serverSubject = onServer.get(id)?.subject;
        if (theirIds.has(id)) {
          const theirs = concurrentEdit(before).subject;
          const conflict = recorded.get(id);
          if (serverSubject !== theirs) wrong.push(`${id}: server has "${String(serverSubject)}", expected the concurrent edit`);
          if (conflict === undefined || JSON.stringify(conflict.mine) !== JSON.stringify({ present: true, value: mine })) {
            lost += 1;
            if (wrong.length < 5) wrong.push(`${id}: conflict not recorded as expected: ${JSON.stringify(conflict ?? null)}`);
          }
        } else if (serverSubject !== mine) {
          lost += 1;
          if (wrong.length < 5) wrong.push(`${id}: server has "${String(serverSubject)}", expected the offline edit`);
        }
      }
      results = {
        initial: { perSec: [syncA, syncB].map((s) => (w.docs / s.ms) * 1000), ms: [syncA.ms, syncB.ms], pulls: syncA.pulls },
        catchUp: {
          ms: catchUp.map((r) => r.caughtUpMs),
          inSyncMs: catchUp.map((r) => r.inSyncMs),
          pulledDocs: catchUp[catchUp.length - 1]?.pulledDocs ?? 0,
          serverDocsServed: served,
          pulls: catchUp[catchUp.length - 1]?.pulls ?? 0,
          answeredLocally: catchUp[catchUp.length - 1]?.answeredLocally ?? 0,
        },
        noop: { ms: noop.map((r) => r.caughtUpMs), inSyncMs: noop.map((r) => r.inSyncMs), pulls: noop[noop.length - 1]?.pulls ?? 0, answeredLocally: noop[noop.length - 1]?.answeredLocally ?? 0 },
        live: { latencies, missing: w.liveWrites - latencies.length },
        push: {
          ms: pushed.inSyncMs,
          perSec: (w.edits / pushed.inSyncMs) * 1000,
          pushes: pushed.pushes,
          pushedDocs: pushed.pushedDocs,
          conflictsRecorded: [...recorded.keys()].filter((id) => theirIds.has(id)).length,
          conflictsExpected: theirIds.size,
          lost,
          wrong,
        },
      };
      await a.call('stop');
    } finally {
      await Promise.all(clients.map((c) => c.terminate()));
      clients = [];
      await server.stop();
    }

    // The ceiling, on the same database once the server is gone (PGlite: one process at a time).
    const db = await database.reopen();
    const editedDocs = editedIndexes(w).map((i) => offlineEdit(ds.docAt('dossiers', i)));
    const ceiling = await measureCeiling(db, dossierBatches(ds, 0, w.docs, 1000), editedDocs);
    return { backend, seedPerSec: (seeded.docs / seeded.ms) * 1000, ...results, ceiling };
  } finally {
    await Promise.all(clients.map((c) => c.terminate()));
    await database.destroy();
  }
}
