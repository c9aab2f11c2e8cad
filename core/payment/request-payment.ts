import type { Clock, IsoInstant } from '../shared/clock.ts';
import type { IdGenerator, PaymentId } from '../shared/ids.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import { cents } from '../money/units.ts';
import type { BasisPoints, Cents } from '../money/units.ts';
import type { Quote, QuoteTotals } from '../quote/quote.ts';
import { depositAmount, isValidDepositRate } from './deposit.ts';
import type { Payment, PaymentRequest, PaymentRequestKind } from './payment.ts';
import { isOpenRequest, paymentSummary } from './payment-summary.ts';

/** The parts of a quote a payment request needs. */
export type PayableQuote = Pick<Quote, 'id' | 'dossierId' | 'status' | 'depositRate'> & {
  readonly totals: Pick<QuoteTotals, 'totalGross'>;
};

export interface PaymentRequestInput {
  readonly kind: PaymentRequestKind;
  readonly quote: PayableQuote;
  /** Every payment (requests and received) of the dossier so far. */
  readonly payments: readonly Payment[];
  /** Overrides `quote.depositRate` (itself initialised from the settings' default, 30 %). */
  readonly depositRate?: BasisPoints;
  /** A custom amount instead of the computed one; still capped by what is due. */
  readonly amount?: Cents;
  readonly expiresAt?: IsoInstant | null;
}

export interface PaymentContext {
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export type RequestPaymentError =
  /** Only a sent or accepted quote can be paid: a draft is not an offer yet (accepting is the caller's step). */
  | 'QUOTE_NOT_ACCEPTABLE'
  /** The deposit rate is not between 0 % (excluded) and 100 %. */
  | 'INVALID_RATE'
  /** Received money and open requests already cover the total. */
  | 'NOTHING_DUE'
  /** An open (queued or sent) deposit request exists: asking twice would confuse the customer. */
  | 'DEPOSIT_ALREADY_REQUESTED'
  /** The money received already covers the deposit: ask for the balance instead. */
  | 'DEPOSIT_ALREADY_PAID'
  /** "Full" means the whole total; once something was paid, ask for the balance instead. */
  | 'ALREADY_PARTLY_PAID'
  /** A custom amount must be a positive number of cents. */
  | 'INVALID_AMOUNT'
  /** The amount is more than total − received − open requests. */
  | 'AMOUNT_EXCEEDS_DUE';

function computedAmount(
  input: PaymentRequestInput,
  rate: BasisPoints,
  received: Cents,
  due: Cents,
): Result<Cents, RequestPaymentError> {
  const total = input.quote.totals.totalGross;
  switch (input.kind) {
    case 'deposit': {
      if (input.payments.some((p) => p.type === 'request' && p.kind === 'deposit' && isOpenRequest(p))) {
        return err('DEPOSIT_ALREADY_REQUESTED', 'a deposit request is already open for this dossier');
      }
      // Money already received (a cheque at the desk) counts towards the deposit.
      const rest = depositAmount(total, rate) - received;
      if (rest <= 0) return err('DEPOSIT_ALREADY_PAID', 'the payments received already cover the deposit');
      return ok(cents(rest));
    }
    case 'balance':
      return ok(due);
    case 'full':
      if (received > 0) return err('ALREADY_PARTLY_PAID', 'part of the total was already paid; request the balance');
      return ok(total);
  }
}

/**
 * Builds a queued payment request (deposit, balance or full) for a sent or accepted quote. The
 * server sends it and owns its status from then on. Deposit = rate × total incl. VAT, rounded
 * half-up, less what was already received; balance = total − received − open requests; full =
 * the total when nothing was paid. No request ever asks for more than is still due.
 */
export function requestPayment(input: PaymentRequestInput, context: PaymentContext): Result<PaymentRequest, RequestPaymentError> {
  const { quote, kind } = input;
  if (quote.status !== 'sent' && quote.status !== 'accepted') {
    return err('QUOTE_NOT_ACCEPTABLE', `a ${quote.status} quote cannot be paid; send or accept it first`);
  }
  const rate = input.depositRate ?? quote.depositRate;
  if (kind === 'deposit' && !isValidDepositRate(rate)) {
    return err('INVALID_RATE', `a deposit rate must be above 0 and at most 10000 basis points, got ${rate}`);
  }
  const total = quote.totals.totalGross;
  const summary = paymentSummary(input.payments, total, depositAmount(total, rate));
  if (summary.due <= 0) return err('NOTHING_DUE', 'received payments and open requests already cover the total');

  const computed = computedAmount(input, rate, summary.received, summary.due);
  if (!computed.ok) return computed;
  const custom = input.amount;
  if (custom !== undefined && (!Number.isSafeInteger(custom) || custom <= 0)) {
    return err('INVALID_AMOUNT', `a payment request must ask for a positive amount, got ${custom}`);
  }
  const amount = custom ?? computed.value;
  if (amount > summary.due) {
    return err('AMOUNT_EXCEEDS_DUE', `at most ${summary.due} cents can still be requested, asked for ${amount}`);
  }
  const now = context.clock.now();
  return ok({
    id: context.ids.next() as PaymentId,
    type: 'request',
    dossierId: quote.dossierId,
    quoteId: quote.id,
    kind,
    amount,
    // The rate is recorded only when it produced the amount.
    rate: kind === 'deposit' && custom === undefined ? rate : null,
    status: 'queued',
    link: null,
    expiresAt: input.expiresAt ?? null,
    createdAt: now,
    updatedAt: now,
  });
}
