import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.ts';
import { cents } from './units.ts';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe('allocate', () => {
  it('gives leftover cents to the largest remainders', () => {
    // 100 over 1:1:1 = 33.33 each → floors 33,33,33, one cent left, tie → first index.
    expect(allocate(cents(100), [1, 1, 1])).toEqual([34, 33, 33]);
    // 10 over 3:3:4 → 3, 3, 4 exactly.
    expect(allocate(cents(10), [3, 3, 4])).toEqual([3, 3, 4]);
    // 5 over 2:7 → 1.11 and 3.89 → floors 1,3, leftover 1 → index 1 (remainder .89).
    expect(allocate(cents(5), [2, 7])).toEqual([1, 4]);
  });

  it('is deterministic on ties and mirrors negative totals', () => {
    expect(allocate(cents(2), [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocate(cents(-2), [1, 1, 1])).toEqual([-1, -1, 0]);
  });

  it('never gives anything to a zero weight', () => {
    expect(allocate(cents(7), [0, 3, 0, 3])).toEqual([0, 4, 0, 3]);
  });

  it('refuses negative weights and a non-zero total over nothing', () => {
    expect(() => allocate(cents(1), [1, -1])).toThrow(RangeError);
    expect(() => allocate(cents(1), [0, 0])).toThrow(RangeError);
    expect(allocate(cents(0), [0, 0])).toEqual([0, 0]);
  });

  it('never creates or loses a cent and keeps every share within one cent of its exact value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 8 }).filter((w) => sum(w) > 0),
        (total, weights) => {
          const shares = allocate(cents(total), weights);
          expect(sum(shares)).toBe(total);
          const weightSum = sum(weights);
          shares.forEach((share, i) => {
            const exact = (total * (weights[i] ?? 0)) / weightSum;
            expect(Math.abs(share - exact)).toBeLessThan(1 + 1e-6 * Math.abs(exact));
          });
        },
      ),
    );
  });

  it('keeps each share within its weight when the total does not exceed the weights', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), (weights, fraction) => {
        const total = Math.floor(sum(weights) * fraction);
        if (sum(weights) === 0) return;
        allocate(cents(total), weights).forEach((share, i) => expect(share).toBeLessThanOrEqual(weights[i] ?? 0));
      }),
    );
  });
});
