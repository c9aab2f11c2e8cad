import { describe, expect, it } from 'vitest';
import { cents } from '../money/units.ts';
import type { DossierId, QuoteId } from '../shared/ids.ts';
import type { ReceivedPayment } from './payment.ts';
import { T0, aPaymentContext, aPaymentRequest } from './payment-builders.ts';
import { recordReceivedPayment } from './received-payment.ts';
import type { ReceivedPaymentInput } from './received-payment.ts';

function record(overrides: Partial<ReceivedPaymentInput> = {}) {
  return recordReceivedPayment(
    { dossierId: 'dossier-1' as DossierId, quoteId: 'quote-1' as QuoteId, amount: cents(30_000), method: 'cheque', ...overrides },
    aPaymentContext(),
  );
}

describe('recordReceivedPayment', () => {
  it('records a cheque against the request it settles', () => {
    expect(record({ request: aPaymentRequest({ status: 'sent' }), receivedAt: '2026-05-03T16:00:00.000Z' })).toEqual({
      ok: true,
      value: {
        id: 'pay-1', type: 'received', dossierId: 'dossier-1', quoteId: 'quote-1', requestId: 'request-1', amount: 30_000,
        method: 'cheque', receivedAt: '2026-05-03T16:00:00.000Z', createdAt: T0, updatedAt: T0,
      },
    });
  });

  it('dates the payment now when no date is given', () => {
    const result = record();
    expect(result.ok && [result.value.receivedAt, result.value.requestId]).toEqual([T0, null]);
  });

  it('refuses zero, negative or fractional amounts and unknown methods', () => {
    const code = (overrides: Partial<ReceivedPaymentInput>): string => {
      const result = record(overrides);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(code({ amount: cents(0) })).toBe('INVALID_AMOUNT');
    expect(code({ amount: cents(-1) })).toBe('INVALID_AMOUNT');
    expect(code({ amount: 1.5 as ReceivedPayment['amount'] })).toBe('INVALID_AMOUNT');
    expect(code({ method: 'bitcoin' as ReceivedPayment['method'] })).toBe('INVALID_METHOD');
    expect(code({ request: aPaymentRequest({ dossierId: 'dossier-9' as DossierId }) })).toBe('REQUEST_MISMATCH');
  });
});
