import type { MigrationStrategies } from 'rxdb';
import type { Failure } from '../shared/result.ts';
import { COMMAND_KINDS, COMMAND_STATUSES, type Command } from '../model/command.ts';
import { defineCollectionSchema } from './define-schema.ts';
import { enumField, idField, instantField, jsonObjectField, nullable, objectOf, textField } from './json-fields.ts';

/** A document of the `commands` collection. */
export type CommandDoc = Command;

export const IDEMPOTENCY_KEY_MAX_LENGTH = 128;

/**
 * The outbox (DESIGN §9): the client inserts a `queued` command; the server executes it once per
 * idempotency key and writes `status`, `result` and `error` (server-owned).
 */
export const commandSchema = defineCollectionSchema<CommandDoc>()({
  version: 0,
  title: 'commands',
  description: 'Outbox of server-side actions (email a quote, request a payment, send an SMS, apply an order state).',
  properties: {
    id: idField(),
    idempotencyKey: textField(IDEMPOTENCY_KEY_MAX_LENGTH, 1),
    kind: enumField(COMMAND_KINDS),
    payload: jsonObjectField(),
    status: enumField(COMMAND_STATUSES),
    result: nullable(jsonObjectField()),
    error: nullable(objectOf<Failure>({ code: textField(64, 1), message: textField(2000) })),
    createdBy: idField(),
    createdAt: instantField(),
    updatedAt: instantField(),
  },
  required: ['id', 'idempotencyKey', 'kind', 'payload', 'status', 'result', 'error', 'createdBy', 'createdAt', 'updatedAt'],
  indexes: [
    // The pending queue, oldest first ("queued — sends when online").
    ['status', 'createdAt'],
    // Deduplication before inserting a retried action.
    'idempotencyKey',
  ],
});

/** No migrations yet: version 0. */
export const commandMigrationStrategies: MigrationStrategies = {};
