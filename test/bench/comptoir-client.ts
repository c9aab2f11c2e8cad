// A Comptoir client in its own worker thread, configured as the product runs it (core/replication,
// no dev-mode, no validating wrapper), on RxDB's memory storage (DESIGN §13: "Node, memory storage").
// Each command times its own work with the process-wide monotonic clock (rpc.ts `nowMs`).
import type { RxCollection } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { JsonObject } from '../../core/model/json.ts';
import { createSessionAuth, login } from '../../core/replication/auth-session.ts';
import { createClientDatabase, type ClientDatabase } from '../../core/replication/client-database.ts';
import { startReplication, type Replication } from '../../core/replication/start-replication.ts';
import { COLLECTION_NAMES } from '../../core/schemas/collections.ts';
import type { DossierDoc } from '../../core/schemas/dossiers.ts';
import type { Clock } from '../../core/shared/clock.ts';
import type { HttpTransport, StreamTransport } from '../../core/replication/transport.ts';
import { fetchHttp, fetchStream } from '../integration/support/node-transports.ts';
import { nowMs, serve } from './rpc.ts';
import { awaitSeen, writeLiveDossiers } from './live-writes.ts';
import { dataset, offlineEdit, workload } from './workload.ts';

const clock: Clock = { now: () => new Date().toISOString() };

/** Every pull and push answered, with when (nowMs) and how many documents: what the client asked of the server. */
interface Exchange {
  readonly kind: 'pull' | 'push';
  readonly collection: string;
  /** When the request was sent and when its response was read. */
  readonly sent: number;
  readonly at: number;
  readonly docs: number;
}

const exchanges: Exchange[] = [];
function recordingHttp(inner: HttpTransport): HttpTransport {
  return {
    async postJson(url, body, headers) {
      const sent = nowMs();
      const response = await inner.postJson(url, body, headers);
      const match = /\/api\/sync\/([a-z]+)\/(pull|push)$/.exec(url);
      if (match !== null && response.status === 200) {
        const kind = match[2] as 'pull' | 'push';
        const docs = kind === 'pull' ? ((response.body as { documents?: unknown[] }).documents?.length ?? 0) : (body as unknown[]).length;
        exchanges.push({ kind, collection: match[1] as string, sent, at: nowMs(), docs });
      }
      return response;
    },
  };
}

/** Pulls the client answered itself, the live stream's heads showing nothing new (no request). */
const localPulls: { readonly collection: string; readonly at: number }[] = [];
function recordLocalPulls(running: Replication): void {
  for (const [name, collection] of running.collections) {
    collection.pulls$.subscribe((pull) => {
      if (!pull.fromServer) localPulls.push({ collection: name, at: nowMs() });
    });
  }
}

/** When each live-stream message arrived (nowMs), for tracing where live latency goes. */
const streamMessages: { at: number; data: string }[] = [];
function recordingStream(inner: StreamTransport): StreamTransport {
  return {
    open(url, headers, handlers) {
      return inner.open(url, headers, { ...handlers, onMessage: (data) => (streamMessages.push({ at: nowMs(), data }), handlers.onMessage(data)) });
    },
  };
}

const http = recordingHttp(fetchHttp());
let db: ClientDatabase | null = null;
let replication: Replication | null = null;
let session: { baseUrl: string; auth: ReturnType<typeof createSessionAuth> } | null = null;
let conflictIds = 0;
const ds = dataset(workload());

function need<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`${what}: open first`);
  return value;
}
const dossiers = (): RxCollection<DossierDoc> => need(db, 'dossiers').dossiers as unknown as RxCollection<DossierDoc>;

