// DESIGN §13 sync targets 1–4 on PGlite and on PostgreSQL, with the peers (PouchDB ↔ pouchdb-server,
// RxDB's WebSocket replication server) and the database's own ceiling measured in the same run on
// the same documents (test/bench/). Every Comptoir figure's note gives its ratio to each peer and to
// the ceiling, and says MISS when the target is not met.
// COMPTOIR_BENCH_SCALE (default 1) scales every count; COMPTOIR_BENCH_BACKENDS=pglite runs one backend.
import { runComptoir, type ComptoirResults } from '../../test/bench/comptoir-scenarios.ts';
import { runPouch, runRxdbWs, type PeerResults } from '../../test/bench/peer-scenarios.ts';
import { nowMs, spawnWorker, type Handlers } from '../../test/bench/rpc.ts';
import { median, percentile, workload } from '../../test/bench/workload.ts';
import { backends, type BackendName } from '../../test/server/support/test-db.ts';
import type { Figure } from './figure.ts';


interface FloorCommands extends Handlers {
  measure(): Promise<{ insertPerSec: number; updatePerSec: number }>;
}
interface Floor {
  readonly insertPerSec: number;
  readonly updatePerSec: number;
}

/** RxDB memory storage alone on the same documents (test/bench/client-floor.ts). */
async function clientFloor(): Promise<Floor> {
  const worker = spawnWorker<FloorCommands>(new URL('../../test/bench/client-floor.ts', import.meta.url), 'floor');
  try {
    return await worker.call('measure');
  } finally {
    await worker.terminate();
  }
}

const log = (line: string): void => {
  if (process.env.COMPTOIR_BENCH_VERBOSE) console.error(`  ${line}`);
};
const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const x = (ratio: number): string => `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`;
const k = (n: number): string => (n >= 1000 ? `${(n / 1000).toFixed(1)}k` : n.toFixed(0));
const ms = (n: number): string => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISS');

/** Throughput ratios: Comptoir ÷ peer (above 1: Comptoir moves more documents per second). */
function rateRatios(value: number, peers: readonly PeerResults[], pick: (p: PeerResults) => number): string {
  return peers.map((p) => `${x(value / pick(p))} ${p.peer} (${k(pick(p))}/s)`).join(', ');
}

/** Latency ratios: Comptoir ÷ peer (below 1: Comptoir is faster). */
function timeRatios(value: number, peers: readonly PeerResults[], pick: (p: PeerResults) => number): string {
  return peers.map((p) => `${x(value / pick(p))} of ${p.peer} (${ms(pick(p))})`).join(', ');
}

function comptoirFigures(r: ComptoirResults, peers: readonly PeerResults[], floor: Floor, docs: number, edits: number, changed: number): Figure[] {
  const b = r.backend;
  const pouch = peers.find((p) => p.peer === 'pouchdb');
  const figures: Figure[] = [];

  const initial = mean(r.initial.perSec);
  const sixPouch = pouch === undefined || initial >= 6 * pouch.initial.perSec;
  figures.push({
    name: `${b}: initial sync of ${k(docs)} dossiers, fresh client`,
    value: initial,
    unit: 'docs/s',
    target: '≥ 20,000 docs/s, ≥ 6× pouchdb',
    note: `${verdict(initial >= 20_000 && sixPouch)}; A ${k(r.initial.perSec[0] ?? 0)}/s, B ${k(r.initial.perSec[1] ?? 0)}/s, ${r.initial.pulls} pulls; ${rateRatios(initial, peers, (p) => p.initial.perSec)}; ${Math.round((initial / r.ceiling.readPerSec) * 100)} % of raw paged read (${k(r.ceiling.readPerSec)} rows/s); ${Math.round((initial / floor.insertPerSec) * 100)} % of the client floor (RxDB memory bulkInsert alone ${k(floor.insertPerSec)}/s)`,
  });

  const push = r.push.perSec;
  const ofCeiling = push / r.ceiling.upsertPerSec;
  const allReported = r.push.conflictsRecorded === r.push.conflictsExpected && r.push.lost === 0;
  figures.push({
    name: `${b}: push of ${k(edits)} offline edits (10 % conflicting) on reconnect`,
    value: push,
    unit: 'docs/s',
    target: '≥ 5,000 docs/s, ≥ 50 % of upsert ceiling',
    note:
      `${verdict(push >= 5000 && ofCeiling >= 0.5 && allReported)}; ${Math.round(ofCeiling * 100)} % of raw upsert (${k(r.ceiling.upsertPerSec)} rows/s, ${r.ceiling.upsertBatch}/stmt); ` +
      `client floor: RxDB memory storage updates alone ${k(floor.updatePerSec)}/s; conflicts recorded ${r.push.conflictsRecorded}/${r.push.conflictsExpected}, lost ${r.push.lost}; ${r.push.pushes} pushes; ${rateRatios(push, peers, (p) => p.push.perSec)}` +
      (r.push.wrong.length > 0 ? `; e.g. ${r.push.wrong[0]}` : ''),
  });

  const catchUp = median(r.catchUp.ms);
  figures.push({
    name: `${b}: reconnect catch-up, ${changed} of ${k(docs)} changed (median of ${r.catchUp.ms.length})`,
    value: catchUp,
    unit: 'ms',
    target: '< 150 ms',
    note: `${verdict(catchUp < 150)}; until in sync ${ms(median(r.catchUp.inSyncMs))}; ${r.catchUp.pulls} pulls (${r.catchUp.answeredLocally} more answered by the client from the stream's heads), server served ${r.catchUp.serverDocsServed} docs; ${timeRatios(catchUp, peers, (p) => median(p.catchUp.ms))}`,
  });

  const noop = median(r.noop.ms);
  figures.push({
    name: `${b}: no-op resync on reconnect (median of ${r.noop.ms.length})`,
    value: noop,
    unit: 'ms',
    target: '< 20 ms',
    note: `${verdict(noop < 20)}; every collection caught up: ${r.noop.pulls} pulls, ${r.noop.answeredLocally} answered by the client from the stream's heads; until in sync ${ms(median(r.noop.inSyncMs))}; ${timeRatios(noop, peers, (p) => median(p.noop.ms))}`,
  });

  const live = r.live.latencies;
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(live, p)) as [number, number, number];
  const peerLive = (p: PeerResults, q: number): number => percentile(p.live.latencies, q);
  figures.push({
    name: `${b}: live A → B at 40 writes/s, p50`,
    value: p50,
    unit: 'ms',
    note: `${live.length} writes, ${r.live.missing} missing; ${timeRatios(p50, peers, (p) => peerLive(p, 50))}`,
  });
  figures.push({
    name: `${b}: live A → B at 40 writes/s, p95`,
    value: p95,
    unit: 'ms',
    target: '< 20 ms',
    note: `${verdict(p95 < 20)}; ${timeRatios(p95, peers, (p) => peerLive(p, 95))}`,
  });
  figures.push({
    name: `${b}: live A → B at 40 writes/s, p99`,
    value: p99,
    unit: 'ms',
    target: '< 40 ms',
    note: `${verdict(p99 < 40)}; max ${ms(Math.max(...live))}; ${timeRatios(p99, peers, (p) => peerLive(p, 99))}`,
  });

  figures.push({ name: `${b}: ceiling, raw multi-row upsert of the edited docs`, value: r.ceiling.upsertPerSec, unit: 'rows/s', note: `best of 200 and 2000 rows per statement (${r.ceiling.upsertBatch}); raw insert ${k(r.ceiling.insertPerSec)} rows/s` });
  figures.push({ name: `${b}: ceiling, raw keyset-paged read (1000/page)`, value: r.ceiling.readPerSec, unit: 'rows/s' });
  figures.push({ name: `${b}: server-side seed through the push path (no HTTP)`, value: r.seedPerSec, unit: 'docs/s', note: '2000 per transaction, system principal' });
  return figures;
}

