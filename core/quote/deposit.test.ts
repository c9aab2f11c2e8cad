import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bp, cents } from '../money/units.ts';
import { balanceDue, depositAmount } from './deposit.ts';

describe('depositAmount', () => {
  it('takes a share of the total incl. VAT, rounded half-up to the cent', () => {
    // 30 % of 953.83 € = 286.149 → 286.15 €
    expect(depositAmount(cents(95383), bp(3000))).toBe(28615);
    // 30 % of 0.05 € = 0.015 → 0.02 €
    expect(depositAmount(cents(5), bp(3000))).toBe(2);
    expect(depositAmount(cents(95383), bp(10000))).toBe(95383);
    expect(depositAmount(cents(95383), bp(0))).toBe(0);
  });

  it('refuses a rate outside 0–100 % as a broken invariant', () => {
    expect(() => depositAmount(cents(100), bp(10001))).toThrow(RangeError);
  });

  it('never exceeds the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 10000 }), (total, rate) => {
        const deposit = depositAmount(cents(total), bp(rate));
        expect(deposit).toBeGreaterThanOrEqual(0);
        expect(deposit).toBeLessThanOrEqual(total);
      }),
    );
  });
});

describe('balanceDue', () => {
  it('subtracts received payments', () => {
    expect(balanceDue(cents(95383), [cents(28615)])).toBe(66768);
    expect(balanceDue(cents(95383), [])).toBe(95383);
  });

  it('is never negative, even after an overpayment', () => {
    expect(balanceDue(cents(1000), [cents(600), cents(600)])).toBe(0);
  });
});
