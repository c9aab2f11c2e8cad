import type { Cents } from '../money/units.ts';
import { isDepositReached, isFullyPaid } from '../payment/index.ts';
import type { PaymentRequest, ReceivedPayment } from '../payment/index.ts';
import type { Quote } from '../quote/quote.ts';
import { autoAdvance } from './auto-advance.ts';
import type { Dossier, Stage } from './dossier.ts';
import { newDossierEvent } from './dossier-event.ts';
import type { DossierEvent, PipelineContext } from './dossier-event.ts';

type QuoteRef = Pick<Quote, 'id' | 'number' | 'version'>;

/**
 * Activity on a dossier that may move it along the pipeline (DESIGN §5). Stay-date changes go
 * through `changeDates`, which validates them and flags quotes before applying the same rule.
 */
export type DossierActivity =
  /** A product or misc line was added to one of its quotes: the request becomes a dossier. */
  | { readonly kind: 'priced_line_added'; readonly quote: QuoteRef }
  /** A message went either way (the message itself lives in the `messages` collection). */
  | { readonly kind: 'message_exchanged' }
  | { readonly kind: 'quote_sent'; readonly quote: QuoteRef }
  | { readonly kind: 'quote_accepted'; readonly quote: QuoteRef }
  | { readonly kind: 'payment_requested'; readonly request: PaymentRequest }
  /** `totalReceived` includes this payment; totals are those of the quote being paid. */
  | {
      readonly kind: 'payment_received';
      readonly payment: ReceivedPayment;
      readonly totalReceived: Cents;
      readonly depositAmount: Cents;
      readonly totalGross: Cents;
    };

export interface ActivityOutcome {
  readonly dossier: Dossier;
  /** History records to append, in order: the activity itself (when it is worth a record), then any move. */
  readonly events: readonly DossierEvent[];
}

function formatEuros(amount: Cents): string {
  return (amount / 100).toFixed(2);
}

function paymentTarget(activity: Extract<DossierActivity, { kind: 'payment_received' }>): Stage {
  if (isFullyPaid(activity.totalReceived, activity.totalGross)) return 'paid';
  if (isDepositReached(activity.totalReceived, activity.depositAmount)) return 'deposit_paid';
  // Money in means the customer committed, even below the deposit.
  return 'awaiting_payment';
}

function record(dossier: Dossier, activity: DossierActivity, context: PipelineContext): DossierEvent | null {
  switch (activity.kind) {
    case 'priced_line_added':
    case 'message_exchanged':
      return null; // The quote and the message are their own record; only a resulting move is history.
    case 'quote_sent':
    case 'quote_accepted':
      return newDossierEvent(dossier, context, {
        kind: activity.kind,
        quoteId: activity.quote.id,
        summary: `quote ${activity.quote.number} v${activity.quote.version} ${activity.kind === 'quote_sent' ? 'sent' : 'accepted'}`,
        payload: { quoteNumber: activity.quote.number, version: activity.quote.version },
      });
    case 'payment_requested': {
      const r = activity.request;
      return newDossierEvent(dossier, context, {
        kind: 'payment_requested',
        quoteId: r.quoteId,
        paymentId: r.id,
        amount: r.amount,
        summary: `${r.kind} payment of ${formatEuros(r.amount)} requested`,
        payload: { requestKind: r.kind, rate: r.rate },
      });
    }
    case 'payment_received': {
      const p = activity.payment;
      return newDossierEvent(dossier, context, {
        kind: 'payment_received',
        quoteId: p.quoteId,
        paymentId: p.id,
        amount: p.amount,
        summary: `${formatEuros(p.amount)} received by ${p.method}`,
        payload: { method: p.method, requestId: p.requestId, totalReceived: activity.totalReceived, totalGross: activity.totalGross },
      });
    }
  }
}

function target(activity: DossierActivity): Stage {
  switch (activity.kind) {
    case 'priced_line_added':
    case 'message_exchanged':
    case 'quote_sent':
      return 'in_progress';
    case 'quote_accepted':
    case 'payment_requested':
      return 'awaiting_payment';
    case 'payment_received':
      return paymentTarget(activity);
  }
}

/**
 * Applies activity to a dossier: records it and moves the dossier forward when the activity
 * justifies a further stage (first priced line, quote sent or message → in_progress; quote accepted
 * or payment requested → awaiting_payment; payments ≥ deposit → deposit_paid, ≥ total → paid).
 * Never moves a dossier backwards, nor out of `processed` or `archived`. Safe to call on every
 * priced line: only the first one moves anything.
 */
export function applyEvent(dossier: Dossier, activity: DossierActivity, context: PipelineContext): ActivityOutcome {
  const own = record(dossier, activity, context);
  const moved = autoAdvance(dossier, target(activity), activity.kind, context);
  const events = [own, moved.event].filter((e): e is DossierEvent => e !== null);
  return { dossier: moved.dossier, events };
}

