import type { MigrationStrategies } from 'rxdb';
import { MESSAGE_CHANNELS, MESSAGE_DIRECTIONS, type Message } from '../model/message.ts';
import { defineCollectionSchema } from './define-schema.ts';
import { enumField, idField, instantField, nullable, textField } from './json-fields.ts';

/** A document of the `messages` collection. */
export type MessageDoc = Message;

/**
 * Append-only: insert once, never update or delete (no conflict can arise in sync, DESIGN §9).
 * A correction is a new message; the convention is the writers', RxDB does not enforce it.
 */
export const messageSchema = defineCollectionSchema<MessageDoc>()({
  version: 0,
  title: 'messages',
  description: 'Append-only conversation entries of a dossier: inbound, outbound, internal and call notes.',
  properties: {
    id: idField(),
    dossierId: idField(),
    direction: enumField(MESSAGE_DIRECTIONS),
    channel: enumField(MESSAGE_CHANNELS),
    authorId: nullable(idField()),
    authorName: textField(200),
    subject: textField(500),
    body: textField(100_000),
    createdAt: instantField(),
    updatedAt: instantField(),
  },
  required: ['id', 'dossierId', 'direction', 'channel', 'authorId', 'authorName', 'subject', 'body', 'createdAt', 'updatedAt'],
  // A dossier's conversation in order.
  indexes: [['dossierId', 'createdAt']],
});

/** No migrations yet: version 0. */
export const messageMigrationStrategies: MigrationStrategies = {};
