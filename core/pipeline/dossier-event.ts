import type { Clock, IsoInstant } from '../shared/clock.ts';
import type { Brand } from '../shared/brand.ts';
import type { DossierId, IdGenerator, PaymentId, QuoteId, UserId } from '../shared/ids.ts';
import type { Cents } from '../money/units.ts';
import type { Dossier, Stage } from './dossier.ts';

/**
 * Same brand as the `events` collection's id (`EventId` in core/model/event.ts), so a
 * DossierEvent is the very document type stored there, not a look-alike needing conversion.
 */
export type DossierEventId = Brand<string, 'EventId'>;

/** Who did it: a user, or the system (automatic stage moves, provider callbacks). */
export type Actor = UserId | 'system';

/** Everything that may appear in a dossier's history (the append-only `events` collection). */
export const DOSSIER_EVENT_KINDS = [
  'stage_changed',
  'quote_sent',
  'quote_accepted',
  'quote_declined',
  'payment_requested',
  'payment_received',
  'dates_changed',
  'processed_marked',
  'processed_unmarked',
  // Written by the order-state and messaging parts (DESIGN §3, §7); one closed union for the whole collection.
  'order_state_applied',
  'email_sent',
  'sms_sent',
  'note',
] as const;
export type DossierEventKind = (typeof DOSSIER_EVENT_KINDS)[number];

/** What moved a dossier: a person on the board, or the activity that moved it automatically. */
export const STAGE_CHANGE_CAUSES = [
  'manual',
  'priced_line_added',
  'message_exchanged',
  'quote_sent',
  'dates_changed',
  'quote_accepted',
  'payment_requested',
  'payment_received',
  'processed_marked',
  'processed_unmarked',
] as const;
export type StageChangeCause = (typeof STAGE_CHANGE_CAUSES)[number];

/** Scalar-only, so the record stays plain JSON an RxDB schema can describe. */
export type EventPayload = Readonly<Record<string, string | number | boolean | null>>;

/**
 * One entry of a dossier's history (`events` collection). Append-only: never updated, never
 * deleted, so it never conflicts in sync (DESIGN §9). Plain fields only, the same fields as the
 * collection's document type; a stage change's cause travels in `payload.cause`.
 */
export interface DossierEvent {
  readonly id: DossierEventId;
  readonly dossierId: DossierId;
  readonly at: IsoInstant;
  readonly actor: Actor;
  readonly kind: DossierEventKind;
  /** Set on `stage_changed` (and nowhere else): the column left and the column entered. */
  readonly fromStage: Stage | null;
  readonly toStage: Stage | null;
  readonly quoteId: QuoteId | null;
  readonly paymentId: PaymentId | null;
  readonly amount: Cents | null;
  /** Published to the customer portal (order states, seed 004); pipeline records never are. */
  readonly published: boolean;
  /** Short English line for logs and exports; the UI renders from the fields through i18n. */
  readonly summary: string;
  readonly payload: EventPayload;
  /** Equals `at`; present only because every replicated document carries it. */
  readonly updatedAt: IsoInstant;
}

/** What every pipeline function needs to stamp what it records. */
export interface PipelineContext {
  /** The person acting; automatic stage moves are recorded as `system` regardless. */
  readonly actor: Actor;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export type DossierEventFields = Pick<DossierEvent, 'kind' | 'summary'> &
  Partial<Omit<DossierEvent, 'id' | 'dossierId' | 'kind' | 'summary' | 'at' | 'updatedAt'>>;

/** Builds a history record for a dossier, stamped with a fresh id, the clock's time and the actor. */
export function newDossierEvent(dossier: Pick<Dossier, 'id'>, context: PipelineContext, fields: DossierEventFields): DossierEvent {
  const at = context.clock.now();
  return {
    id: context.ids.next() as DossierEventId,
    dossierId: dossier.id,
    at,
    actor: context.actor,
    fromStage: null,
    toStage: null,
    quoteId: null,
    paymentId: null,
    amount: null,
    published: false,
    payload: {},
    ...fields,
    updatedAt: at,
  };
}

/** Why a `stage_changed` record moved the dossier, or null for any other record. */
export function stageChangeCause(event: DossierEvent): StageChangeCause | null {
  const cause = event.payload['cause'];
  if (event.kind !== 'stage_changed') return null;
  return STAGE_CHANGE_CAUSES.find((c) => c === cause) ?? null;
}

/** Builds the `stage_changed` record of a move. */
export function stageChangedEvent(
  dossier: Pick<Dossier, 'id'>,
  context: PipelineContext,
  from: Stage,
  to: Stage,
  cause: StageChangeCause,
  payload: EventPayload = {},
): DossierEvent {
  const how = cause === 'manual' ? 'moved' : `moved automatically (${cause})`;
  return newDossierEvent(dossier, context, {
    kind: 'stage_changed',
    fromStage: from,
    toStage: to,
    summary: `${how} from ${from} to ${to}`,
    payload: { ...payload, cause },
  });
}
