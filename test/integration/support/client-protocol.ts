import type { ConflictDoc } from '../../../core/replication/conflict-schema.ts';
import type { ConflictChoice } from '../../../core/replication/conflict-review.ts';
import type { SessionUser } from '../../../core/replication/auth-session.ts';
import type { SyncState } from '../../../core/replication/sync-status.ts';
import type { JsonObject } from '../../../core/model/json.ts';
import type { CollectionName } from '../../../core/schemas/collections.ts';

/**
 * What the test thread can ask a client worker to do: one handler map typing both sides (the test's
 * `send` derives its argument and result types from it).
 */
export interface ClientCommands {
  /** Signs in, creates the client database and starts replication (paused when `online` is false). */
  signIn: (args: { baseUrl: string; email: string; password: string; online?: boolean }) => SessionUser;
  insert: (args: { collection: CollectionName; doc: JsonObject }) => null;
  /** Patches fields of a document (as the UI would, through RxDB). */
  patch: (args: { collection: CollectionName; id: string; patch: JsonObject }) => null;
  remove: (args: { collection: CollectionName; id: string }) => null;
  /** The document without RxDB bookkeeping, or null when absent or deleted. */
  get: (args: { collection: CollectionName; id: string }) => JsonObject | null;
  /** Every live document of a collection, by id. */
  all: (args: { collection: CollectionName }) => JsonObject[];
  pause: () => null;
  resume: () => null;
  /** Waits until nothing is left to pull or push; rejects after `timeoutMs`. */
  awaitInSync: (args: { timeoutMs: number }) => SyncState;
  state: () => SyncState;
  conflicts: () => ConflictDoc[];
  resolveConflict: (args: { id: string; choice: ConflictChoice }) => { ok: boolean; code: string | null };
  /** The next push response of `collection` is lost on the way back (the server did process it). */
  dropNextPushResponse: (args: { collection: CollectionName }) => null;
  /** The next token refresh reaches the server (which rotates the token), but its response is lost. */
  dropNextRefreshResponse: () => null;
  /** How many responses were dropped so far. */
  droppedResponses: () => number;
  /** How many pull requests of `collection` the server answered so far. */
  pullRequests: (args: { collection: CollectionName }) => number;
  stop: () => null;
}

export type CommandName = keyof ClientCommands;
export type CommandArgs<K extends CommandName> = Parameters<ClientCommands[K]>[0];
export type CommandResult<K extends CommandName> = ReturnType<ClientCommands[K]>;

export interface CommandMessage {
  readonly id: number;
  readonly name: CommandName;
  readonly args: unknown;
}

export type ReplyMessage =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };
