import { cents } from '../money/units.ts';
import type { Cents } from '../money/units.ts';
import type { Payment, PaymentRequest, PaymentRequestStatus } from './payment.ts';

/** Statuses of a request the customer may still pay: its amount is spoken for. */
export const OPEN_REQUEST_STATUSES: readonly PaymentRequestStatus[] = ['queued', 'sent'];

/** True while a request can still be paid (queued or sent). */
export function isOpenRequest(request: PaymentRequest): boolean {
  return OPEN_REQUEST_STATUSES.includes(request.status);
}

/** Where a dossier's money stands; the pipeline and the payment-request rules both read it. */
export interface PaymentSummary {
  /** Sum of money actually received. */
  readonly received: Cents;
  /** Sum of requests still open (queued or sent): asked for, not yet paid. */
  readonly openRequested: Cents;
  /** What may still be requested: total − received − open requests, never below zero. */
  readonly due: Cents;
  /** What the customer still owes: total − received; negative when overpaid. */
  readonly balance: Cents;
  /** Something was received and it covers the deposit. */
  readonly depositReached: boolean;
  /** There is something to pay and it has all been received. */
  readonly fullyPaid: boolean;
}

/** True once money was received and it covers the deposit (a 0 € deposit is not "paid" by nothing). */
export function isDepositReached(received: Cents, deposit: Cents): boolean {
  return received > 0 && received >= deposit;
}

/** True once a positive total has been received in full. A free quote is never "paid" by nothing. */
export function isFullyPaid(received: Cents, totalGross: Cents): boolean {
  return totalGross > 0 && received >= totalGross;
}

/**
 * Summarises the payments of one dossier (or one quote: the caller chooses which payments to pass)
 * against its total incl. VAT and deposit. Paid requests are not counted as open: their money is
 * counted once, through the received payment that settled them.
 */
export function paymentSummary(payments: readonly Payment[], totalGross: Cents, depositAmount: Cents): PaymentSummary {
  let received = 0;
  let openRequested = 0;
  for (const p of payments) {
    if (p.type === 'received') received += p.amount;
    else if (isOpenRequest(p)) openRequested += p.amount;
  }
  const balance = cents(totalGross - received);
  return {
    received: cents(received),
    openRequested: cents(openRequested),
    due: cents(Math.max(0, balance - openRequested)),
    balance,
    depositReached: isDepositReached(cents(received), depositAmount),
    fullyPaid: isFullyPaid(cents(received), totalGross),
  };
}
