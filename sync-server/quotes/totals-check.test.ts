import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../core/model/json.ts';
import { cents } from '../../core/money/units.ts';
import { aQuote } from '../../core/schemas/quote-builder.ts';
import { quoteTotalsError } from './totals-check.ts';

const asBody = (value: object): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;

describe('quote totals re-check', () => {
  it('accepts the totals computeTotals gives, whatever the key order', () => {
    const quote = asBody(aQuote());
    const reordered = { ...quote, totals: Object.fromEntries(Object.entries(quote.totals as JsonObject).reverse()) };
    expect(quoteTotalsError(quote)).toBeNull();
    expect(quoteTotalsError(reordered)).toBeNull();
  });

  it('names the first total that differs', () => {
    const forged = asBody(aQuote({ totals: { ...aQuote().totals, totalGross: cents(100) } }));
    expect(quoteTotalsError(forged)).toBe('totals.totalGross is 100, the lines give 37965');
    const shares = aQuote().totals.byRate.map((rate) => ({ ...rate, footerDiscountShare: cents(500) }));
    expect(quoteTotalsError(asBody(aQuote({ totals: { ...aQuote().totals, byRate: shares } })))).toBe('totals.byRate does not match the lines');
  });
});