/** Resolves when every id in `ids` has been written locally (any operation), with when the last one was. */
function whenWritten(ids: readonly string[]): { done: Promise<number>; cancel(): void } {
  const waiting = new Set(ids);
  let resolve: (at: number) => void = () => undefined;
  const done = new Promise<number>((r) => (resolve = r));
  if (waiting.size === 0) resolve(nowMs());
  const subscription = dossiers().eventBulks$.subscribe((bulk) => {
    for (const event of bulk.events) waiting.delete(event.documentId);
    if (waiting.size === 0) {
      resolve(nowMs());
      subscription.unsubscribe();
    }
  });
  return { done, cancel: () => subscription.unsubscribe() };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Live writes watched: id → when seen. */
const seen = new Map<string, number>();
let watching: { stop(): void } | null = null;

serve({
  /** Signs in and creates the (empty) client database; replication is not started. */
  async open({ baseUrl, email, password }: { baseUrl: string; email: string; password: string }) {
    const signedIn = await login(http, baseUrl, email, password);
    if (!signedIn.ok) throw new Error(`${signedIn.error.code}: ${signedIn.error.message}`);
    db = await createClientDatabase({
      name: `bench-${signedIn.value.user.id}`.toLowerCase(),
      storage: getRxStorageMemory(),
      clock,
      ids: { next: () => `conflict-${++conflictIds}` },
      onConflictRecordError: (error) => console.error('conflict not recorded', error),
    });
    session = { baseUrl, auth: createSessionAuth({ http, baseUrl, session: signedIn.value }) };
    return { userId: signedIn.value.user.id };
  },

  /** Initial sync of a fresh database: from starting replication to in sync (every collection pulled, nothing pending). */
  async initialSync({ timeoutMs }: { timeoutMs: number }) {
    const { baseUrl, auth } = need(session, 'initialSync');
    const started = nowMs();
    replication = await startReplication({ db: need(db, 'initialSync'), baseUrl, transports: { http, stream: recordingStream(fetchStream()) }, auth, clock, online: true, backoff: { initialMs: 100, maxMs: 1000 } });
    recordLocalPulls(replication);
    await withTimeout(replication.awaitInSync(), timeoutMs, 'initial sync');
    const ms = nowMs() - started;
    const count = await dossiers().count().exec();
    const pulls = exchanges.filter((e) => e.kind === 'pull' && e.at >= started).length;
    return { ms, dossiers: count, pulls };
  },

  async pause() {
    await need(replication, 'pause').pause();
    return null;
  },

  /** Client A's offline edits (replication paused): `offlineEdit` of dossiers `indexes`. Not timed. */
  async editOffline({ indexes }: { indexes: number[] }) {
    const ids = indexes.map((i) => ds.docAt('dossiers', i).id as string);
    const current = await dossiers().findByIds(ids).exec();
    const edited = ids.map((id) => {
      const doc = current.get(id);
      if (doc === undefined) throw new Error(`dossier ${id} is not on this client`);
      return offlineEdit(doc.toMutableJSON());
    });
    for (let k = 0; k < edited.length; k += 1000) {
      const { error } = await dossiers().bulkUpsert(edited.slice(k, k + 1000));
      if (error.length > 0) throw new Error(`offline edit failed: ${JSON.stringify(error[0])}`);
    }
    return { pending: need(replication, 'editOffline').state().pendingChanges };
  },

  /**
   * Reconnects (`resume()`, as when the network comes back) and times: `caughtUpMs`, until every
   * collection has pulled since the reconnection (from the server, or answered locally when the live
   * stream's heads show it holds everything) and the `expect`ed documents are written locally;
   * `inSyncMs`, until the client reports nothing left to pull or push. Also what was exchanged.
   */
  async reconnect({ expect, timeoutMs }: { expect: string[]; timeoutMs: number }) {
    const running = need(replication, 'reconnect');
    const written = whenWritten(expect);
    const started = nowMs();
    const pullsSince = (): { collection: string; at: number }[] => [
      ...exchanges.filter((e) => e.kind === 'pull' && e.at >= started),
      ...localPulls.filter((p) => p.at >= started),
    ];
    const pulledAll = (async () => {
      for (;;) {
        const pulled = new Set(pullsSince().map((e) => e.collection));
        if (COLLECTION_NAMES.every((name) => pulled.has(name))) return;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    })();
    await running.resume();
    try {
      const [writtenAt] = await withTimeout(Promise.all([written.done, pulledAll]), timeoutMs, 'reconnect');
      const lastFirstPull = Math.max(...COLLECTION_NAMES.map((name) => Math.min(...pullsSince().filter((e) => e.collection === name).map((e) => e.at))));
      const caughtUpMs = Math.max(writtenAt, lastFirstPull) - started;
      await withTimeout(running.awaitInSync(), timeoutMs, 'in sync');
      const inSyncMs = nowMs() - started;
      const since = exchanges.filter((e) => e.at >= started);
      const pulls = since.filter((e) => e.kind === 'pull');
      const pushes = since.filter((e) => e.kind === 'push');
      return {
        caughtUpMs,
        inSyncMs,
        pulls: pulls.length,
        answeredLocally: localPulls.filter((p) => p.at >= started).length,
        pulledDocs: pulls.reduce((n, e) => n + e.docs, 0),
        pushes: pushes.length,
        pushedDocs: pushes.reduce((n, e) => n + e.docs, 0),
        pending: running.state().pendingChanges,
      };
    } finally {
      written.cancel();
    }
  },

  /** The open conflicts recorded for review: collection, document and path. */
  async conflicts() {
    const docs = await need(db, 'conflicts').conflicts.find().exec();
    return docs.map((doc) => {
      const json = doc.toMutableJSON();
      return { collection: json.collectionName, docId: json.docId, path: json.path, status: json.status, mine: json.mine as unknown as JsonObject, theirs: json.theirs as unknown as JsonObject };
    });
  },

  /** Subjects of the given dossiers as this client holds them. */
  async subjects({ ids }: { ids: string[] }) {
    const docs = await dossiers().findByIds(ids).exec();
    return Object.fromEntries(ids.map((id) => [id, docs.get(id)?.subject ?? null]));
  },

  /** Starts recording when documents whose id starts with `prefix` appear locally. */
  async watch({ prefix }: { prefix: string }) {
    seen.clear();
    const subscription = dossiers().eventBulks$.subscribe((bulk) => {
      const at = nowMs();
      for (const event of bulk.events) if (event.documentId.startsWith(prefix) && !seen.has(event.documentId)) seen.set(event.documentId, at);
    });
    watching = { stop: () => subscription.unsubscribe() };
    return null;
  },

  /** Waits until `count` watched documents arrived (or `timeoutMs`), stops watching, returns id → when. */
  async watched({ count, timeoutMs }: { count: number; timeoutMs: number }) {
    const arrived = await awaitSeen(seen, count, timeoutMs);
    watching?.stop();
    watching = null;
    return arrived;
  },

  /** Inserts `count` new dossiers at `rate` per second (as the UI would: one insert each); id → when inserted. */
  async writeLive(live: { prefix: string; count: number; rate: number }) {
    return writeLiveDossiers(ds, live, (doc) => dossiers().insert(doc));
  },

  /** Requests and stream messages since `since` (nowMs), for tracing. */
  async trace({ since }: { since: number }) {
    return { exchanges: exchanges.filter((e) => e.sent >= since), stream: streamMessages.filter((m) => m.at >= since) };
  },

  async awaitInSync({ timeoutMs }: { timeoutMs: number }) {
    const started = nowMs();
    await withTimeout(need(replication, 'awaitInSync').awaitInSync(), timeoutMs, 'in sync');
    return { ms: nowMs() - started };
  },

  async stop() {
    await replication?.stop();
    await db?.close();
    replication = null;
    db = null;
    return null;
  },
});
