import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulDivRound } from '../money/rounding.ts';
import { amountOff, commentLine, feeLine, miscLine, percentOff, productLine } from './fixtures.ts';
import { goodsLineTotal, isGoodsLine } from './line-total.ts';
import type { Discount, PriceMode, QuoteLine } from './quote.ts';
import { computeTotals } from './totals.ts';

const RATES = [2000, 1000, 850, 550, 210, 0];

const lineDiscount = (unitPrice: number, quantity: number): fc.Arbitrary<Discount | null> =>
  fc.oneof(
    fc.constant(null),
    fc.integer({ min: 0, max: 10000 }).map(percentOff),
    fc.integer({ min: 0, max: mulDivRound(unitPrice, quantity, 1000) }).map(amountOff),
  );

const goodsArb = fc
  .record({
    kind: fc.constantFrom('product', 'misc'),
    unitPrice: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 5_000_000 })),
    quantity: fc.oneof(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 500_000 })),
    vatRate: fc.constantFrom(...RATES),
  })
  .chain((spec) => lineDiscount(spec.unitPrice, spec.quantity).map((discount) => ({ ...spec, discount })))
  .map((spec): QuoteLine => (spec.kind === 'product' ? productLine(spec) : miscLine(spec)));

const lineArb: fc.Arbitrary<QuoteLine> = fc.oneof(
  { weight: 5, arbitrary: goodsArb },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(...RATES)).map(([a, r]) => feeLine(a, r)) },
  { weight: 1, arbitrary: fc.string().map((text) => commentLine(text)) },
);

const footerArb: fc.Arbitrary<Discount | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 10000 }).map(percentOff),
  fc.integer({ min: 0, max: 10_000_000 }).map(amountOff),
);

const quoteArb = fc.record({
  priceMode: fc.constantFrom<PriceMode>('HT', 'TTC'),
  lines: fc.array(lineArb, { maxLength: 25 }),
  footerDiscount: footerArb,
});

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Goods total per VAT rate, computed independently of `computeTotals`. */
function goodsByRate(lines: readonly QuoteLine[]): Map<number, number> {
  const byRate = new Map<number, number>();
  for (const line of lines) if (isGoodsLine(line)) byRate.set(line.vatRate, (byRate.get(line.vatRate) ?? 0) + goodsLineTotal(line));
  return byRate;
}

describe('computeTotals invariants', () => {
  it('total incl. VAT = total excl. VAT + VAT, per rate and overall', () => {
    fc.assert(
      fc.property(quoteArb, (input) => {
        const totals = computeTotals(input);
        expect(totals.totalGross).toBe(totals.totalNet + totals.totalVat);
        for (const row of totals.byRate) expect(row.gross).toBe(row.net + row.vat);
      }),
    );
  });

  it('quote totals are the sums of the VAT table, which lists each used rate once, highest first', () => {
    fc.assert(
      fc.property(quoteArb, (input) => {
        const totals = computeTotals(input);
        expect(totals.totalNet).toBe(sum(totals.byRate.map((r) => r.net)));
        expect(totals.totalVat).toBe(sum(totals.byRate.map((r) => r.vat)));
        expect(totals.totalGross).toBe(sum(totals.byRate.map((r) => r.gross)));
        const rates = totals.byRate.map((r) => r.vatRate);
        expect(rates).toEqual([...new Set(input.lines.flatMap((l) => (l.kind === 'comment' ? [] : [l.vatRate])))].sort((a, b) => b - a));
      }),
    );
  });

  it('spreads the footer discount without creating or losing a cent, each share within its rate goods', () => {
    fc.assert(
      fc.property(quoteArb, (input) => {
        const totals = computeTotals(input);
        const goods = goodsByRate(input.lines);
        const goodsTotal = sum([...goods.values()]);
        expect(sum(totals.byRate.map((r) => r.footerDiscountShare))).toBe(totals.footerDiscount);
        expect(totals.footerDiscount).toBeLessThanOrEqual(goodsTotal);
        for (const row of totals.byRate) {
          expect(row.footerDiscountShare).toBeGreaterThanOrEqual(0);
          expect(row.footerDiscountShare).toBeLessThanOrEqual(goods.get(row.vatRate) ?? 0);
        }
        const footer = input.footerDiscount;
        if (footer?.kind === 'percent') expect(totals.footerDiscount).toBe(mulDivRound(goodsTotal, footer.rate, 10000));
        if (footer?.kind === 'amount') expect(totals.footerDiscount).toBe(Math.min(footer.amount, goodsTotal));
      }),
    );
  });

  it('the price-mode total is the lines minus the footer discount', () => {
    fc.assert(
      fc.property(quoteArb, (input) => {
        const totals = computeTotals(input);
        const modeTotal = input.priceMode === 'HT' ? totals.totalNet : totals.totalGross;
        expect(modeTotal).toBe(totals.linesTotal - totals.footerDiscount);
      }),
    );
  });

  it('comment lines change nothing', () => {
    fc.assert(
      fc.property(quoteArb, (input) => {
        const withoutComments = { ...input, lines: input.lines.filter((l) => l.kind !== 'comment') };
        expect(computeTotals(withoutComments)).toEqual(computeTotals(input));
      }),
    );
  });

  it('line order does not change the totals', () => {
    fc.assert(
      fc.property(
        quoteArb.chain((input) => fc.shuffledSubarray([...input.lines], { minLength: input.lines.length }).map((shuffled) => [input, shuffled] as const)),
        ([input, shuffled]) => {
          expect(computeTotals({ ...input, lines: shuffled })).toEqual(computeTotals(input));
        },
      ),
    );
  });

  it('without any discount, the totals are the plain sums of price × quantity and fees', () => {
    fc.assert(
      fc.property(quoteArb, fc.constantFrom<Discount | null>(null, percentOff(0), amountOff(0)), (input, noFooter) => {
        const lines = input.lines.map((l) => (isGoodsLine(l) ? { ...l, discount: null } : l));
        const totals = computeTotals({ ...input, lines, footerDiscount: noFooter });
        const plain = sum(lines.map((l) => (l.kind === 'fee' ? l.amount : isGoodsLine(l) ? mulDivRound(l.unitPrice, l.quantity, 1000) : 0)));
        expect(totals.linesTotal).toBe(plain);
        expect(totals.footerDiscount).toBe(0);
        expect(input.priceMode === 'HT' ? totals.totalNet : totals.totalGross).toBe(plain);
      }),
    );
  });

  it('VAT per rate is within half a cent of the exact VAT of that rate', () => {
    fc.assert(
      fc.property(quoteArb, (input) => {
        for (const row of computeTotals(input).byRate) {
          // HT: vat ≈ net × rate. TTC: vat ≈ gross × rate / (1 + rate); both rounded once.
          const exact = input.priceMode === 'HT' ? (row.net * row.vatRate) / 10000 : (row.gross * row.vatRate) / (10000 + row.vatRate);
          expect(Math.abs(row.vat - exact)).toBeLessThanOrEqual(0.5 + 1e-6);
        }
      }),
    );
  });
});