function peerFigures(p: PeerResults, docs: number, edits: number): Figure[] {
  return [
    { name: `peer ${p.peer}: initial sync of ${k(docs)}`, value: p.initial.perSec, unit: 'docs/s' },
    { name: `peer ${p.peer}: push of ${k(edits)} offline edits`, value: p.push.perSec, unit: 'docs/s', note: `conflicts flagged ${p.push.conflictsReported}/${p.push.conflictsExpected}, offline edits lost ${p.push.lost}: ${p.push.note}` },
    { name: `peer ${p.peer}: reconnect catch-up / no-op`, value: median(p.catchUp.ms), unit: 'ms', note: `no-op ${ms(median(p.noop.ms))}` },
    { name: `peer ${p.peer}: live p50 / p95 / p99`, value: percentile(p.live.latencies, 95), unit: 'ms (p95)', note: `p50 ${ms(percentile(p.live.latencies, 50))}, p99 ${ms(percentile(p.live.latencies, 99))}, ${p.live.missing} missing` },
  ];
}

export async function run(): Promise<Figure[]> {
  const started = nowMs();
  const w = workload();
  const wanted = process.env.COMPTOIR_BENCH_BACKENDS?.split(',').filter(Boolean);
  const chosen: BackendName[] = (await backends()).filter((b) => wanted === undefined || wanted.includes(b));

  const peers: PeerResults[] = [];
  peers.push(await runPouch(w, log));
  peers.push(await runRxdbWs(w, log));
  const floor = await clientFloor();
  const results: ComptoirResults[] = [];
  for (const backend of chosen) results.push(await runComptoir(backend, w, log));

  const figures = results.flatMap((r) => comptoirFigures(r, peers, floor, w.docs, w.edits, w.changed));
  figures.push(...peers.flatMap((p) => peerFigures(p, w.docs, w.edits)));
  figures.push({ name: `client floor: RxDB memory bulkInsert of ${k(w.docs)} dossiers`, value: floor.insertPerSec, unit: 'docs/s', note: 'no network, no replication; replication writes each document twice (document + meta row)' });
  figures.push({ name: `client floor: RxDB memory updates of ${k(w.edits)} of ${k(w.docs)}`, value: floor.updatePerSec, unit: 'docs/s', note: '200 per storage write; the memory storage keeps sorted index arrays: updates cost grows with the collection' });
  if (!chosen.includes('postgres')) figures.push({ name: 'postgres: SKIPPED', value: 0, unit: '', note: 'PostgreSQL unreachable or not selected' });
  figures.push({ name: 'sync-replication run time', value: (nowMs() - started) / 1000, unit: 's', note: `scale ${w.scale}` });
  return figures;
}
