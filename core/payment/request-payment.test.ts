import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bp, cents } from '../money/units.ts';
import type { Cents } from '../money/units.ts';
import type { PaymentId } from '../shared/ids.ts';
import type { Payment, PaymentRequestKind } from './payment.ts';
import { T0, aPayableQuote, aPaymentContext, aPaymentRequest, aReceivedPayment } from './payment-builders.ts';
import { paymentSummary } from './payment-summary.ts';
import { requestPayment } from './request-payment.ts';
import type { PaymentRequestInput } from './request-payment.ts';

function request(overrides: Partial<PaymentRequestInput> = {}) {
  return requestPayment({ kind: 'deposit', quote: aPayableQuote(), payments: [], ...overrides }, aPaymentContext());
}

function outcome(overrides: Partial<PaymentRequestInput> = {}): string | number {
  const result = request(overrides);
  return result.ok ? result.value.amount : result.error.code;
}

describe('requestPayment', () => {
  it('queues a 30 % deposit request on a sent quote', () => {
    expect(request()).toEqual({
      ok: true,
      value: {
        id: 'pay-1', type: 'request', dossierId: 'dossier-1', quoteId: 'quote-1', kind: 'deposit', amount: 30_000,
        rate: 3000, status: 'queued', link: null, expiresAt: null, createdAt: T0, updatedAt: T0,
      },
    });
  });

  it('uses the quote’s own deposit rate, or an explicit one, rounded half-up to the cent', () => {
    expect(outcome({ quote: aPayableQuote({ depositRate: bp(5000), totalGross: 33_333 }) })).toBe(16_667);
    expect(outcome({ depositRate: bp(2500) })).toBe(25_000);
  });

  it('refuses to ask for payment on a draft, declined or expired quote', () => {
    for (const status of ['draft', 'declined', 'expired'] as const) {
      expect(outcome({ quote: aPayableQuote({ status }) })).toBe('QUOTE_NOT_ACCEPTABLE');
    }
    expect(outcome({ quote: aPayableQuote({ status: 'accepted' }) })).toBe(30_000);
  });

  it('refuses a deposit rate of 0 % or above 100 %', () => {
    expect(outcome({ depositRate: bp(0) })).toBe('INVALID_RATE');
    expect(outcome({ depositRate: bp(10001) })).toBe('INVALID_RATE');
  });

  it('refuses a second deposit request while one is open, but allows one after cancelling', () => {
    expect(outcome({ payments: [aPaymentRequest({ status: 'sent' })] })).toBe('DEPOSIT_ALREADY_REQUESTED');
    expect(outcome({ payments: [aPaymentRequest({ status: 'cancelled' })] })).toBe(30_000);
  });

  it('counts money already received towards the deposit', () => {
    expect(outcome({ payments: [aReceivedPayment({ amount: cents(10_000) })] })).toBe(20_000);
    expect(outcome({ payments: [aReceivedPayment({ amount: cents(30_000) })] })).toBe('DEPOSIT_ALREADY_PAID');
  });

  it('asks the balance as total − received − open requests', () => {
    const payments = [aReceivedPayment(), aPaymentRequest({ id: 'r2' as PaymentId, kind: 'balance', amount: cents(20_000), status: 'sent' })];
    expect(outcome({ kind: 'balance', payments })).toBe(50_000);
  });

  it('asks the full total only while nothing was paid', () => {
    expect(outcome({ kind: 'full' })).toBe(100_000);
    expect(outcome({ kind: 'full', payments: [aReceivedPayment()] })).toBe('ALREADY_PARTLY_PAID');
    expect(outcome({ kind: 'full', payments: [aPaymentRequest()] })).toBe('AMOUNT_EXCEEDS_DUE');
  });

  it('refuses when nothing is left to ask for', () => {
    expect(outcome({ kind: 'balance', payments: [aReceivedPayment({ amount: cents(100_000) })] })).toBe('NOTHING_DUE');
    expect(outcome({ kind: 'balance', payments: [aPaymentRequest({ kind: 'full', amount: cents(100_000) })] })).toBe('NOTHING_DUE');
    expect(outcome({ kind: 'full', quote: aPayableQuote({ totalGross: 0 }) })).toBe('NOTHING_DUE');
  });

  it('accepts a custom amount within what is due, and records no rate for it', () => {
    const custom = request({ amount: cents(45_000) });
    expect(custom.ok && [custom.value.amount, custom.value.rate]).toEqual([45_000, null]);
    expect(outcome({ kind: 'balance', amount: cents(100_001) })).toBe('AMOUNT_EXCEEDS_DUE');
    expect(outcome({ amount: cents(0) })).toBe('INVALID_AMOUNT');
    expect(outcome({ amount: cents(-100) })).toBe('INVALID_AMOUNT');
  });

  it('never lets requests plus received money exceed the total', () => {
    const step = fc.record({
      kind: fc.constantFrom<PaymentRequestKind>('deposit', 'balance', 'full'),
      amount: fc.option(fc.integer({ min: 1, max: 150_000 }), { nil: undefined }),
      pay: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.array(step, { maxLength: 12 }), (total, steps) => {
        const quote = aPayableQuote({ totalGross: total, status: 'accepted' });
        const context = aPaymentContext();
        const payments: Payment[] = [];
        for (const s of steps) {
          const amount = s.amount === undefined ? undefined : (cents(s.amount) as Cents);
          const made = requestPayment({ kind: s.kind, quote, payments, ...(amount === undefined ? {} : { amount }) }, context);
          if (!made.ok) continue;
          if (s.pay) {
            payments.push({ ...made.value, status: 'paid' }, aReceivedPayment({ id: `got-${payments.length}` as PaymentId, amount: made.value.amount }));
          } else {
            payments.push(made.value);
          }
        }
        const summary = paymentSummary(payments, quote.totals.totalGross, cents(0));
        expect(summary.received + summary.openRequested).toBeLessThanOrEqual(total);
      }),
    );
  });
});
