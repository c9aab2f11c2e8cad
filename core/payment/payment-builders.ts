import { fixedClock } from '../shared/clock.ts';
import type { DossierId, PaymentId, QuoteId } from '../shared/ids.ts';
import { sequentialIds } from '../shared/ids.ts';
import { bp, cents } from '../money/units.ts';
import type { PaymentRequest, ReceivedPayment } from './payment.ts';
import type { PayableQuote, PaymentContext } from './request-payment.ts';

// Builders for tests (here and in other parts); deliberately not re-exported from index.ts.

export const T0 = '2026-05-04T09:00:00.000Z';

/** A deterministic clock and id generator. */
export function aPaymentContext(at = T0): PaymentContext {
  return { clock: fixedClock(at), ids: sequentialIds('pay') };
}

/** A sent quote of 1 000.00 € incl. VAT asking a 30 % deposit. */
export function aPayableQuote(overrides: Partial<Omit<PayableQuote, 'totals'>> & { totalGross?: number } = {}): PayableQuote {
  const { totalGross = 100_000, ...rest } = overrides;
  return {
    id: 'quote-1' as QuoteId,
    dossierId: 'dossier-1' as DossierId,
    status: 'sent',
    depositRate: bp(3000),
    totals: { totalGross: cents(totalGross) },
    ...rest,
  };
}

/** A queued deposit request of 300.00 € on quote-1. */
export function aPaymentRequest(overrides: Partial<PaymentRequest> = {}): PaymentRequest {
  return {
    id: 'request-1' as PaymentId,
    type: 'request',
    dossierId: 'dossier-1' as DossierId,
    quoteId: 'quote-1' as QuoteId,
    kind: 'deposit',
    amount: cents(30_000),
    rate: bp(3000),
    status: 'queued',
    link: null,
    expiresAt: null,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** 300.00 € received by card on quote-1. */
export function aReceivedPayment(overrides: Partial<ReceivedPayment> = {}): ReceivedPayment {
  return {
    id: 'received-1' as PaymentId,
    type: 'received',
    dossierId: 'dossier-1' as DossierId,
    quoteId: 'quote-1' as QuoteId,
    requestId: null,
    amount: cents(30_000),
    method: 'card',
    receivedAt: T0,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}
