import type { Clock } from '../shared/clock.ts';
import type { IdGenerator } from '../shared/ids.ts';
import { EVENT_KINDS } from '../model/event.ts';
import type { EventActor, EventId, EventKind, EventPayload, HistoryEvent } from '../model/event.ts';
import type { Dossier, Stage } from './dossier.ts';

/**
 * The pipeline writes the `events` collection's own document type (core/model/event.ts); these
 * aliases keep the pipeline's vocabulary without a second definition that could drift.
 */
export type DossierEvent = HistoryEvent;
export type DossierEventId = EventId;
export type DossierEventKind = EventKind;
export type Actor = EventActor;
export type { EventPayload };
export const DOSSIER_EVENT_KINDS = EVENT_KINDS;

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
