import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bp, cents } from './units.ts';
import { toGross, toNet, vatOfNet } from './vat.ts';

const FRENCH_RATES = [2000, 1000, 850, 550, 210, 0];

describe('HT ↔ TTC', () => {
  it('converts French rates by hand', () => {
    // 100.00 € HT at 20 % → 20.00 € VAT → 120.00 € TTC
    expect(toGross(cents(10000), bp(2000))).toBe(12000);
    // 9.99 € HT at 5.5 % → 0.54945 € VAT → 0.55 € → 10.54 € TTC
    expect(vatOfNet(cents(999), bp(550))).toBe(55);
    expect(toGross(cents(999), bp(550))).toBe(1054);
    // 49.90 € TTC at 10 % → 45.3636… € HT → 45.36 €
    expect(toNet(cents(4990), bp(1000))).toBe(4536);
    // 0.09 € and 0.10 € TTC at 20 % are both 0.08 € HT (documented one-cent drift)
    expect(toNet(cents(9), bp(2000))).toBe(8);
    expect(toNet(cents(10), bp(2000))).toBe(8);
  });

  it('HT → TTC → HT is exact for any rate up to 100 %', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 10000 }), (net, rate) => {
        expect(toNet(toGross(cents(net), bp(rate)), bp(rate))).toBe(net);
      }),
    );
  });

  it('TTC → HT → TTC drifts by at most one cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(...FRENCH_RATES), (gross, rate) => {
        const back = toGross(toNet(cents(gross), bp(rate)), bp(rate));
        expect(Math.abs(back - gross)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('refuses a negative rate', () => {
    expect(() => toNet(cents(100), bp(-1))).toThrow(RangeError);
  });
});
