import type { Brand } from '../shared/brand.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { UserId } from '../shared/ids.ts';
import type { Failure } from '../shared/result.ts';
import type { JsonObject } from './json.ts';

export type CommandId = Brand<string, 'CommandId'>;

/** What the server can be asked to do on the client's behalf (DESIGN §9 outbox). */
export const COMMAND_KINDS = ['quote.email', 'payment.request', 'sms.send', 'order-state.apply', 'invoice.issue'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** queued (inserted by the client, maybe offline) → running → done / failed; all but `queued` written by the server. */
export const COMMAND_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];

/**
 * One outbox entry (`commands` collection). The client inserts it with status `queued`; the server
 * executes it exactly once per `idempotencyKey` after it arrives and writes `status`, `result` and
 * `error` back. Until then the UI shows "queued — sends when online".
 */
export interface Command {
  readonly id: CommandId;
  /** Same key = same effect: a retried or duplicated command is executed once. */
  readonly idempotencyKey: string;
  readonly kind: CommandKind;
  /** Kind-specific input, e.g. `{ quoteId, to, templateId }` for `quote.email`. */
  readonly payload: JsonObject;
  readonly status: CommandStatus;
  /** Server-owned: what the execution produced (message id, payment link …). */
  readonly result: JsonObject | null;
  /** Server-owned: why it failed, as it crosses HTTP everywhere else. */
  readonly error: Failure | null;
  readonly createdBy: UserId;
  readonly createdAt: IsoInstant;
  readonly updatedAt: IsoInstant;
}
