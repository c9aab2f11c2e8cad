import type { Clock, IsoInstant } from '../shared/clock.ts';
import type { Brand } from '../shared/brand.ts';
import type { DossierId, IdGenerator, PaymentId, QuoteId, UserId } from '../shared/ids.ts';
import type { Cents } from '../money/units.ts';
import type { Dossier, Stage } from './dossier.ts';

export type DossierEventId = Brand<string, 'DossierEventId'>;

/** Who did it: a user, or the system (automatic stage moves, provider callbacks). */
export type Actor = UserId | 'system';

/** Everything that may appear in a dossier's history (the append-only `events` collection). */
export const DOSSIER_EVENT_KINDS = [
  'stage_changed',
  'quote_sent',
  'quote_accepted',
  'payment_requested',
  'payment_received',
  'dates_changed',
  'processed_marked',
  'processed_unmarked',
  'note',
  // Written by the order-state and messaging parts (DESIGN §3, §7), listed here so the kind stays one closed union.
  'order_state_applied',
  'email_sent',
] as const;
export type DossierEventKind = (typeof DOSSIER_EVENT_KINDS)[number];

/** What moved a dossier: a person on the board, or the activity that moved it automatically. */
export type StageChangeCause =
  | 'manual'
  | 'priced_line_added'
  | 'message_exchanged'
  | 'quote_sent'
  | 'dates_changed'
  | 'quote_accepted'
  | 'payment_requested'
  | 'payment_received'
  | 'processed_marked'
  | 'processed_unmarked';

/** Scalar-only, so the record stays plain JSON an RxDB schema can describe. */
export type EventPayload = Readonly<Record<string, string | number | boolean | null>>;

/**
 * One entry of a dossier's history. Append-only: never updated, never deleted, so it never
 * conflicts in sync (DESIGN §9). Plain fields only.
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
  /** Set on `stage_changed`: why it moved. */
  readonly cause: StageChangeCause | null;
  readonly quoteId: QuoteId | null;
  readonly paymentId: PaymentId | null;
  readonly amount: Cents | null;
  /** Short English line for logs and exports; the UI renders from the fields through i18n. */
  readonly summary: string;
  readonly payload: EventPayload;
}

/** What every pipeline function needs to stamp what it records. */
export interface PipelineContext {
  /** The person acting; automatic stage moves are recorded as `system` regardless. */
  readonly actor: Actor;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export type DossierEventFields = Pick<DossierEvent, 'kind' | 'summary'> & Partial<Omit<DossierEvent, 'id' | 'dossierId' | 'kind' | 'summary'>>;

/** Builds a history record for a dossier, stamped with a fresh id, the clock's time and the actor. */
export function newDossierEvent(dossier: Pick<Dossier, 'id'>, context: PipelineContext, fields: DossierEventFields): DossierEvent {
  return {
    id: context.ids.next() as DossierEventId,
    dossierId: dossier.id,
    at: context.clock.now(),
    actor: context.actor,
    fromStage: null,
    toStage: null,
    cause: null,
    quoteId: null,
    paymentId: null,
    amount: null,
    payload: {},
    ...fields,
  };
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
    cause,
    summary: `${how} from ${from} to ${to}`,
    payload,
  });
}
