import { describe, expect, it } from 'vitest';
import { cents } from '../money/units.ts';
import type { PaymentId } from '../shared/ids.ts';
import { aPaymentRequest, aReceivedPayment } from './payment-builders.ts';
import { paymentSummary } from './payment-summary.ts';

const TOTAL = cents(100_000);
const DEPOSIT = cents(30_000);

describe('paymentSummary', () => {
  it('shows everything due when nothing happened yet', () => {
    expect(paymentSummary([], TOTAL, DEPOSIT)).toEqual({
      received: 0, openRequested: 0, due: 100_000, balance: 100_000, depositReached: false, fullyPaid: false,
    });
  });

  it('counts open requests as spoken for, and a paid request only through its received payment', () => {
    const paidDeposit = aPaymentRequest({ status: 'paid' });
    const money = aReceivedPayment({ requestId: paidDeposit.id });
    const openBalance = aPaymentRequest({ id: 'request-2' as PaymentId, kind: 'balance', amount: cents(50_000), status: 'sent' });
    const cancelled = aPaymentRequest({ id: 'request-3' as PaymentId, status: 'cancelled' });
    const summary = paymentSummary([paidDeposit, money, openBalance, cancelled], TOTAL, DEPOSIT);
    expect(summary).toMatchObject({ received: 30_000, openRequested: 50_000, due: 20_000, balance: 70_000, depositReached: true, fullyPaid: false });
  });

  it('reports an overpayment as a negative balance and nothing due', () => {
    const summary = paymentSummary([aReceivedPayment({ amount: cents(120_000) })], TOTAL, DEPOSIT);
    expect(summary).toMatchObject({ due: 0, balance: -20_000, fullyPaid: true });
  });

  it('does not call a dossier paid or its deposit reached when nothing was received', () => {
    expect(paymentSummary([], cents(0), cents(0))).toMatchObject({ depositReached: false, fullyPaid: false });
  });

  it('reaches the deposit at exactly the deposit amount', () => {
    expect(paymentSummary([aReceivedPayment({ amount: cents(29_999) })], TOTAL, DEPOSIT).depositReached).toBe(false);
    expect(paymentSummary([aReceivedPayment({ amount: cents(30_000) })], TOTAL, DEPOSIT).depositReached).toBe(true);
  });
});
