import type { IsoInstant } from '../shared/clock.ts';
import type { DeviceId } from '../shared/ids.ts';
import type { NumberSeries } from './number-format.ts';

/** Blocks of 50 last an agent about a day of calls; small enough that lost leftovers are cheap. */
export const DEFAULT_BLOCK_SIZE = 50;
/** A server refuses bigger blocks so one device cannot drain a year's series. */
export const MAX_BLOCK_SIZE = 1000;

/**
 * A range of numbers `[start, end]` (inclusive) of one series and one year, reserved by the server
 * for one device, which consumes it offline (DESIGN §8). Plain JSON: stored in the `reference`
 * collection. A block never spans two years: on 1 January a device needs a new block.
 */
export interface NumberBlock {
  /** `Q-2026-101`: series, year and start, unique because the server never overlaps ranges. */
  readonly id: string;
  readonly series: NumberSeries;
  readonly year: number;
  readonly start: number;
  readonly end: number;
  readonly deviceId: DeviceId;
  readonly reservedAt: IsoInstant;
}

/** The id of the block of `series`/`year` starting at `start`. */
export function blockId(series: NumberSeries, year: number, start: number): string {
  return `${series}-${year}-${start}`;
}

/** How many numbers the block holds. */
export function blockSize(block: Pick<NumberBlock, 'start' | 'end'>): number {
  return block.end - block.start + 1;
}

/** True when two blocks of the same series and year share at least one number. */
export function blocksOverlap(a: NumberBlock, b: NumberBlock): boolean {
  return a.series === b.series && a.year === b.year && a.start <= b.end && b.start <= a.end;
}
