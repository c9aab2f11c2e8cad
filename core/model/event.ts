import type { Brand } from '../shared/brand.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { DossierId, PaymentId, QuoteId, UserId } from '../shared/ids.ts';
import type { Cents } from '../money/units.ts';
import type { Stage } from '../pipeline/dossier.ts';

export type EventId = Brand<string, 'EventId'>;

/** Everything that may appear in a dossier's history. */
export const EVENT_KINDS = [
  'stage_changed',
  'quote_sent',
  'quote_accepted',
  'quote_declined',
  'payment_requested',
  'payment_received',
  'dates_changed',
  'processed_marked',
  'processed_unmarked',
  'order_state_applied',
  'email_sent',
  'sms_sent',
  'note',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Who did it: a user, or `system` (automatic stage moves, provider callbacks, the server). */
export type EventActor = UserId | 'system';

/** Scalar values only, so the record stays flat JSON a schema can describe and a CSV can export. */
export type EventPayload = Readonly<Record<string, string | number | boolean | null>>;

/**
 * One entry of a dossier's history (`events` collection): stage changes, order-state changes,
 * payments, emails sent (DESIGN §3, §7).
 *
 * Append-only by convention: inserted once, never updated or deleted, so it never conflicts in
 * sync (DESIGN §9). `updatedAt` equals `at` and exists only because every replicated document
 * carries it.
 */
export interface HistoryEvent {
  readonly id: EventId;
  readonly dossierId: DossierId;
  readonly at: IsoInstant;
  readonly actor: EventActor;
  readonly kind: EventKind;
  /** Set on `stage_changed` only: the column left and the column entered. */
  readonly fromStage: Stage | null;
  readonly toStage: Stage | null;
  readonly quoteId: QuoteId | null;
  readonly paymentId: PaymentId | null;
  readonly amount: Cents | null;
  /** Seed 004: an order state applied with "publish"; the customer portal shows only these. */
  readonly published: boolean;
  /** Short English line for logs and exports; the UI renders from the fields through i18n. */
  readonly summary: string;
  /** Kind-specific details (e.g. the order state's mnemonic, the email template). */
  readonly payload: EventPayload;
  readonly updatedAt: IsoInstant;
}
