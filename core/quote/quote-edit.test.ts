import { describe, expect, it } from 'vitest';
import { bp, cents, milli } from '../money/units.ts';
import type { Result } from '../shared/result.ts';
import { unwrap } from '../shared/result.ts';
import { aDraft, aProduct, amountOff, percentOff, testContext } from './fixtures.ts';
import { addFeeLine, addMiscLine, addProductLine } from './lines.ts';
import type { Quote } from './quote.ts';
import { setDepositRate, setFooterDiscount, setPriceMode, setValidity } from './quote-edit.ts';

const codeOf = (result: Result<Quote>): string => (result.ok ? 'ok' : result.error.code);

function aQuote(): { quote: Quote; ctx: ReturnType<typeof testContext> } {
  const ctx = testContext();
  let quote = unwrap(addProductLine(aDraft(ctx), { product: aProduct(), quantity: milli(2000), discount: amountOff(180) }, ctx));
  quote = unwrap(addMiscLine(quote, { label: 'Guide', unitPrice: cents(1235), vatRate: bp(550) }, ctx));
  quote = unwrap(addFeeLine(quote, { label: 'Port', amount: cents(2500), vatRate: bp(2000) }, ctx));
  return { quote, ctx };
}

describe('setFooterDiscount', () => {
  it('applies a percentage to the goods only and can be cleared', () => {
    const { quote, ctx } = aQuote();
    // goods: 2 × 45.90 − 1.80 = 90.00, + 12.35 = 102.35; 10 % = 10.235 → 10.24
    const discounted = unwrap(setFooterDiscount(quote, percentOff(1000), ctx));
    expect(discounted.totals.footerDiscount).toBe(1024);
    expect(unwrap(setFooterDiscount(discounted, null, ctx)).totals).toEqual(quote.totals);
  });

  it('refuses an amount above the discountable goods, or a rate above 100 %', () => {
    const { quote, ctx } = aQuote();
    expect(codeOf(setFooterDiscount(quote, amountOff(10235), ctx))).toBe('ok');
    expect(codeOf(setFooterDiscount(quote, amountOff(10236), ctx))).toBe('DISCOUNT_EXCEEDS_TOTAL');
    expect(codeOf(setFooterDiscount(quote, percentOff(10001), ctx))).toBe('INVALID_DISCOUNT');
    expect(codeOf(setFooterDiscount(quote, amountOff(-1), ctx))).toBe('INVALID_DISCOUNT');
  });

  it('is refused on a sent quote', () => {
    const { quote, ctx } = aQuote();
    expect(codeOf(setFooterDiscount({ ...quote, status: 'sent' }, percentOff(500), ctx))).toBe('QUOTE_FROZEN');
  });
});

describe('setPriceMode', () => {
  it('converts every amount to TTC, keeping the offer the same', () => {
    const { quote, ctx } = aQuote();
    const ttc = unwrap(setPriceMode(unwrap(setFooterDiscount(quote, amountOff(1000), ctx)), 'TTC', ctx));
    expect(ttc.priceMode).toBe('TTC');
    // 45.90 → 55.08; discount 1.80 → 2.16; 12.35 at 5.5 % → 13.03; port 25.00 → 30.00
    expect(ttc.lines).toMatchObject([
      { unitPrice: 5508, discount: { kind: 'amount', amount: 216 }, pricing: { listPrice: 5508 } },
      { unitPrice: 1303 },
      { amount: 3000 },
    ]);
    expect(ttc.footerDiscount?.kind).toBe('amount');
  });

  it('gives back the same HT quote after a trip through TTC', () => {
    const { quote, ctx } = aQuote();
    const back = unwrap(setPriceMode(unwrap(setPriceMode(quote, 'TTC', ctx)), 'HT', ctx));
    expect(back.lines).toEqual(quote.lines);
    expect(back.totals).toEqual(quote.totals);
  });
});

describe('setDepositRate and setValidity', () => {
  it('accepts a deposit rate between 0 and 100 %', () => {
    const { quote, ctx } = aQuote();
    expect(unwrap(setDepositRate(quote, bp(5000), ctx)).depositRate).toBe(5000);
    expect(codeOf(setDepositRate(quote, bp(10001), ctx))).toBe('INVALID_RATE');
  });

  it('accepts a validity date from today on', () => {
    const { quote, ctx } = aQuote();
    expect(unwrap(setValidity(quote, '2026-03-02', ctx)).validUntil).toBe('2026-03-02');
    expect(codeOf(setValidity(quote, '2026-03-01', ctx))).toBe('INVALID_DATE');
    expect(codeOf(setValidity(quote, '2026-02-30', ctx))).toBe('INVALID_DATE');
  });
});
