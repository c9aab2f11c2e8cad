import type { Brand } from '../shared/brand.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { DossierId, UserId } from '../shared/ids.ts';

export type MessageId = Brand<string, 'MessageId'>;

/** Seed 001 conversation: what the customer wrote, what we sent, and notes only agents see. */
export const MESSAGE_DIRECTIONS = ['in', 'out', 'internal_note', 'call_note'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/** How the message travelled; `internal` for notes that never left the desk. */
export const MESSAGE_CHANNELS = ['phone', 'email', 'sms', 'web_form', 'portal', 'internal'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * One entry of a dossier's conversation (`messages` collection).
 *
 * Append-only by convention: a message is inserted once and never updated or deleted, so it can
 * never conflict in sync (DESIGN §9). `updatedAt` equals `createdAt` and exists only because every
 * replicated document carries it. A correction is a new message.
 */
export interface Message {
  readonly id: MessageId;
  readonly dossierId: DossierId;
  readonly direction: MessageDirection;
  readonly channel: MessageChannel;
  /** The agent who wrote or logged it; null for what the customer sent. */
  readonly authorId: UserId | null;
  /** Display name at the time of writing (an agent, or the customer's name). */
  readonly authorName: string;
  /** Email subject; empty for calls, SMS and notes. */
  readonly subject: string;
  readonly body: string;
  readonly createdAt: IsoInstant;
  readonly updatedAt: IsoInstant;
}
