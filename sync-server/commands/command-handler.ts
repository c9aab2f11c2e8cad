import type { CommandKind } from '../../core/model/command.ts';
import type { JsonObject } from '../../core/model/json.ts';
import type { CommandDoc } from '../../core/schemas/commands.ts';
import type { Failure, Result } from '../../core/shared/result.ts';
import type { Db, Sql } from '../db/db.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';

/** What a handler may use. Built once by the runner; time and ids are injected for tests. */
export interface CommandEnv {
  readonly db: Db;
  /** NOTIFY channel: server writes announce themselves like client pushes. */
  readonly channel: string;
  readonly now: () => Date;
  readonly mailer: Mailer;
  /** COMPTOIR_MAIL_FROM; null: the company address of the settings. */
  readonly mailFrom: string | null;
  readonly payments: PaymentProvider;
}

/**
 * What a successful run leaves behind: the `result` written on the command document, and the
 * documents to write in the same transaction as that result (history events, payment statuses).
 * `apply` runs inside the finishing transaction, before the command documents are written: it must
 * take collection locks in COLLECTION_NAMES order and never touch `commands` (server-writes.ts).
 */
export interface CommandEffect {
  readonly result: JsonObject;
  readonly apply?: (tx: Sql, channel: string) => Promise<void>;
}

/**
 * A failed run. `transient` failures (SMTP down, a referenced document not synced yet) are retried
 * with backoff a bounded number of times; the others end the command at once.
 */
export interface CommandFailure extends Failure {
  readonly transient: boolean;
}

export type RunOutcome = { readonly ok: true; readonly value: CommandEffect } | { readonly ok: false; readonly error: CommandFailure };

/** A failure that retrying cannot fix (bad payload, unknown quote, mail refused). */
export function fail(code: string, message: string): RunOutcome {
  return { ok: false, error: { code, message, transient: false } };
}

/** A failure worth another attempt later (server unreachable, documents still replicating). */
export function retryLater(code: string, message: string): RunOutcome {
  return { ok: false, error: { code, message, transient: true } };
}

export function succeed(effect: CommandEffect): RunOutcome {
  return { ok: true, value: effect };
}

/** One kind of command: how to read its payload and how to run it. */
export interface CommandHandler<P> {
  readonly kind: CommandKind;
  /**
   * Whether a run cut short by a crash may simply run again. True when a second run cannot do
   * anything twice that a customer would notice (a payment link is created once per request);
   * false when it could (an email that may already have left). See the runner's crash recovery.
   */
  readonly resumable: boolean;
  /** Validates the client-written payload; a failure ends the command with INVALID_PAYLOAD. */
  parse(payload: JsonObject): Result<P, 'INVALID_PAYLOAD'>;
  run(input: P, command: CommandDoc, env: CommandEnv): Promise<RunOutcome>;
}

/** A handler with its payload type erased, as the registry holds it. */
export interface RegisteredHandler {
  readonly kind: CommandKind;
  readonly resumable: boolean;
  execute(command: CommandDoc, env: CommandEnv): Promise<RunOutcome>;
}

/** Erases a handler's payload type behind parse-then-run. */
export function register<P>(handler: CommandHandler<P>): RegisteredHandler {
  return {
    kind: handler.kind,
    resumable: handler.resumable,
    async execute(command, env) {
      const input = handler.parse(command.payload);
      if (!input.ok) return fail(input.error.code, input.error.message);
      return handler.run(input.value, command, env);
    },
  };
}

/** Handlers by kind; a kind without one fails with UNKNOWN_COMMAND (an older server, a newer client). */
export type HandlerRegistry = ReadonlyMap<string, RegisteredHandler>;

export function handlerRegistry(handlers: readonly RegisteredHandler[]): HandlerRegistry {
  return new Map(handlers.map((handler) => [handler.kind, handler]));
}
