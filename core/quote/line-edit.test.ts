import { describe, expect, it } from 'vitest';
import { bp, cents, milli } from '../money/units.ts';
import type { QuoteLineId } from '../shared/ids.ts';
import type { Result } from '../shared/result.ts';
import { unwrap } from '../shared/result.ts';
import { aDraft, aProduct, amountOff, percentOff, testContext } from './fixtures.ts';
import { moveLine, removeLine, reorderLines, updateLine } from './line-edit.ts';
import { addCommentLine, addFeeLine, addMiscLine, addProductLine } from './lines.ts';
import type { Quote } from './quote.ts';

const codeOf = (result: Result<Quote>): string => (result.ok ? 'ok' : result.error.code);

/** A draft with: product (2 × 45.90), misc (100.00), fee (25.00), comment. */
function aFilledDraft(): { quote: Quote; ids: QuoteLineId[]; ctx: ReturnType<typeof testContext> } {
  const ctx = testContext();
  let quote = unwrap(addProductLine(aDraft(ctx), { product: aProduct(), quantity: milli(2000) }, ctx));
  quote = unwrap(addMiscLine(quote, { label: 'Montage', unitPrice: cents(10000), vatRate: bp(2000) }, ctx));
  quote = unwrap(addFeeLine(quote, { label: 'Port', amount: cents(2500), vatRate: bp(2000) }, ctx));
  quote = unwrap(addCommentLine(quote, { text: 'Merci' }, ctx));
  return { quote, ids: quote.lines.map((l) => l.id), ctx };
}

describe('updateLine', () => {
  it('changes quantity and discount and recomputes totals', () => {
    const { quote, ids, ctx } = aFilledDraft();
    const [productId] = ids;
    // 3 × 45.90 = 137.70, −10 % = 123.93; + 100.00 + 25.00 = 248.93 HT
    const updated = unwrap(updateLine(quote, productId as QuoteLineId, { quantity: milli(3000), discount: percentOff(1000) }, ctx));
    expect(updated.totals.totalNet).toBe(24893);
    expect(quote.totals.totalNet).toBe(21680);
  });

  it('marks a hand-typed product price as manual, keeping the list price', () => {
    const { quote, ids, ctx } = aFilledDraft();
    const updated = unwrap(updateLine(quote, ids[0] as QuoteLineId, { unitPrice: cents(4000) }, ctx));
    expect(updated.lines[0]).toMatchObject({ unitPrice: 4000, pricing: { source: 'manual', listPrice: 4590 } });
  });

  it('removes a discount with null', () => {
    const { quote, ids, ctx } = aFilledDraft();
    const discounted = unwrap(updateLine(quote, ids[1] as QuoteLineId, { discount: amountOff(1000) }, ctx));
    expect(discounted.totals.totalNet).toBe(20680);
    expect(unwrap(updateLine(discounted, ids[1] as QuoteLineId, { discount: null }, ctx)).totals.totalNet).toBe(21680);
  });

  it('validates the whole line: a smaller quantity cannot leave an amount discount larger than the line', () => {
    const { quote, ids, ctx } = aFilledDraft();
    const discounted = unwrap(updateLine(quote, ids[1] as QuoteLineId, { quantity: milli(2000), discount: amountOff(15000) }, ctx));
    expect(codeOf(updateLine(discounted, ids[1] as QuoteLineId, { quantity: milli(1000) }, ctx))).toBe('DISCOUNT_EXCEEDS_LINE');
  });

  it('refuses fields the line kind does not have', () => {
    const { quote, ids, ctx } = aFilledDraft();
    expect(codeOf(updateLine(quote, ids[0] as QuoteLineId, { vatRate: bp(550) }, ctx))).toBe('FIELD_NOT_APPLICABLE');
    expect(codeOf(updateLine(quote, ids[2] as QuoteLineId, { quantity: milli(2000) }, ctx))).toBe('FIELD_NOT_APPLICABLE');
    expect(codeOf(updateLine(quote, ids[3] as QuoteLineId, { unitPrice: cents(1) }, ctx))).toBe('FIELD_NOT_APPLICABLE');
    expect(codeOf(updateLine(quote, ids[3] as QuoteLineId, { text: 'Merci beaucoup' }, ctx))).toBe('ok');
  });

  it('refuses unknown lines and frozen quotes', () => {
    const { quote, ids, ctx } = aFilledDraft();
    expect(codeOf(updateLine(quote, 'nope' as QuoteLineId, { label: 'x' }, ctx))).toBe('LINE_NOT_FOUND');
    expect(codeOf(updateLine({ ...quote, status: 'accepted' }, ids[1] as QuoteLineId, { label: 'x' }, ctx))).toBe('QUOTE_FROZEN');
  });
});

describe('removeLine', () => {
  it('removes a line and its amount from the totals', () => {
    const { quote, ids, ctx } = aFilledDraft();
    const updated = unwrap(removeLine(quote, ids[2] as QuoteLineId, ctx));
    expect(updated.lines).toHaveLength(3);
    expect(updated.totals.totalNet).toBe(quote.totals.totalNet - 2500);
    expect(codeOf(removeLine(updated, ids[2] as QuoteLineId, ctx))).toBe('LINE_NOT_FOUND');
    expect(codeOf(removeLine({ ...quote, status: 'sent' }, ids[0] as QuoteLineId, ctx))).toBe('QUOTE_FROZEN');
  });
});

describe('moving and reordering lines', () => {
  it('moves a line to a new position', () => {
    const { quote, ids, ctx } = aFilledDraft();
    const moved = unwrap(moveLine(quote, ids[3] as QuoteLineId, 0, ctx));
    expect(moved.lines.map((l) => l.id)).toEqual([ids[3], ids[0], ids[1], ids[2]]);
    expect(moved.totals).toEqual(quote.totals);
    expect(codeOf(moveLine(quote, ids[0] as QuoteLineId, 4, ctx))).toBe('INVALID_ORDER');
  });

  it('accepts only a permutation of the current lines', () => {
    const { quote, ids, ctx } = aFilledDraft();
    const [a, b, c, d] = ids as [QuoteLineId, QuoteLineId, QuoteLineId, QuoteLineId];
    expect(unwrap(reorderLines(quote, [d, c, b, a], ctx)).lines.map((l) => l.id)).toEqual([d, c, b, a]);
    expect(codeOf(reorderLines(quote, [a, b, c], ctx))).toBe('INVALID_ORDER');
    expect(codeOf(reorderLines(quote, [a, a, b, c], ctx))).toBe('INVALID_ORDER');
    expect(codeOf(reorderLines(quote, [a, b, c, 'x' as QuoteLineId], ctx))).toBe('INVALID_ORDER');
  });
});
