// The sync benchmarks' workload, shared by every system under test (Comptoir and the peers) so that
// each moves the same documents: the DESIGN §13 "large" dossiers from core/demo, the same offline
// edits, the same concurrent edits by another client, the same live writes.
import { largeDataset, type LargeDataset } from '../../core/demo/large-dataset.ts';
import type { DossierDoc } from '../../core/schemas/dossiers.ts';
import type { IsoInstant } from '../../core/shared/clock.ts';

/** `COMPTOIR_BENCH_SCALE` (default 1) multiplies every count below; 0.1 makes a quick run. */
export function benchScale(): number {
  const raw = process.env.COMPTOIR_BENCH_SCALE;
  const scale = raw === undefined || raw === '' ? 1 : Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`COMPTOIR_BENCH_SCALE must be a positive number, got "${raw}"`);
  return scale;
}

export const SEED = 2026;
export const NOW = '2026-03-02T08:00:00.000Z' as IsoInstant;

export interface Workload {
  readonly scale: number;
  /** Dossiers on the server before the first client connects (DESIGN §13: 50,000). */
  readonly docs: number;
  /** Offline edits pushed on reconnect (10,000), of which `conflicting` (10 %) were edited by another client meanwhile. */
  readonly edits: number;
  readonly conflicting: number;
  /** Documents changed while a client was away (500 of 50,000). */
  readonly changed: number;
  /** Live writes by client A at `liveRate` per second. */
  readonly liveWrites: number;
  readonly liveRate: number;
  /** Idle live streams held by one server process (5,000). */
  readonly streams: number;
}

export function workload(scale = benchScale()): Workload {
  const n = (count: number, min: number): number => Math.max(min, Math.round(count * scale));
  const edits = n(10_000, 10);
  return {
    scale,
    docs: n(50_000, 100),
    edits,
    conflicting: Math.max(1, Math.round(edits / 10)),
    changed: n(500, 5),
    liveWrites: n(400, 40),
    liveRate: 40,
    streams: n(5_000, 50),
  };
}

/** The dataset every system loads (streaming: documents are generated on demand). */
export function dataset(w: Workload): LargeDataset {
  // The dataset's own scale keeps its proportions; `docs` dossiers are taken from it.
  return largeDataset({ seed: SEED, now: NOW, scale: w.docs / 50_000 });
}

/** Dossier `i` of the workload. */
export function dossierAt(ds: LargeDataset, i: number): DossierDoc {
  return ds.docAt('dossiers', i);
}

/** Dossiers `[from, from + count)`, in arrays of `size`. */
export function* dossierBatches(ds: LargeDataset, from: number, count: number, size: number): Generator<DossierDoc[]> {
  let batch: DossierDoc[] = [];
  for (let i = from; i < from + count; i += 1) {
    batch.push(ds.docAt('dossiers', i));
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Indexes of the dossiers client A edits offline: spread over the whole set. */
export function editedIndexes(w: Workload): number[] {
  const step = w.docs / w.edits;
  return Array.from({ length: w.edits }, (_, k) => Math.floor(k * step));
}

/** Of those, the ones another client edits meanwhile (every tenth). */
export function conflictingIndexes(w: Workload): number[] {
  return editedIndexes(w).filter((_, k) => k % 10 === 5).slice(0, w.conflicting);
}

/** Indexes of the dossiers changed while a client was away (catch-up), disjoint from nothing in particular. */
export function changedIndexes(w: Workload, round: number): number[] {
  const step = w.docs / w.changed;
  return Array.from({ length: w.changed }, (_, k) => Math.min(w.docs - 1, Math.floor(k * step) + 1 + round));
}

const minutesAfter = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** Client A's offline edit of a dossier: its subject, and a later `updatedAt`. */
export function offlineEdit<T extends { subject: string; updatedAt: string }>(doc: T): T {
  return { ...doc, subject: `${doc.subject} (rappel client, modifié hors ligne)`, updatedAt: minutesAfter(NOW, 60) };
}

/** Another client's concurrent edit of the same field: a true conflict for A's three-way merge. */
export function concurrentEdit<T extends { subject: string; updatedAt: string }>(doc: T): T {
  return { ...doc, subject: `${doc.subject} (modifié par un collègue)`, updatedAt: minutesAfter(NOW, 30) };
}

/** A change made while a client was away (catch-up round `round`). */
export function awayEdit<T extends { subject: string; updatedAt: string }>(doc: T, round: number): T {
  return { ...doc, subject: `${doc.subject.replace(/ \[r\d+\]$/, '')} [r${round}]`, updatedAt: minutesAfter(NOW, 120 + round) };
}

/** A new dossier written live by client A (`k`-th live write): a dataset dossier under a new id and number. */
export function liveDossier(ds: LargeDataset, prefix: string, k: number): DossierDoc {
  const base = ds.docAt('dossiers', k % ds.counts.dossiers);
  const id = `${prefix}-${String(k).padStart(6, '0')}`;
  return { ...base, id: id as DossierDoc['id'], number: `L-${prefix}-${k}`.slice(0, 32), createdAt: NOW, updatedAt: NOW };
}

/** Percentile (nearest rank) of `values`, `p` in [0, 100]. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
