import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { CLAIRE } from '../../../core/demo/index.ts';
import type { CommandId, CommandKind } from '../../../core/model/command.ts';
import type { JsonObject } from '../../../core/model/json.ts';
import { aCommandDoc } from '../../../core/schemas/doc-builders.ts';
import type { UserId } from '../../../core/shared/ids.ts';
import { DEMO_PASSWORD, loadDemo } from '../../../sync-server/admin/demo.ts';
import type { CommandsOptions } from '../../../sync-server/commands/start-commands.ts';
import { build, login, TEST_SCRYPT, type Tokens } from '../support/build.ts';
import { injectClient, wire, type Doc, type SyncClient } from '../support/sync-client.ts';
import { openTestDatabase, type BackendName, type TestDatabase } from '../support/test-db.ts';

/** Retries in milliseconds rather than minutes: the policy's shape is what is under test. */
export const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 30, maxDelayMs: 200 };
export const PUBLIC_URL = 'http://pay.test';

/** The demo desk (core/demo through `admin demo`) on a fresh database, with an outbox directory. */
export interface Desk {
  readonly tdb: TestDatabase;
  readonly outbox: string;
  /** An app with the command runner; more can be started on the same database. */
  start(options?: Partial<CommandsOptions>): Promise<FastifyInstance>;
  /** Closes the apps started so far (each test starts the ones it needs). */
  stopAll(): Promise<void>;
  /** Claire (agent, team accueil) signed in on `app`. */
  claire(app: FastifyInstance): Promise<{ tokens: Tokens; sync: SyncClient }>;
  close(): Promise<void>;
}

export async function openDesk(backend: BackendName, label: string): Promise<Desk> {
  const tdb = await openTestDatabase(backend, label);
  await loadDemo(tdb.db, { now: new Date().toISOString(), scrypt: TEST_SCRYPT });
  const outbox = mkdtempSync(join(tmpdir(), 'comptoir-outbox-'));
  const apps: FastifyInstance[] = [];
  return {
    tdb,
    outbox,
    async start(options = {}) {
      const app = await build(tdb.db, { commands: { outboxDir: outbox, publicUrl: PUBLIC_URL, retry: FAST_RETRY, pollMs: 250, ...options } });
      apps.push(app);
      return app;
    },
    async stopAll() {
      for (const app of apps.splice(0)) await app.close();
    },
    async claire(app) {
      const tokens = await login(app, CLAIRE.email, DEMO_PASSWORD);
      return { tokens, sync: injectClient(app, tokens) };
    },
    async close() {
      for (const app of apps.splice(0)) await app.close();
      await tdb.destroy();
      rmSync(outbox, { recursive: true, force: true });
    },
  };
}

/** A command as the desktop inserts it (renderer/actions/commands.ts), on the wire. */
export function aCommand(kind: CommandKind, payload: JsonObject, createdBy: string = CLAIRE.id, key = `${kind}:${randomUUID()}`): Doc {
  const now = new Date().toISOString();
  return wire(aCommandDoc({ id: `cmd-${randomUUID()}` as CommandId, idempotencyKey: key, kind, payload, createdBy: createdBy as UserId, createdAt: now, updatedAt: now }));
}

/** Polls until `probe` returns something, or fails naming `what`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

/** Pulls (as the client does) until the command is done or failed; returns its document. */
export function settledCommand(sync: SyncClient, id: string): Promise<Doc> {
  return waitFor(async () => {
    const doc = (await sync.pullAll('commands', 500)).documents.find((d) => d.id === id);
    return doc !== undefined && (doc.status === 'done' || doc.status === 'failed') ? doc : undefined;
  }, `command ${id} to finish`);
}

/** The `.eml` files written for a command (named after its id). */
export function emlFor(outbox: string, commandId: string): string[] {
  return readdirSync(outbox).filter((name) => name.endsWith(`-${commandId.replace(/[^A-Za-z0-9_-]/g, '_')}.eml`)).map((name) => readFileSync(join(outbox, name), 'latin1'));
}

/** Every document of a collection the user can pull. */
export async function pulled(sync: SyncClient, collection: string): Promise<Doc[]> {
  return (await sync.pullAll(collection, 1000)).documents;
}
