import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bp, cents } from '../money/units.ts';
import { amountOff, feeLine, miscLine, percentOff, productLine } from './fixtures.ts';
import { convertFooterDiscount, convertLine, convertPrice } from './price-mode.ts';
import type { QuoteLine } from './quote.ts';
import { computeTotals } from './totals.ts';

describe('convertPrice', () => {
  it('converts a catalog HT price for a TTC quote', () => {
    // 45.90 € HT at 20 % → 55.08 € TTC
    expect(convertPrice(cents(4590), bp(2000), 'HT', 'TTC')).toBe(5508);
    expect(convertPrice(cents(5508), bp(2000), 'TTC', 'HT')).toBe(4590);
    expect(convertPrice(cents(4590), bp(2000), 'HT', 'HT')).toBe(4590);
  });

  it('round-trips HT → TTC → HT exactly and TTC → HT → TTC within a cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), fc.constantFrom(2000, 1000, 850, 550, 210, 0), (price, rate) => {
        const ht = cents(price);
        expect(convertPrice(convertPrice(ht, bp(rate), 'HT', 'TTC'), bp(rate), 'TTC', 'HT')).toBe(price);
        const back = convertPrice(convertPrice(ht, bp(rate), 'TTC', 'HT'), bp(rate), 'HT', 'TTC');
        expect(Math.abs(back - price)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('convertLine', () => {
  it('converts unit prices, amount discounts and fees but not percentages', () => {
    const misc = miscLine({ unitPrice: 1000, vatRate: 550, discount: amountOff(200) });
    expect(convertLine(misc, 'HT', 'TTC')).toMatchObject({ unitPrice: 1055, discount: { kind: 'amount', amount: 211 } });
    const product = productLine({ unitPrice: 1000, vatRate: 2000, discount: percentOff(1000) });
    expect(convertLine(product, 'HT', 'TTC')).toMatchObject({ unitPrice: 1200, discount: { kind: 'percent', rate: 1000 } });
    expect(convertLine(feeLine(2500, 2000), 'HT', 'TTC')).toMatchObject({ amount: 3000 });
  });

  it('gives back the same HT lines after a trip through TTC', () => {
    const lines: QuoteLine[] = [
      productLine({ unitPrice: 4590, vatRate: 2000, discount: amountOff(333) }),
      miscLine({ unitPrice: 1235, vatRate: 550 }),
      feeLine(999, 1000),
    ];
    expect(lines.map((l) => convertLine(convertLine(l, 'HT', 'TTC'), 'TTC', 'HT'))).toEqual(lines);
  });
});

describe('convertFooterDiscount', () => {
  it('converts a footer amount share by share at each rate', () => {
    // shares 6.67 at 20 % and 3.33 at 5.5 % (see totals.test.ts) → 8.00 + 3.51 = 11.51 TTC
    const lines = [miscLine({ unitPrice: 10000, vatRate: 2000 }), miscLine({ unitPrice: 5000, vatRate: 550 })];
    const totals = computeTotals({ priceMode: 'HT', lines, footerDiscount: amountOff(1000) });
    expect(convertFooterDiscount(amountOff(1000), totals, 'HT', 'TTC')).toEqual(amountOff(1151));
    expect(convertFooterDiscount(percentOff(500), totals, 'HT', 'TTC')).toEqual(percentOff(500));
  });
});
