import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeviceId } from '../shared/ids.ts';
import { unwrap } from '../shared/result.ts';
import { addBlock, emptyDeviceState, needsRefill, pruneBlocks, remainingNumbers, takeNumber } from './device-allocator.ts';
import type { DeviceNumberState } from './device-allocator.ts';
import { blockId } from './number-block.ts';
import type { NumberBlock } from './number-block.ts';
import type { NumberSeries } from './number-format.ts';
import { EMPTY_SERVER_NUMBER_STATE, reserveBlock } from './server-allocator.ts';
import type { ServerNumberState } from './server-allocator.ts';

const AT = '2026-03-02T08:00:00.000Z';
const LAPTOP = 'laptop-1' as DeviceId;

function aBlock(overrides: Partial<NumberBlock> = {}): NumberBlock {
  const base = { series: 'Q' as const, year: 2026, start: 101, end: 150, deviceId: LAPTOP, reservedAt: AT, ...overrides };
  return { id: blockId(base.series, base.year, base.start), ...base };
}

function deviceWith(...blocks: NumberBlock[]): DeviceNumberState {
  return blocks.reduce((state, block) => unwrap(addBlock(state, block)), emptyDeviceState(LAPTOP));
}

function code<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): string {
  return result.ok ? 'ok' : result.error.code;
}

describe('takeNumber', () => {
  it('numbers quotes offline from the reserved block, in order', () => {
    let state = deviceWith(aBlock());
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const taken = unwrap(takeNumber(state, 'Q', 2026));
      numbers.push(taken.number);
      state = taken.state;
    }
    expect(numbers).toEqual(['Q-2026-000101', 'Q-2026-000102', 'Q-2026-000103']);
    expect(remainingNumbers(state, 'Q', 2026)).toBe(47);
  });

  it('uses the lowest unused number across several blocks, then moves to the next block', () => {
    let state = deviceWith(aBlock({ start: 301, end: 302 }), aBlock({ start: 201, end: 201 }));
    const sequences: number[] = [];
    for (let i = 0; i < 3; i++) {
      const taken = unwrap(takeNumber(state, 'Q', 2026));
      sequences.push(taken.sequence);
      state = taken.state;
    }
    expect(sequences).toEqual([201, 301, 302]);
    expect(code(takeNumber(state, 'Q', 2026))).toBe('NO_BLOCK_AVAILABLE');
  });

  it('does not use a quote block for dossiers, nor last year’s block in a new year', () => {
    const state = deviceWith(aBlock({ series: 'Q', year: 2026 }));
    expect(code(takeNumber(state, 'D', 2026))).toBe('NO_BLOCK_AVAILABLE');
    expect(code(takeNumber(state, 'Q', 2027))).toBe('NO_BLOCK_AVAILABLE');
  });
});

describe('addBlock', () => {
  it('ignores a block received twice and keeps its progress', () => {
    const block = aBlock();
    const used = unwrap(takeNumber(deviceWith(block), 'Q', 2026)).state;
    expect(unwrap(addBlock(used, block))).toBe(used);
  });

  it('refuses a block reserved for another device or overlapping one it holds', () => {
    expect(code(addBlock(emptyDeviceState(LAPTOP), aBlock({ deviceId: 'other' as DeviceId })))).toBe('WRONG_DEVICE');
    const held = deviceWith(aBlock({ start: 101, end: 150 }));
    expect(code(addBlock(held, aBlock({ start: 150, end: 199 })))).toBe('OVERLAPPING_BLOCK');
  });
});

describe('needsRefill', () => {
  it('asks for a new block before the device runs out', () => {
    let state = deviceWith(aBlock({ start: 1, end: 12 }));
    expect(needsRefill(state, 'Q', 2026, 10)).toBe(false);
    state = unwrap(takeNumber(state, 'Q', 2026)).state;
    state = unwrap(takeNumber(state, 'Q', 2026)).state;
    expect(needsRefill(state, 'Q', 2026, 10)).toBe(true);
  });

  it('asks for a block of the new year on 1 January', () => {
    const state = deviceWith(aBlock({ year: 2026 }));
    expect(needsRefill(state, 'Q', 2026, 10)).toBe(false);
    expect(needsRefill(state, 'Q', 2027, 10)).toBe(true);
  });
});

describe('pruneBlocks', () => {
  it('forgets spent blocks and past years, keeps the rest', () => {
    const spent = aBlock({ start: 1, end: 1 });
    const lastYear = aBlock({ year: 2025 });
    const current = aBlock({ start: 501, end: 550 });
    const state = unwrap(takeNumber(deviceWith(spent, lastYear, current), 'Q', 2026)).state;
    expect(pruneBlocks(state, 2026).blocks.map((h) => h.block.id)).toEqual([current.id]);
  });
});

describe('numbers across devices', () => {
  type Step =
    | { readonly op: 'reserve'; readonly device: number; readonly series: NumberSeries; readonly year: number; readonly size: number }
    | { readonly op: 'take'; readonly device: number; readonly series: NumberSeries; readonly year: number };

  const series = fc.constantFrom<NumberSeries>('D', 'Q');
  const year = fc.constantFrom(2026, 2027);
  const device = fc.integer({ min: 0, max: 4 });
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ op: fc.constant('reserve' as const), device, series, year, size: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ op: fc.constant('take' as const), device, series, year }),
  );

  it('are unique whatever the interleaving of reservations and offline takes', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        let server: ServerNumberState = EMPTY_SERVER_NUMBER_STATE;
        const devices = [0, 1, 2, 3, 4].map((i) => emptyDeviceState(`device-${i}` as DeviceId));
        const issued: string[] = [];
        for (const s of steps) {
          const state = devices[s.device];
          if (!state) throw new Error('no such device');
          if (s.op === 'reserve') {
            const reserved = unwrap(reserveBlock(server, { ...s, deviceId: state.deviceId, at: AT }));
            server = reserved.state;
            devices[s.device] = unwrap(addBlock(state, reserved.block));
          } else {
            const taken = takeNumber(state, s.series, s.year);
            if (taken.ok) {
              issued.push(taken.value.number);
              devices[s.device] = taken.value.state;
            }
          }
        }
        expect(new Set(issued).size).toBe(issued.length);
      }),
    );
  });
});
