import { cents } from '../money/units.ts';
import type { Cents } from '../money/units.ts';
import { depositAmount, isDepositReached, isFullyPaid } from '../payment/index.ts';
import type { Payment, PaymentRequest } from '../payment/index.ts';
import type { Quote } from '../quote/quote.ts';

/** What the stage guards need to know about a dossier's quotes and payments. */
export interface PipelineFacts {
  /** Some quote of the dossier has a product or misc line: the request became a dossier. */
  readonly hasPricedLines: boolean;
  readonly hasAcceptedQuote: boolean;
  /** A payment request was made that was not cancelled or expired. */
  readonly hasPaymentRequest: boolean;
  /** Total incl. VAT of the quote the customer pays (the accepted one, else the latest). */
  readonly totalGross: Cents;
  /** Receiving this much moves the dossier to `deposit_paid`. */
  readonly depositAmount: Cents;
  readonly totalReceived: Cents;
}

/** Nothing known yet: a fresh request. */
export const NO_FACTS: PipelineFacts = {
  hasPricedLines: false,
  hasAcceptedQuote: false,
  hasPaymentRequest: false,
  totalGross: cents(0),
  depositAmount: cents(0),
  totalReceived: cents(0),
};

/** Money received covers the deposit. */
export function depositReached(facts: PipelineFacts): boolean {
  return isDepositReached(facts.totalReceived, facts.depositAmount);
}

/** Money received covers the (positive) total. */
export function fullyPaid(facts: PipelineFacts): boolean {
  return isFullyPaid(facts.totalReceived, facts.totalGross);
}

function latest<T extends Pick<Quote, 'version' | 'updatedAt'>>(quotes: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const q of quotes) {
    if (!best || q.version > best.version || (q.version === best.version && q.updatedAt > best.updatedAt)) best = q;
  }
  return best;
}

function latestLiveDeposit(payments: readonly Payment[]): PaymentRequest | undefined {
  let best: PaymentRequest | undefined;
  for (const p of payments) {
    const live = p.type === 'request' && p.kind === 'deposit' && (p.status === 'queued' || p.status === 'sent' || p.status === 'paid');
    if (live && (!best || p.createdAt > best.createdAt)) best = p;
  }
  return best;
}

/**
 * Derives the facts from one dossier's quotes (all versions) and payments. The deposit is the
 * quote's rate of its total, or the amount of a live deposit request when an agent asked for less:
 * the customer who paid what was asked has paid the deposit.
 */
export function pipelineFacts(quotes: readonly Quote[], payments: readonly Payment[]): PipelineFacts {
  const accepted = quotes.filter((q) => q.status === 'accepted');
  const reference = latest(accepted) ?? latest(quotes);
  const totalGross = reference?.totals.totalGross ?? cents(0);
  const computed = reference ? depositAmount(totalGross, reference.depositRate) : cents(0);
  const asked = latestLiveDeposit(payments)?.amount;
  let received = 0;
  for (const p of payments) if (p.type === 'received') received += p.amount;
  return {
    hasPricedLines: quotes.some((q) => q.lines.some((l) => l.kind === 'product' || l.kind === 'misc')),
    hasAcceptedQuote: accepted.length > 0,
    hasPaymentRequest: payments.some((p) => p.type === 'request' && p.status !== 'cancelled' && p.status !== 'expired'),
    totalGross,
    depositAmount: asked !== undefined && asked < computed ? asked : computed,
    totalReceived: cents(received),
  };
}
