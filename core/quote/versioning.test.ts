import { describe, expect, it } from 'vitest';
import { bp, cents, milli } from '../money/units.ts';
import { fixedClock } from '../shared/clock.ts';
import type { QuoteLineId } from '../shared/ids.ts';
import type { Result } from '../shared/result.ts';
import { unwrap } from '../shared/result.ts';
import { aDraft, aProduct, percentOff, testContext } from './fixtures.ts';
import { updateLine } from './line-edit.ts';
import { accept, decline, send } from './lifecycle.ts';
import { addCommentLine, addMiscLine, addProductLine } from './lines.ts';
import { requestNegotiation } from './negotiation.ts';
import type { Quote } from './quote.ts';
import { setFooterDiscount } from './quote-edit.ts';
import { newVersion } from './versioning.ts';

const codeOf = (result: Result<Quote>): string => (result.ok ? 'ok' : result.error.code);

function aSentQuote(ctx = testContext()): Quote {
  let quote = unwrap(addProductLine(aDraft(ctx), { product: aProduct(), quantity: milli(10_000) }, ctx));
  quote = unwrap(addMiscLine(quote, { label: 'Livraison étage', unitPrice: cents(4000), vatRate: bp(2000) }, ctx));
  quote = unwrap(addCommentLine(quote, { text: 'Devis suite à votre appel' }, ctx));
  quote = unwrap(setFooterDiscount(quote, percentOff(500), ctx));
  return unwrap(send(quote, ctx));
}

describe('newVersion', () => {
  it('makes an editable draft copy: same number, next version, same line ids, linked to the previous one', () => {
    const ctx = testContext();
    const sent = aSentQuote(ctx);
    // Same id generator, later clock: the agent revises the quote 18 days after sending it.
    const later = { ...ctx, clock: fixedClock('2026-03-20T14:00:00.000Z') };
    const next = unwrap(newVersion(sent, later));
    expect(next).toMatchObject({
      number: sent.number,
      version: 2,
      previousVersionId: sent.id,
      status: 'draft',
      sentAt: null,
      decidedAt: null,
      validUntil: '2026-04-19',
      createdAt: '2026-03-20T14:00:00.000Z',
      footerDiscount: sent.footerDiscount,
    });
    expect(next.id).not.toBe(sent.id);
    expect(next.lines.map((l) => l.id)).toEqual(sent.lines.map((l) => l.id));
    expect(next.totals).toEqual(sent.totals);
  });

  it('is how a sent quote gets edited: the sent version stays as the client saw it', () => {
    const sent = aSentQuote();
    const ctx = testContext();
    const lineId = sent.lines[0]?.id as QuoteLineId;
    expect(codeOf(updateLine(sent, lineId, { quantity: milli(12_000) }, ctx))).toBe('QUOTE_FROZEN');
    const edited = unwrap(updateLine(unwrap(newVersion(sent, ctx)), lineId, { quantity: milli(12_000) }, ctx));
    expect(edited.totals.totalNet).toBeGreaterThan(sent.totals.totalNet);
    expect(sent.lines[0]).toMatchObject({ quantity: 10_000 });
  });

  it('carries the negotiation over to the next version', () => {
    const ctx = testContext();
    const negotiating = unwrap(requestNegotiation(aSentQuote(), 'Le client demande 10 % de remise', ctx));
    expect(unwrap(newVersion(negotiating, ctx)).negotiation).toEqual(negotiating.negotiation);
  });

  it('versions declined quotes but not drafts or accepted quotes', () => {
    const ctx = testContext();
    expect(unwrap(newVersion(unwrap(decline(aSentQuote(), ctx)), ctx)).version).toBe(2);
    expect(codeOf(newVersion(aDraft(ctx), ctx))).toBe('INVALID_STATUS');
    expect(codeOf(newVersion(unwrap(accept(aSentQuote(), ctx)), ctx))).toBe('INVALID_STATUS');
  });
});
