import { describe, expect, it } from 'vitest';
import type { Result } from '../shared/result.ts';
import { unwrap } from '../shared/result.ts';
import { aDraft, testContext } from './fixtures.ts';
import type { Quote } from './quote.ts';
import { clearDatesChanged, markDatesChanged, markTransferred } from './transfer.ts';

const codeOf = (result: Result<Quote>): string => (result.ok ? 'ok' : result.error.code);
const ctx = testContext();
const withStatus = (status: Quote['status']): Quote => ({ ...aDraft(ctx), status });

describe('markTransferred', () => {
  it('records the order and then the invoice of an accepted quote', () => {
    let quote = unwrap(markTransferred(withStatus('accepted'), 'order', ' CMD-2026-0042 ', ctx));
    quote = unwrap(markTransferred(quote, 'invoice', 'FA-2026-0007', ctx));
    expect(quote).toMatchObject({ transferredToOrder: 'CMD-2026-0042', transferredToInvoice: 'FA-2026-0007' });
  });

  it('refuses a second transfer to the same kind of document', () => {
    const quote = unwrap(markTransferred(withStatus('accepted'), 'order', 'CMD-1', ctx));
    expect(codeOf(markTransferred(quote, 'order', 'CMD-2', ctx))).toBe('ALREADY_TRANSFERRED');
  });

  it('only transfers accepted quotes, with a reference', () => {
    expect(codeOf(markTransferred(withStatus('sent'), 'order', 'CMD-1', ctx))).toBe('INVALID_STATUS');
    expect(codeOf(markTransferred(withStatus('accepted'), 'invoice', '  ', ctx))).toBe('INVALID_REFERENCE');
  });
});

describe('dates changed flag', () => {
  it('flags a quote of any status and keeps it', () => {
    const sent = withStatus('sent');
    const flagged = markDatesChanged(sent, ctx);
    expect(flagged).toMatchObject({ datesChanged: true, status: 'sent', lines: sent.lines });
  });

  it('is cleared on a draft once re-priced, not on a frozen quote', () => {
    const draft = markDatesChanged(aDraft(ctx), ctx);
    expect(unwrap(clearDatesChanged(draft, ctx)).datesChanged).toBe(false);
    expect(codeOf(clearDatesChanged(markDatesChanged(withStatus('sent'), ctx), ctx))).toBe('QUOTE_FROZEN');
  });
});
