import type { IsoInstant } from '../shared/clock.ts';
import type { DeviceId } from '../shared/ids.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import { MAX_BLOCK_SIZE, blockId } from './number-block.ts';
import type { NumberBlock } from './number-block.ts';
import { MAX_SEQUENCE, isNumberSeries, isValidYear } from './number-format.ts';
import type { NumberSeries } from './number-format.ts';

/** The next free number of one series in one year. */
export interface SeriesCounter {
  readonly series: NumberSeries;
  readonly year: number;
  /** First number no block has been given yet; starts at 1. */
  readonly nextStart: number;
}

/**
 * What the server remembers to hand out blocks: one high-water mark per series and year. Handing
 * out ranges only above the mark is what makes blocks disjoint, so the server must persist the new
 * state in the same transaction that records the block.
 */
export interface ServerNumberState {
  readonly counters: readonly SeriesCounter[];
}

export const EMPTY_SERVER_NUMBER_STATE: ServerNumberState = { counters: [] };

/** A device's request for a block; arrives over HTTP, so every field is checked. */
export interface BlockReservation {
  readonly series: NumberSeries;
  readonly year: number;
  readonly deviceId: DeviceId;
  readonly size: number;
  readonly at: IsoInstant;
}

export type ReserveBlockError =
  /** Not a series devices may number offline (invoices are server-assigned and gapless). */
  | 'INVALID_SERIES'
  /** Not a four-digit year. */
  | 'INVALID_YEAR'
  /** Zero, negative, fractional or above MAX_BLOCK_SIZE. */
  | 'INVALID_SIZE'
  /** Every number of the series for that year has been handed out. */
  | 'SERIES_EXHAUSTED';

/**
 * Reserves the next range of `size` numbers for a device. Never returns overlapping ranges for the
 * same series and year. Near the end of a year's series the block may be smaller than asked.
 */
export function reserveBlock(
  state: ServerNumberState,
  request: BlockReservation,
): Result<{ readonly block: NumberBlock; readonly state: ServerNumberState }, ReserveBlockError> {
  const { series, year, deviceId, size, at } = request;
  if (!isNumberSeries(series)) return err('INVALID_SERIES', `unknown number series "${String(series)}"`);
  if (!isValidYear(year)) return err('INVALID_YEAR', `year must have four digits, got ${year}`);
  if (!Number.isInteger(size) || size < 1 || size > MAX_BLOCK_SIZE) {
    return err('INVALID_SIZE', `block size must be 1 to ${MAX_BLOCK_SIZE}, got ${size}`);
  }
  const current = state.counters.find((c) => c.series === series && c.year === year);
  const start = current?.nextStart ?? 1;
  if (start > MAX_SEQUENCE) return err('SERIES_EXHAUSTED', `no ${series} numbers left for ${year}`);
  const end = Math.min(start + size - 1, MAX_SEQUENCE);
  const counter: SeriesCounter = { series, year, nextStart: end + 1 };
  const counters = current
    ? state.counters.map((c) => (c === current ? counter : c))
    : [...state.counters, counter];
  const block: NumberBlock = { id: blockId(series, year, start), series, year, start, end, deviceId, reservedAt: at };
  return ok({ block, state: { counters } });
}
