import { describe, expect, it } from 'vitest';
import { bp, cents } from '../money/units.ts';
import type { DossierId } from '../shared/ids.ts';
import type { Result } from '../shared/result.ts';
import { unwrap } from '../shared/result.ts';
import { createDraft } from './draft.ts';
import { aDraft, testContext } from './fixtures.ts';
import { accept, decline, expire, send } from './lifecycle.ts';
import { addCommentLine, addMiscLine } from './lines.ts';
import type { Quote } from './quote.ts';

const codeOf = (result: Result<Quote>): string => (result.ok ? 'ok' : result.error.code);

/** A sent quote created and sent on 2 March 2026, valid until 1 April 2026. */
function aSentQuote(): Quote {
  const ctx = testContext();
  const quote = unwrap(addMiscLine(aDraft(ctx), { label: 'Séminaire', unitPrice: cents(50000), vatRate: bp(2000) }, ctx));
  return unwrap(send(quote, ctx));
}

const on = (date: string) => testContext({ now: `${date}T10:00:00.000Z` });

describe('createDraft', () => {
  it('creates version 1, valid for the configured number of days, with the default deposit', () => {
    const quote = aDraft(testContext());
    expect(quote).toMatchObject({ version: 1, status: 'draft', number: 'Q-2026-000123', previousVersionId: null, validUntil: '2026-04-01', depositRate: 3000 });
    expect(quote.negotiation.state).toBe('none');
    expect(quote.totals.totalGross).toBe(0);
    const short = aDraft(testContext({ settings: { validityDays: 8, defaultDepositRate: bp(5000) } }));
    expect(short).toMatchObject({ validUntil: '2026-03-10', depositRate: 5000 });
  });

  it('requires a number', () => {
    const result = createDraft({ dossierId: 'd' as DossierId, number: '  ', priceMode: 'HT' }, testContext());
    expect(codeOf(result)).toBe('INVALID_NUMBER');
  });
});

describe('send', () => {
  it('sends a draft with a priced line, stamping sentAt', () => {
    expect(aSentQuote()).toMatchObject({ status: 'sent', sentAt: '2026-03-02T09:00:00.000Z' });
  });

  it('refuses an empty quote or one with only comments', () => {
    const ctx = testContext();
    expect(codeOf(send(aDraft(ctx), ctx))).toBe('QUOTE_EMPTY');
    expect(codeOf(send(unwrap(addCommentLine(aDraft(ctx), { text: 'À préciser' }, ctx)), ctx))).toBe('QUOTE_EMPTY');
  });

  it('refuses to send twice or to send a quote past its validity date', () => {
    const sent = aSentQuote();
    expect(codeOf(send(sent, testContext()))).toBe('INVALID_STATUS');
    const ctx = testContext();
    const draft = unwrap(addMiscLine(aDraft(ctx), { label: 'Séminaire', unitPrice: cents(50000), vatRate: bp(2000) }, ctx));
    expect(codeOf(send(draft, on('2026-04-01')))).toBe('ok');
    expect(codeOf(send(draft, on('2026-04-02')))).toBe('QUOTE_EXPIRED');
  });
});

describe('accept and decline', () => {
  it('accepts a sent quote up to and including its last valid day', () => {
    const accepted = unwrap(accept(aSentQuote(), on('2026-04-01')));
    expect(accepted).toMatchObject({ status: 'accepted', decidedAt: '2026-04-01T10:00:00.000Z' });
    expect(codeOf(accept(aSentQuote(), on('2026-04-02')))).toBe('QUOTE_EXPIRED');
  });

  it('declines a sent quote, even after its validity date', () => {
    expect(unwrap(decline(aSentQuote(), on('2026-05-01'))).status).toBe('declined');
  });

  it('only decides sent quotes', () => {
    const ctx = testContext();
    expect(codeOf(accept(aDraft(ctx), ctx))).toBe('INVALID_STATUS');
    const declined = unwrap(decline(aSentQuote(), ctx));
    expect(codeOf(accept(declined, ctx))).toBe('INVALID_STATUS');
    expect(codeOf(decline(declined, ctx))).toBe('INVALID_STATUS');
  });
});

describe('expire', () => {
  it('expires a sent quote once its validity date has passed, not before', () => {
    expect(codeOf(expire(aSentQuote(), on('2026-04-01')))).toBe('NOT_EXPIRED');
    expect(unwrap(expire(aSentQuote(), on('2026-04-02'))).status).toBe('expired');
  });

  it('does not expire drafts or decided quotes', () => {
    const late = on('2026-06-01');
    expect(codeOf(expire(aDraft(testContext()), late))).toBe('INVALID_STATUS');
    expect(codeOf(expire(unwrap(accept(aSentQuote(), testContext())), late))).toBe('INVALID_STATUS');
  });
});
