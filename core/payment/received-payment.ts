import type { IsoInstant } from '../shared/clock.ts';
import type { DossierId, PaymentId, QuoteId } from '../shared/ids.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { Cents } from '../money/units.ts';
import type { PaymentRequest, ReceivedPayment } from './payment.ts';
import type { PaymentContext } from './request-payment.ts';

export const RECEIVED_PAYMENT_METHODS = ['card', 'transfer', 'cheque', 'cash', 'other'] as const satisfies readonly ReceivedPayment['method'][];

export interface ReceivedPaymentInput {
  readonly dossierId: DossierId;
  readonly quoteId: QuoteId;
  readonly amount: Cents;
  readonly method: ReceivedPayment['method'];
  /** The request this money settles, if any. */
  readonly request?: PaymentRequest | null;
  /** When the money arrived; defaults to now (a cheque may be entered the day after). */
  readonly receivedAt?: IsoInstant;
}

export type RecordPaymentError =
  /** Not a positive number of cents; refunds are credit notes, not negative payments. */
  | 'INVALID_AMOUNT'
  /** Not one of the known payment methods (input from the wire or a provider callback). */
  | 'INVALID_METHOD'
  /** The request settled belongs to another dossier or quote. */
  | 'REQUEST_MISMATCH';

/**
 * Records money received, by the server (provider callback) or an agent (cheque, transfer).
 * It is never refused for arriving late or exceeding the request: money received is a fact, and
 * the payment summary shows any overpayment. Marking the request paid is a separate transition.
 */
export function recordReceivedPayment(input: ReceivedPaymentInput, context: PaymentContext): Result<ReceivedPayment, RecordPaymentError> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    return err('INVALID_AMOUNT', `a received payment must be a positive amount, got ${input.amount}`);
  }
  if (!(RECEIVED_PAYMENT_METHODS as readonly string[]).includes(input.method)) {
    return err('INVALID_METHOD', `unknown payment method "${String(input.method)}"`);
  }
  const request = input.request ?? null;
  if (request && (request.dossierId !== input.dossierId || request.quoteId !== input.quoteId)) {
    return err('REQUEST_MISMATCH', `payment request ${request.id} belongs to another dossier or quote`);
  }
  const now = context.clock.now();
  return ok({
    id: context.ids.next() as PaymentId,
    type: 'received',
    dossierId: input.dossierId,
    quoteId: input.quoteId,
    requestId: request?.id ?? null,
    amount: input.amount,
    method: input.method,
    receivedAt: input.receivedAt ?? now,
    createdAt: now,
    updatedAt: now,
  });
}
