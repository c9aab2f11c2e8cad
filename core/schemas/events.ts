import type { MigrationStrategies } from 'rxdb';
import { EVENT_KINDS, type HistoryEvent } from '../model/event.ts';
import { STAGES } from '../pipeline/dossier.ts';
import { defineCollectionSchema } from './define-schema.ts';
import { booleanField, centsField, enumField, idField, instantField, nullable, textField, type TypedSchema } from './json-fields.ts';

/** A document of the `events` collection. */
export type EventDoc = HistoryEvent;

/** `system` or a user id. */
const ACTOR_PATTERN = '^(system|[A-Za-z0-9_-]{1,64})$';

/** Flat scalars only, with bounded keys and strings. */
function eventPayloadSchema(): TypedSchema {
  return {
    type: 'object',
    maxProperties: 50,
    additionalProperties: {
      anyOf: [{ type: 'string', maxLength: 2000 }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }],
    },
  };
}

/**
 * Append-only: insert once, never update or delete (no conflict can arise in sync, DESIGN §9).
 * The convention is the writers'; RxDB does not enforce it.
 */
export const eventSchema = defineCollectionSchema<EventDoc>()({
  version: 0,
  title: 'events',
  description: 'Append-only dossier history: stage changes, order states, payments, emails and SMS sent.',
  properties: {
    id: idField(),
    dossierId: idField(),
    at: instantField(),
    actor: { type: 'string', maxLength: 64, pattern: ACTOR_PATTERN },
    kind: enumField(EVENT_KINDS),
    fromStage: nullable(enumField(STAGES)),
    toStage: nullable(enumField(STAGES)),
    quoteId: nullable(idField()),
    paymentId: nullable(idField()),
    amount: nullable(centsField()),
    published: booleanField(),
    summary: textField(500),
    payload: eventPayloadSchema(),
    updatedAt: instantField(),
  },
  required: [
    'id', 'dossierId', 'at', 'actor', 'kind', 'fromStage', 'toStage', 'quoteId', 'paymentId', 'amount',
    'published', 'summary', 'payload', 'updatedAt',
  ],
  // A dossier's history in order.
  indexes: [['dossierId', 'at']],
});

/** No migrations yet: version 0. */
export const eventMigrationStrategies: MigrationStrategies = {};
