// DESIGN §13 sync target 5: one server process holding 5,000 idle live streams (RSS < 400 MB), and
// one write fanned out to all of them (p95 < 250 ms), on PGlite and on PostgreSQL. The streams are
// raw HTTP clients in a worker thread of the benchmark process; the server is a real
// `node sync-server/server.ts` process whose RSS is read from /proc.
// COMPTOIR_BENCH_SCALE scales the stream count; COMPTOIR_BENCH_BACKENDS=pglite runs one backend.
import { execFileSync } from 'node:child_process';
import { createUser, login, openBenchDatabase, startServerProcess } from '../../test/bench/comptoir-server.ts';
import { nowMs, spawnWorker, type Handlers } from '../../test/bench/rpc.ts';
import { dataset, liveDossier, median, percentile, workload } from '../../test/bench/workload.ts';
import { backends, type BackendName } from '../../test/server/support/test-db.ts';
import type { Figure } from './figure.ts';


interface StreamCommands extends Handlers {
  connect(args: { baseUrl: string; token: string; count: number; parallel: number }): Promise<{ open: number; ms: number }>;
  fanOut(args: { baseUrl: string; token: string; collection: string; doc: object; timeoutMs: number }): Promise<{ pushedMs: number; latencies: number[]; missing: number }>;
  close(): Promise<null>;
}

const WRITES = 5;
const MB = 1024 * 1024;

/** The open-file limit of this shell: every stream is one socket on each side. */
function fileLimit(): number {
  try {
    return Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
  } catch {
    return Number.NaN;
  }
}

async function runBackend(backend: BackendName, count: number): Promise<Figure[]> {
  const w = workload();
  const ds = dataset({ ...w, docs: 100 });
  const database = await openBenchDatabase(backend);
  const streams = spawnWorker<StreamCommands>(new URL('../../test/bench/stream-clients.ts', import.meta.url), 'streams');
  try {
    const user = await createUser(database.db, 'manager', 'streams');
    await database.db.close();
    const server = await startServerProcess(database);
    try {
      const session = await login(server.baseUrl, user);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const idleRss = server.rssBytes();
      const connected = await streams.call('connect', { baseUrl: server.baseUrl, token: session.accessToken, count, parallel: 50 });
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const rss = server.rssBytes();

      const p95s: number[] = [];
      const all: number[] = [];
      let missing = 0;
      let pushMs = 0;
      for (let k = 0; k < WRITES; k += 1) {
        const result = await streams.call('fanOut', { baseUrl: server.baseUrl, token: session.accessToken, collection: 'dossiers', doc: liveDossier(ds, `fan-${backend}`, k), timeoutMs: 10_000 });
        p95s.push(percentile(result.latencies, 95));
        all.push(...result.latencies);
        missing += result.missing;
        pushMs += result.pushedMs;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const rssAfter = server.rssBytes();
      const p95 = median(p95s);
      return [
        {
          name: `${backend}: server RSS holding ${connected.open} idle live streams`,
          value: rss / MB,
          unit: 'MB',
          target: '< 400 MB',
          note: `${rss / MB < 400 ? 'ok' : 'MISS'}; idle server ${(idleRss / MB).toFixed(0)} MB, +${((rss - idleRss) / 1024 / connected.open).toFixed(1)} KB per stream; ${(rssAfter / MB).toFixed(0)} MB after the writes; connected in ${(connected.ms / 1000).toFixed(1)} s`,
        },
        {
          name: `${backend}: one write fanned out to ${connected.open} streams, p95`,
          value: p95,
          unit: 'ms',
          target: '< 250 ms',
          note: `${p95 < 250 && missing === 0 ? 'ok' : 'MISS'}; median of ${WRITES} writes' p95 (${p95s.map((v) => v.toFixed(0)).join(', ')}); p50 ${percentile(all, 50).toFixed(1)} ms, max ${Math.max(...all).toFixed(0)} ms; push itself ${(pushMs / WRITES).toFixed(1)} ms; ${missing} notices missing; timed from before the push request to the notice read by a client`,
        },
      ];
    } finally {
      await streams.call('close').catch(() => null);
      await server.stop();
    }
  } finally {
    await streams.terminate();
    await database.destroy();
  }
}

export async function run(): Promise<Figure[]> {
  const started = nowMs();
  const count = workload().streams;
  const limit = fileLimit();
  // This process holds the client side of every stream; the server process inherits the same limit.
  if (Number.isFinite(limit) && limit < count + 500) throw new Error(`ulimit -n is ${limit}: ${count} streams need at least ${count + 500} open files per process (raise it: ulimit -n ${count * 2})`);
  const wanted = process.env.COMPTOIR_BENCH_BACKENDS?.split(',').filter(Boolean);
  const chosen = (await backends()).filter((b) => wanted === undefined || wanted.includes(b));
  const figures: Figure[] = [];
  for (const backend of chosen) figures.push(...(await runBackend(backend, count)));
  figures.push({ name: 'sync-streams run time', value: (nowMs() - started) / 1000, unit: 's', note: `${count} streams, open-file limit ${limit}` });
  return figures;
}
