import { requestPayment, paymentSummary, depositAmount, type Payment, type PaymentRequest, type PaymentRequestKind, type PaymentSummary, type RequestPaymentError } from '../../core/payment/index.ts';
import type { BasisPoints } from '../../core/money/index.ts';
import type { Quote } from '../../core/quote/index.ts';
import { toPaymentDoc } from '../../core/schemas/index.ts';
import { ok, type Result } from '../../core/shared/result.ts';
import type { ActionContext } from './action-context.ts';
import { queueCommand } from './commands.ts';
import { recordActivity } from './dossier-edits.ts';
import type { Recipient } from './quote-lifecycle.ts';

/** What the payment dialog shows before anything is written: the request core would make, or why not. */
export interface PaymentPreview {
  readonly request: Result<PaymentRequest, RequestPaymentError>;
  readonly summary: PaymentSummary;
}

/** A dossier's payments, read through its index. */
export async function dossierPayments(dossierId: string, ctx: ActionContext): Promise<Payment[]> {
  const docs = await ctx.db.payments.find({ selector: { dossierId: dossierId as Quote['dossierId'] }, sort: [{ createdAt: 'asc' }] }).exec();
  return docs.map((doc) => doc.toMutableJSON());
}

/** Previews a deposit / balance / full request with core `requestPayment` (nothing is stored). */
export function previewPaymentRequest(
  quote: Quote,
  kind: PaymentRequestKind,
  payments: readonly Payment[],
  ctx: ActionContext,
  depositRate?: BasisPoints,
): PaymentPreview {
  const rate = depositRate ?? quote.depositRate;
  const input = depositRate === undefined ? { kind, quote, payments } : { kind, quote, payments, depositRate };
  return {
    request: requestPayment(input, { clock: ctx.clock, ids: ctx.ids }),
    summary: paymentSummary(payments, quote.totals.totalGross, depositAmount(quote.totals.totalGross, rate)),
  };
}

/**
 * Stores the payment request (queued; its status is the server's from then on), queues the
 * `payment.request` command that makes the server create the payment link and email it, and records
 * the activity (the dossier moves to "awaiting payment").
 */
export async function sendPaymentRequest(request: PaymentRequest, to: Recipient, ctx: ActionContext): Promise<Result<PaymentRequest, never>> {
  await ctx.db.payments.insert(toPaymentDoc(request));
  await queueCommand(
    'payment.request',
    request.id,
    {
      paymentId: request.id,
      quoteId: request.quoteId,
      dossierId: request.dossierId,
      kind: request.kind,
      amount: request.amount,
      to: to.email === '' ? [] : [to.email],
      language: to.language,
    },
    ctx,
  );
  await recordActivity(request.dossierId, { kind: 'payment_requested', request }, ctx);
  return ok(request);
}
