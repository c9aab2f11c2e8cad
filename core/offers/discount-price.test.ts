import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bp, cents } from '../money/units.ts';
import { applyPercent, discountedPrice } from './discount-price.ts';

describe('applyPercent', () => {
  it('takes a percentage off to the nearest cent, half up', () => {
    expect(applyPercent(cents(5000), bp(1500))).toBe(4250);
    expect(applyPercent(cents(1999), bp(3333))).toBe(1333);
    expect(applyPercent(cents(5), bp(5000))).toBe(3);
    expect(applyPercent(cents(5000), bp(10000))).toBe(0);
    expect(applyPercent(cents(-5), bp(5000))).toBe(-3);
  });

  it('is exact for every price, even beyond what floats multiply safely', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 10000 }), (price, rate) => {
        const product = BigInt(price) * BigInt(10000 - rate);
        const expected = (product * 2n + 10000n) / 20000n;
        expect(applyPercent(cents(price), bp(rate))).toBe(Number(expected));
      }),
    );
  });
});

describe('discountedPrice', () => {
  it('replaces the list price with a fixed price, or reduces it by a percentage', () => {
    expect(discountedPrice(cents(5000), { kind: 'fixed', unitPrice: cents(3990) })).toBe(3990);
    expect(discountedPrice(cents(5000), { kind: 'percent', rate: bp(1000) })).toBe(4500);
  });
});
