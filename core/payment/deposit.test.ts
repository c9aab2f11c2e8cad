import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bp, cents } from '../money/units.ts';
import { DEFAULT_DEPOSIT_RATE, depositAmount } from './deposit.ts';

describe('depositAmount', () => {
  it('asks 30 % of the total incl. VAT by default', () => {
    expect(depositAmount(cents(100_000), DEFAULT_DEPOSIT_RATE)).toBe(30_000);
  });

  it('rounds half a cent up', () => {
    expect(depositAmount(cents(5), bp(1000))).toBe(1); // 0.5 cent
    expect(depositAmount(cents(4), bp(1000))).toBe(0); // 0.4 cent
    expect(depositAmount(cents(33_335), bp(3000))).toBe(10_001); // 10 000.5 cents
    expect(depositAmount(cents(-5), bp(1000))).toBe(-1);
  });

  it('stays exact for totals where total × rate leaves the safe-integer range', () => {
    expect(depositAmount(cents(9_007_199_254_740_991), bp(5000))).toBe(4_503_599_627_370_496);
  });

  it('is never off by more than half a cent and never exceeds the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), fc.integer({ min: 1, max: 10000 }), (total, rate) => {
        const deposit = depositAmount(cents(total), bp(rate));
        expect(Math.abs(deposit * 10000 - total * rate)).toBeLessThanOrEqual(5000);
        expect(deposit).toBeLessThanOrEqual(total);
      }),
    );
  });
});
