// A Comptoir client in its own worker thread: RxDB's free build allows 13 open collections per JS
// realm and a client opens 12, so each client of a multi-client test needs a realm of its own.
// Run by Node directly (type stripping), not by vitest: only erasable syntax, `.ts` imports.
import { parentPort } from 'node:worker_threads';
import { addRxPlugin, type RxCollection } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { JsonObject } from '../../../core/model/json.ts';
import { createSessionAuth, login } from '../../../core/replication/auth-session.ts';
import { createClientDatabase, type ClientDatabase } from '../../../core/replication/client-database.ts';
import { resolveConflict } from '../../../core/replication/conflict-review.ts';
import { startReplication, type Replication } from '../../../core/replication/start-replication.ts';
import type { Clock } from '../../../core/shared/clock.ts';
import type { ClientCommands, CommandMessage, ReplyMessage } from './client-protocol.ts';
import { faultyHttp, fetchHttp, fetchStream } from './node-transports.ts';

const port = parentPort;
if (port === null) throw new Error('client-worker.ts runs as a worker thread');

// Dev-mode checks schemas and, with the validating storage, every document written, merged ones included.
disableWarnings();
addRxPlugin(RxDBDevModePlugin);

const clock: Clock = { now: () => new Date().toISOString() };
const http = faultyHttp(fetchHttp());
let db: ClientDatabase | null = null;
let replication: Replication | null = null;
let conflictIds = 0;

function need<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`${what}: sign in first`);
  return value;
}

const collectionOf = (name: string): RxCollection<JsonObject> =>
  // Test commands treat every collection alike, as plain JSON documents.
  need(db, 'collection').collections[name as 'dossiers'] as unknown as RxCollection<JsonObject>;

function plain(doc: { toJSON(): unknown }): JsonObject {
  return Object.fromEntries(Object.entries(doc.toJSON() as JsonObject).filter(([key]) => !key.startsWith('_')));
}

type Handlers = { [K in keyof ClientCommands]: (args: Parameters<ClientCommands[K]>[0]) => Promise<ReturnType<ClientCommands[K]>> };

const handlers: Handlers = {
  async signIn({ baseUrl, email, password, online }) {
    const session = await login(http, baseUrl, email, password);
    if (!session.ok) throw new Error(`${session.error.code}: ${session.error.message}`);
    db = await createClientDatabase({
      name: `client-${session.value.user.id}`.toLowerCase(),
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
      clock,
      ids: { next: () => `conflict-${++conflictIds}` },
      onConflictRecordError: (error) => console.error('conflict not recorded', error),
    });
    const auth = createSessionAuth({ http, baseUrl, session: session.value });
    replication = await startReplication({
      db,
      baseUrl,
      transports: { http, stream: fetchStream() },
      auth,
      clock,
      online: online ?? true,
      backoff: { initialMs: 100, maxMs: 1000 },
    });
    return session.value.user;
  },
  async insert({ collection, doc }) {
    await collectionOf(collection).insert(doc);
    return null;
  },
  async patch({ collection, id, patch }) {
    const doc = await collectionOf(collection).findOne(id).exec();
    if (doc === null) throw new Error(`${collection} ${id} not found`);
    await doc.incrementalPatch(patch);
    return null;
  },
  async remove({ collection, id }) {
    const doc = await collectionOf(collection).findOne(id).exec();
    if (doc === null) throw new Error(`${collection} ${id} not found`);
    await doc.remove();
    return null;
  },
  async get({ collection, id }) {
    const doc = await collectionOf(collection).findOne(id).exec();
    return doc === null ? null : plain(doc);
  },
  async all({ collection }) {
    const docs = await collectionOf(collection).find({ sort: [{ id: 'asc' }] }).exec();
    return docs.map(plain);
  },
  async pause() {
    await need(replication, 'pause').pause();
    return null;
  },
  async resume() {
    await need(replication, 'resume').resume();
    return null;
  },
  async awaitInSync({ timeoutMs }) {
    const running = need(replication, 'awaitInSync');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not in sync after ${timeoutMs} ms: ${JSON.stringify(running.state())}`)), timeoutMs);
    });
    try {
      await Promise.race([running.awaitInSync(), timeout]);
    } finally {
      clearTimeout(timer);
    }
    return running.state();
  },
  async state() {
    return need(replication, 'state').state();
  },
  async conflicts() {
    const docs = await need(db, 'conflicts').conflicts.find({ sort: [{ at: 'asc' }, { id: 'asc' }] }).exec();
    return docs.map((doc) => doc.toMutableJSON());
  },
  async resolveConflict({ id, choice }) {
    const result = await resolveConflict(need(db, 'resolveConflict'), id, choice, clock);
    return result.ok ? { ok: true, code: null } : { ok: false, code: result.error.code };
  },
  async dropNextPushResponse({ collection }) {
    http.dropNextResponse(`/api/sync/${collection}/push`);
    return null;
  },
  async dropNextRefreshResponse() {
    http.dropNextResponse('/api/auth/refresh');
    return null;
  },
  async droppedResponses() {
    return http.dropped;
  },
  async pullRequests({ collection }) {
    return http.sent(`/api/sync/${collection}/pull`);
  },
  async stop() {
    await replication?.stop();
    await db?.close();
    replication = null;
    db = null;
    return null;
  },
};

port.on('message', (message: CommandMessage) => {
  const handler = handlers[message.name] as (args: unknown) => Promise<unknown>;
  handler(message.args).then(
    (value) => port.postMessage({ id: message.id, ok: true, value } satisfies ReplyMessage),
    (error: unknown) => port.postMessage({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ReplyMessage),
  );
});
