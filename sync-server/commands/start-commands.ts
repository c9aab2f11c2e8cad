import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.ts';
import { createMailer } from '../mail/create-mailer.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import { registerPayRoutes } from '../payments/pay-routes.ts';
import { createSandboxProvider } from '../payments/sandbox-provider.ts';
import type { ChangeFeed } from '../sync/change-feed.ts';
import type { CollectionName } from '../sync/collections.ts';
import { handlerRegistry } from './command-handler.ts';
import { startCommandRunner, type CommandRunner } from './command-runner.ts';
import { paymentRequestHandler } from './payment-request.ts';
import { PROCESS_ID } from './process-id.ts';
import { quoteEmailHandler } from './quote-email.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './retry-policy.ts';

/** How the outbox runs (server.ts fills it from the configuration; tests shorten the delays). */
export interface CommandsOptions {
  /** Where emails are written as `.eml` files when there is no SMTP server: `<data dir>/outbox`. */
  readonly outboxDir: string;
  /** SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`); null: the outbox directory. */
  readonly smtpUrl?: string | null;
  /** COMPTOIR_MAIL_FROM; null: the company email of the settings. */
  readonly mailFrom?: string | null;
  /** The address customers reach this server at: payment links are `<publicUrl>/pay/<token>`. */
  readonly publicUrl: string;
  readonly retry?: Partial<RetryPolicy>;
  readonly leaseMs?: number;
  readonly pollMs?: number;
  /** Instead of the configured mailer / the sandbox provider (tests, a hosted provider). */
  readonly mailer?: Mailer;
  readonly paymentProvider?: PaymentProvider;
}

const LEASE_MS = 5 * 60_000;
const POLL_MS = 30_000;

/** Documents a command may be waiting for (it failed NOT_SYNCED): their arrival retries it at once. */
const AWAITED: ReadonlySet<CollectionName> = new Set(['dossiers', 'quotes', 'payments', 'clients']);

/**
 * Starts the outbox (DESIGN §9) in this app: the command runner, woken by every commit that touches
 * `commands` (this process's or, through LISTEN/NOTIFY, another's) and at start-up, and the sandbox
 * payment page. Stopped when the app closes, before the caller closes the database.
 */
export function startCommands(app: FastifyInstance, ctx: AppContext, feed: ChangeFeed, options: CommandsOptions): CommandRunner {
  const mailer = options.mailer ?? createMailer({ smtpUrl: options.smtpUrl ?? null, outboxDir: options.outboxDir });
  const payments = options.paymentProvider ?? createSandboxProvider(ctx.db, options.publicUrl);
  registerPayRoutes(app, { db: ctx.db, channel: ctx.channel, now: ctx.now });
  const runner = startCommandRunner({
    env: { db: ctx.db, channel: ctx.channel, now: ctx.now, mailer, mailFrom: options.mailFrom ?? null, payments },
    handlers: handlerRegistry([quoteEmailHandler, paymentRequestHandler]),
    log: app.log,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    leaseMs: options.leaseMs ?? LEASE_MS,
    pollMs: options.pollMs ?? POLL_MS,
    // The embedded database's data directory is locked by one process: no other can be running one.
    orphans: { processId: PROCESS_ID, othersAreGone: ctx.db.kind === 'pglite' },
    metrics: ctx.metrics,
  });
  const unsubscribe = feed.subscribe({
    onChange(notice) {
      if (notice.collection === 'commands') runner.wake();
      else if (AWAITED.has(notice.collection)) runner.documentsArrived();
    },
    onResync: () => runner.wake(),
  });
  app.addHook('onClose', async () => {
    unsubscribe();
    await runner.stop();
    if (options.mailer === undefined) mailer.close();
  });
  return runner;
}
