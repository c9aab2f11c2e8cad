import type { DeviceId } from '../shared/ids.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import { blocksOverlap } from './number-block.ts';
import type { NumberBlock } from './number-block.ts';
import { formatNumber } from './number-format.ts';
import type { NumberSeries } from './number-format.ts';

/** Refill when this many numbers or fewer are left: a day offline rarely needs more. */
export const DEFAULT_REFILL_THRESHOLD = 10;

/** A block held by this device and how far it has been consumed. */
export interface HeldBlock {
  readonly block: NumberBlock;
  /** The lowest number not yet used; `block.end + 1` once the block is spent. */
  readonly next: number;
}

/** The device's local allocator state: plain JSON, persisted locally after every `takeNumber`. */
export interface DeviceNumberState {
  readonly deviceId: DeviceId;
  readonly blocks: readonly HeldBlock[];
}

export type AddBlockError =
  /** The server reserved this block for another device; using it would duplicate numbers. */
  | 'WRONG_DEVICE'
  /** Shares numbers with a block already held under another id: the server state was lost. */
  | 'OVERLAPPING_BLOCK';

export type TakeNumberError = 'NO_BLOCK_AVAILABLE';

/** A device that holds no block yet. */
export function emptyDeviceState(deviceId: DeviceId): DeviceNumberState {
  return { deviceId, blocks: [] };
}

/**
 * Adds a block received from the server. Receiving the same block twice (a retried request, a
 * replayed sync) is harmless and keeps how far it was consumed.
 */
export function addBlock(state: DeviceNumberState, block: NumberBlock): Result<DeviceNumberState, AddBlockError> {
  if (block.deviceId !== state.deviceId) {
    return err('WRONG_DEVICE', `block ${block.id} belongs to device ${block.deviceId}`);
  }
  if (state.blocks.some((h) => h.block.id === block.id)) return ok(state);
  const clash = state.blocks.find((h) => blocksOverlap(h.block, block));
  if (clash) return err('OVERLAPPING_BLOCK', `block ${block.id} overlaps block ${clash.block.id}`);
  return ok({ ...state, blocks: [...state.blocks, { block, next: block.start }] });
}

function usable(held: HeldBlock, series: NumberSeries, year: number): boolean {
  return held.block.series === series && held.block.year === year && held.next <= held.block.end;
}

/**
 * Takes the lowest unused number of `series` for `year` from the blocks this device holds.
 * Works offline; fails only when no block of that series and year has numbers left, which
 * `needsRefill` is there to prevent.
 */
export function takeNumber(
  state: DeviceNumberState,
  series: NumberSeries,
  year: number,
): Result<{ readonly number: string; readonly sequence: number; readonly state: DeviceNumberState }, TakeNumberError> {
  let chosen: HeldBlock | undefined;
  for (const held of state.blocks) {
    if (usable(held, series, year) && (!chosen || held.next < chosen.next)) chosen = held;
  }
  if (!chosen) return err('NO_BLOCK_AVAILABLE', `no ${series} numbers left for ${year} on this device; connect to get more`);
  const picked = chosen;
  const sequence = picked.next;
  const blocks = state.blocks.map((h) => (h === picked ? { ...h, next: sequence + 1 } : h));
  return ok({ number: formatNumber(series, year, sequence), sequence, state: { ...state, blocks } });
}

/** How many numbers of `series` for `year` this device can still hand out offline. */
export function remainingNumbers(state: DeviceNumberState, series: NumberSeries, year: number): number {
  return state.blocks
    .filter((h) => usable(h, series, year))
    .reduce((sum, h) => sum + (h.block.end - h.next + 1), 0);
}

/**
 * True when the app should reserve a new block while it is online: `threshold` numbers or fewer
 * remain for that series and year. On a new year nothing remains, so this asks for that year's block.
 */
export function needsRefill(state: DeviceNumberState, series: NumberSeries, year: number, threshold = DEFAULT_REFILL_THRESHOLD): boolean {
  return remainingNumbers(state, series, year) <= threshold;
}

/**
 * Forgets spent blocks and blocks of years before `currentYear`. Their unused numbers are lost on
 * purpose: dossier and quote numbers need to be unique, not gapless.
 */
export function pruneBlocks(state: DeviceNumberState, currentYear: number): DeviceNumberState {
  const blocks = state.blocks.filter((h) => h.block.year >= currentYear && h.next <= h.block.end);
  return blocks.length === state.blocks.length ? state : { ...state, blocks };
}
