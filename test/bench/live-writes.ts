// The live-propagation scenario's two halves, shared by every client under test (Comptoir and the
// peers): one client writes the live dossiers at a steady rate, another records when each arrives.
import type { LargeDataset } from '../../core/demo/large-dataset.ts';
import type { DossierDoc } from '../../core/schemas/dossiers.ts';
import { nowMs } from './rpc.ts';
import { liveDossier } from './workload.ts';

/** Writes `count` live dossiers at `rate` per second, one `write` each; id → when its write began (nowMs). */
export async function writeLiveDossiers(
  ds: LargeDataset,
  { prefix, count, rate }: { prefix: string; count: number; rate: number },
  write: (doc: DossierDoc) => Promise<unknown>,
): Promise<Record<string, number>> {
  const started = nowMs();
  const at: Record<string, number> = {};
  for (let k = 0; k < count; k += 1) {
    const wait = started + (k * 1000) / rate - nowMs();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const doc = liveDossier(ds, prefix, k);
    at[doc.id] = nowMs();
    await write(doc);
  }
  return at;
}

/** Waits until `seen` (id → when it arrived) holds `count` documents or `timeoutMs` passed; returns it. */
export async function awaitSeen(seen: ReadonlyMap<string, number>, count: number, timeoutMs: number): Promise<Record<string, number>> {
  const deadline = nowMs() + timeoutMs;
  while (seen.size < count && nowMs() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return Object.fromEntries(seen);
}
