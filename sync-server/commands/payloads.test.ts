import { describe, expect, it } from 'vitest';
import { parsePaymentRequest } from './payment-request.ts';
import { parseQuoteEmail } from './quote-email-payload.ts';
import { retryDelay, DEFAULT_RETRY } from './retry-policy.ts';

describe('command payloads', () => {
  it('reads the desktop’s quote.email payload, defaults included', () => {
    expect(parseQuoteEmail({ quoteId: 'q-1', dossierId: 'd-1', to: ['a@b.fr'], language: 'en', templateId: 'quote-sent' })).toEqual({
      ok: true,
      value: { quoteId: 'q-1', to: ['a@b.fr'], cc: [], language: 'en', message: null, templateId: 'quote-sent' },
    });
    expect(parseQuoteEmail({ quoteId: 'q-1', to: [] })).toMatchObject({ ok: true, value: { to: null, language: null, templateId: 'quote-sent' } });
  });

  it('refuses what it cannot act on', () => {
    expect(parseQuoteEmail({})).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(parseQuoteEmail({ quoteId: 'q 1' })).toMatchObject({ ok: false });
    expect(parseQuoteEmail({ quoteId: 'q-1', language: 'de' })).toMatchObject({ ok: false, error: { message: 'language must be "fr" or "en"' } });
    expect(parseQuoteEmail({ quoteId: 'q-1', message: 'x'.repeat(5001) })).toMatchObject({ ok: false });
    expect(parsePaymentRequest({ kind: 'deposit' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(parsePaymentRequest({ paymentId: 'p-1', to: 'nobody' })).toMatchObject({ ok: false });
  });

  it('reads payment.request with or without someone to email', () => {
    expect(parsePaymentRequest({ paymentId: 'p-1', kind: 'deposit', amount: 100, to: [], language: 'fr' })).toEqual({ ok: true, value: { paymentId: 'p-1', to: [], language: 'fr' } });
  });
});

describe('retry policy', () => {
  it('doubles the wait after each failure, up to a ceiling', () => {
    expect([1, 2, 3, 8].map((attempt) => retryDelay(DEFAULT_RETRY, attempt))).toEqual([2_000, 4_000, 8_000, 256_000]);
    expect(retryDelay({ maxAttempts: 20, baseDelayMs: 2_000, maxDelayMs: 300_000 }, 12)).toBe(300_000);
  });
});
