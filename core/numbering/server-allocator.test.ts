import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeviceId } from '../shared/ids.ts';
import { unwrap } from '../shared/result.ts';
import { blocksOverlap } from './number-block.ts';
import type { NumberBlock } from './number-block.ts';
import { MAX_SEQUENCE } from './number-format.ts';
import type { NumberSeries } from './number-format.ts';
import { EMPTY_SERVER_NUMBER_STATE, reserveBlock } from './server-allocator.ts';
import type { BlockReservation, ServerNumberState } from './server-allocator.ts';

const AT = '2026-03-02T08:00:00.000Z';

function reservation(overrides: Partial<BlockReservation> = {}): BlockReservation {
  return { series: 'Q', year: 2026, deviceId: 'laptop-1' as DeviceId, size: 50, at: AT, ...overrides };
}

describe('reserveBlock', () => {
  it('hands out consecutive ranges starting at 1', () => {
    const first = unwrap(reserveBlock(EMPTY_SERVER_NUMBER_STATE, reservation()));
    const second = unwrap(reserveBlock(first.state, reservation({ deviceId: 'laptop-2' as DeviceId, size: 10 })));
    expect(first.block).toEqual({ id: 'Q-2026-1', series: 'Q', year: 2026, start: 1, end: 50, deviceId: 'laptop-1', reservedAt: AT });
    expect(second.block).toMatchObject({ id: 'Q-2026-51', start: 51, end: 60, deviceId: 'laptop-2' });
  });

  it('keeps separate series and separate years apart', () => {
    const q = unwrap(reserveBlock(EMPTY_SERVER_NUMBER_STATE, reservation()));
    const d = unwrap(reserveBlock(q.state, reservation({ series: 'D' })));
    const q2027 = unwrap(reserveBlock(d.state, reservation({ year: 2027 })));
    expect([d.block.start, q2027.block.start]).toEqual([1, 1]);
  });

  it('gives a smaller last block, then refuses once the year is exhausted', () => {
    const nearEnd: ServerNumberState = { counters: [{ series: 'Q', year: 2026, nextStart: MAX_SEQUENCE - 4 }] };
    const last = unwrap(reserveBlock(nearEnd, reservation()));
    expect([last.block.start, last.block.end]).toEqual([MAX_SEQUENCE - 4, MAX_SEQUENCE]);
    const after = reserveBlock(last.state, reservation());
    expect(after.ok ? after.value : after.error.code).toBe('SERIES_EXHAUSTED');
  });

  it('rejects malformed requests from the wire', () => {
    const code = (r: Partial<BlockReservation>): string => {
      const result = reserveBlock(EMPTY_SERVER_NUMBER_STATE, reservation(r));
      return result.ok ? 'ok' : result.error.code;
    };
    expect(code({ series: 'F' as NumberSeries })).toBe('INVALID_SERIES');
    expect(code({ year: 26 })).toBe('INVALID_YEAR');
    expect(code({ size: 0 })).toBe('INVALID_SIZE');
    expect(code({ size: 2.5 })).toBe('INVALID_SIZE');
    expect(code({ size: 1001 })).toBe('INVALID_SIZE');
  });

  it('never hands out overlapping ranges, whatever the sequence of reservations', () => {
    const request = fc.record({
      series: fc.constantFrom<NumberSeries>('D', 'Q'),
      year: fc.integer({ min: 2025, max: 2027 }),
      deviceId: fc.constantFrom('a', 'b', 'c', 'd', 'e').map((d) => d as DeviceId),
      size: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 80 }), (requests) => {
        let state = EMPTY_SERVER_NUMBER_STATE;
        const blocks: NumberBlock[] = [];
        for (const r of requests) {
          const result = unwrap(reserveBlock(state, { ...r, at: AT }));
          state = result.state;
          blocks.push(result.block);
        }
        for (const [i, a] of blocks.entries()) {
          expect(a.end - a.start + 1).toBe(requests[i]?.size);
          for (const b of blocks.slice(i + 1)) expect(blocksOverlap(a, b)).toBe(false);
        }
        expect(new Set(blocks.map((b) => b.id)).size).toBe(blocks.length);
      }),
    );
  });
});
