// The Comptoir sync server as the benchmarks run it: a real `node sync-server/server.ts` process (its
// own CPU, its own RSS), on a fresh PGlite data directory or a fresh PostgreSQL schema, seeded before
// it starts through the server's own push path (system principal).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { JsonObject } from '../../core/model/json.ts';
import { SYSTEM, type Role } from '../../sync-server/auth/principal.ts';
import type { Db } from '../../sync-server/db/db.ts';
import { changesChannel } from '../../sync-server/sync/change-feed.ts';
import { pushDocuments } from '../../sync-server/sync/push.ts';
import { aUser, PASSWORD } from '../server/support/build.ts';
import { childEnv, ROOT } from '../server/support/run-node.ts';
import { openTestDatabase, type BackendName, type TestDatabase } from '../server/support/test-db.ts';
import { nowMs } from './rpc.ts';

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

export interface Session {
  readonly accessToken: string;
  readonly user: { readonly id: string };
}

/** A free loopback port (the server process is told which one to use). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** Seeds `collection` through the server's push path, in transactions of `batch` documents; returns docs/s. */
export async function seed(db: Db, collection: 'dossiers', batches: Iterable<object[]>): Promise<{ docs: number; ms: number }> {
  const channel = changesChannel(db);
  let docs = 0;
  const started = nowMs();
  for (const batch of batches) {
    const rows = batch.map((doc) => ({ newDocumentState: { ...(doc as JsonObject), _deleted: false } }));
    const result = await pushDocuments(db, channel, SYSTEM, collection, rows);
    if (!result.ok) throw new Error(result.error.message);
    docs += batch.length;
  }
  return { docs, ms: nowMs() - started };
}

/** A database on `backend` for a benchmark (a PGlite copy of the migrated template, or a PostgreSQL schema). */
export function openBenchDatabase(backend: BackendName): Promise<TestDatabase> {
  return openTestDatabase(backend, 'bench');
}

export async function createUser(db: Db, role: Role, label: string): Promise<Credentials> {
  const user = await aUser(db, role, 'alpes', `${label}-${process.pid}@bench.example.fr`);
  return { email: user.email, password: PASSWORD };
}

/** A running `node sync-server/server.ts`. */
export interface ServerProcess {
  readonly baseUrl: string;
  readonly pid: number;
  /** Resident set size of the server process, from /proc. */
  rssBytes(): number;
  /** SIGTERM, then waits for the exit (graceful shutdown closes the database). */
  stop(): Promise<void>;
}

/**
 * Starts the server on `database` (closed by the caller first when it is PGlite: one process at a
 * time). Logs at `warn`: one JSON line per request would cost the server more than the work measured.
 */
export async function startServerProcess(database: TestDatabase, extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['sync-server/server.ts'], {
    cwd: ROOT,
    env: childEnv({ ...database.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...extraEnv }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = once(child, 'exit');
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error('no server pid');
  return {
    baseUrl,
    pid,
    rssBytes() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      return kb === undefined ? Number.NaN : Number(kb) * 1024;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Signs in over HTTP. */
export async function login(baseUrl: string, credentials: Credentials): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  if (response.status !== 200) throw new Error(`login: ${response.status} ${await response.text()}`);
  return (await response.json()) as Session;
}

/** Another client's push over HTTP: `[{assumedMasterState, newDocumentState}]` → conflicts. */
export async function pushRows(baseUrl: string, session: Session, collection: string, rows: readonly { assumedMasterState: object | null; newDocumentState: object }[]): Promise<object[]> {
  const response = await fetch(`${baseUrl}/api/sync/${collection}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
    body: JSON.stringify(rows),
  });
  if (response.status !== 200) throw new Error(`push: ${response.status} ${await response.text()}`);
  return (await response.json()) as object[];
}

/** Every document of `collection` as the server has it now (verification, not timed). */
export async function pullEverything(baseUrl: string, session: Session, collection: string): Promise<Map<string, JsonObject>> {
  const docs = new Map<string, JsonObject>();
  let checkpoint: unknown = null;
  for (;;) {
    const response = await fetch(`${baseUrl}/api/sync/${collection}/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({ checkpoint, limit: 5000 }),
    });
    if (response.status !== 200) throw new Error(`pull: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { documents: JsonObject[]; checkpoint: unknown };
    for (const doc of page.documents) docs.set(String(doc.id), doc);
    checkpoint = page.checkpoint;
    if (page.documents.length < 5000) return docs;
  }
}

/** Counter values from `/metrics` whose line starts with `prefix` (summed). */
export async function metric(baseUrl: string, prefix: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}
