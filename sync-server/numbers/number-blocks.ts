import type { JsonObject } from '../../core/model/json.ts';
import { blockId, type NumberBlock } from '../../core/numbering/number-block.ts';
import { parseNumber, type NumberSeries } from '../../core/numbering/number-format.ts';
import { reserveBlock, type BlockReservation, type ReserveBlockError } from '../../core/numbering/server-allocator.ts';
import { ok, type Result } from '../../core/shared/result.ts';
import { SYSTEM } from '../auth/principal.ts';
import { transactionWithRetry, type Db, type Sql } from '../db/db.ts';
import { applyPush, parsePushRows } from '../sync/push.ts';

/** The `reference` document that carries a block to its device through replication. */
export function blockDocumentId(block: Pick<NumberBlock, 'series' | 'year' | 'start'>): string {
  return `number-block-${blockId(block.series, block.year, block.start)}`;
}

/**
 * Reserves a block of numbers for a device (DESIGN §8), with core/numbering's `reserveBlock` as the
 * rule and the `number_counters` row of the series and year as the server state. The row stays
 * locked until commit, so concurrent reservations (several processes on one PostgreSQL included)
 * read the mark one after the other and never hand out the same number twice. The block is
 * recorded, in the same transaction, as a `number_blocks` reference document: the device also gets
 * it through replication if this response is lost.
 *
 * Lock order: the counter row first, then the `reference` collection (applyPush). Anything that
 * takes both (the demo loader) takes them in this order.
 */
export async function reserveNumberBlock(db: Db, channel: string, request: BlockReservation): Promise<Result<NumberBlock, ReserveBlockError>> {
  return transactionWithRetry(db, async (tx) => {
    const nextStart = await lockCounter(tx, request.series, request.year);
    const reserved = reserveBlock({ counters: [{ series: request.series, year: request.year, nextStart }] }, request);
    if (!reserved.ok) return reserved;
    const { block, state } = reserved.value;
    const counter = state.counters.find((c) => c.series === block.series && c.year === block.year);
    await tx.query('UPDATE number_counters SET next_start = $3 WHERE series = $1 AND year = $2', [block.series, block.year, counter?.nextStart]);
    const doc: JsonObject = {
      id: blockDocumentId(block),
      type: 'number_blocks',
      data: { ...block },
      updatedAt: block.reservedAt,
      _deleted: false,
    };
    const parsed = parsePushRows('reference', [{ assumedMasterState: null, newDocumentState: doc }]);
    if (!parsed.ok) throw new Error(`number block document rejected: ${parsed.error.message}`);
    const outcome = await applyPush(tx, channel, SYSTEM, 'reference', parsed.value);
    // The range is above every earlier block of the series and year, so its id cannot exist yet.
    if (outcome.conflicts.length > 0) throw new Error(`number block ${doc.id as string} already exists: the counter was behind`);
    return ok(block);
  });
}

/** Creates the counter row on first use and locks it until commit; returns its mark. */
async function lockCounter(tx: Sql, series: NumberSeries, year: number): Promise<number> {
  const rows = await tx.query<{ next_start: number }>(
    `INSERT INTO number_counters (series, year, next_start) VALUES ($1, $2, 1)
     ON CONFLICT (series, year) DO UPDATE SET next_start = number_counters.next_start
     RETURNING next_start`,
    [series, year],
  );
  return Number(rows[0]?.next_start ?? 1);
}

/**
 * Moves the marks above numbers that already exist (loaded demo data, imported dossiers), so no
 * block ever hands them out again. Numbers that are not `D`/`Q` numbers are ignored. Call it before
 * taking any collection lock in the same transaction (lock order above).
 */
export async function raiseCountersAbove(tx: Sql, numbers: Iterable<string>): Promise<void> {
  const highest = new Map<string, { series: NumberSeries; year: number; sequence: number }>();
  for (const text of numbers) {
    const parsed = parseNumber(text);
    if (!parsed.ok) continue;
    const { series, year, sequence } = parsed.value;
    const key = `${series}-${year}`;
    if ((highest.get(key)?.sequence ?? 0) < sequence) highest.set(key, { series, year, sequence });
  }
  const ordered = [...highest.values()].sort((a, b) => (a.series === b.series ? a.year - b.year : a.series < b.series ? -1 : 1));
  for (const { series, year, sequence } of ordered) {
    await tx.query(
      `INSERT INTO number_counters (series, year, next_start) VALUES ($1, $2, $3)
       ON CONFLICT (series, year) DO UPDATE SET next_start = GREATEST(number_counters.next_start, EXCLUDED.next_start)`,
      [series, year, sequence + 1],
    );
  }
}
