import type { FastifyBaseLogger } from 'fastify';
import type { CommandDoc } from '../../core/schemas/commands.ts';
import type { Metrics } from '../http/metrics.ts';
import { fail, type CommandEnv, type HandlerRegistry, type RunOutcome } from './command-handler.ts';
import {
  claimNext,
  commandBody,
  finishExecution,
  hurryWaiting,
  intakeQueued,
  nextWakeAt,
  orphanedExecutions,
  requeueOrphan,
  reschedule,
  type Claim,
  type OrphanScope,
} from './executions.ts';
import { fromJson } from './json.ts';
import { retryDelay, type RetryPolicy } from './retry-policy.ts';

export interface CommandRunnerOptions {
  readonly env: CommandEnv;
  readonly handlers: HandlerRegistry;
  readonly log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  readonly retry: RetryPolicy;
  /** How long a claim holds an execution before others may take it as orphaned. */
  readonly leaseMs: number;
  /** Look for work at least this often, even without a change notice (a lost NOTIFY, a lapsed lease). */
  readonly pollMs: number;
  readonly orphans: OrphanScope;
  readonly metrics?: Metrics;
}

/** The outbox worker of one server process. */
export interface CommandRunner {
  /** New command documents may have arrived: look now. */
  wake(): void;
  /** Documents a command may wait for (quotes, payments …) arrived: retry those waiting now. */
  documentsArrived(): void;
  /** Resolves once nothing is being processed and nothing was due when it last looked (tests). */
  settled(): Promise<void>;
  /** Stops looking and waits for the command in hand (at most `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/** Arrivals of awaited documents within this window make one retry of the commands waiting for them. */
const HURRY_DEBOUNCE_MS = 100;

const INTERRUPTED = {
  code: 'INTERRUPTED',
  message: 'The server stopped while running this command, so it may or may not have taken effect (an email may have left). Check, then queue it again if needed.',
};

/**
 * Runs queued commands one at a time: takes new command documents (intake), claims due executions,
 * runs their handler outside any transaction (an SMTP exchange can take seconds), and finishes them
 * through the document write path (executions.ts explains exactly-once). Transient failures are
 * retried with exponential backoff up to `retry.maxAttempts`, then fail with the last error.
 *
 * Crash recovery: an execution left `running` by a process that died is found once its lease lapses
 * (at once at start-up on the embedded database, which no other process can be using). A resumable
 * kind is run again; any other kind fails with INTERRUPTED rather than risk doing it twice.
 */
export function startCommandRunner(options: CommandRunnerOptions): CommandRunner {
  const { env, handlers, log, retry } = options;
  let stopped = false;
  let draining: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let hurrying = false;
  let hurryAgain = false;

  async function recoverOrphans(): Promise<void> {
    for (const orphan of await orphanedExecutions(env.db, env.now(), options.orphans)) {
      if (handlers.get(orphan.kind)?.resumable === true) {
        if (await requeueOrphan(env.db, orphan, env.now(), options.orphans)) log.warn({ command: orphan.commandId, kind: orphan.kind }, 'command interrupted by a stopped server: running it again');
        continue;
      }
      if (await finishExecution(env.db, env.channel, orphan, { state: 'failed', error: INTERRUPTED }, env.now())) {
        log.warn({ command: orphan.commandId, kind: orphan.kind }, 'command interrupted by a stopped server: failed as INTERRUPTED');
        options.metrics?.inc('comptoir_commands_total', { kind: orphan.kind, outcome: 'interrupted' });
      }
    }
  }

  async function run(claim: Claim): Promise<RunOutcome> {
    const stored = await commandBody(env.db, claim.commandId);
    if (stored === null || stored.deleted) return fail('CANCELLED', 'The command was deleted before it ran.');
    const handler = handlers.get(claim.kind);
    if (handler === undefined) return fail('UNKNOWN_COMMAND', `This server does not know commands of kind "${claim.kind}".`);
    try {
      return await handler.execute(fromJson<CommandDoc>(stored.body), env);
    } catch (error) {
      log.error({ err: error, command: claim.commandId, kind: claim.kind }, 'command handler threw');
      return fail('INTERNAL', 'The server could not run this command.');
    }
  }

  async function execute(claim: Claim): Promise<void> {
    const outcome = await run(claim);
    if (!outcome.ok && outcome.error.transient && claim.attempts < retry.maxAttempts) {
      const at = new Date(env.now().getTime() + retryDelay(retry, claim.attempts));
      const { code, message } = outcome.error;
      await reschedule(env.db, claim, { code, message }, at);
      log.warn({ command: claim.commandId, kind: claim.kind, attempt: claim.attempts, code, retryAt: at.toISOString() }, 'command failed, will retry');
      return;
    }
    const final = outcome.ok
      ? ({ state: 'done', result: outcome.value.result } as const)
      : ({ state: 'failed', error: { code: outcome.error.code, message: gaveUp(outcome.error.message, outcome.error.transient, claim.attempts) } } as const);
    try {
      const finished = await finishExecution(env.db, env.channel, claim, final, env.now(), outcome.ok ? outcome.value.apply : undefined);
      if (!finished) log.warn({ command: claim.commandId }, 'command finished by another process after this one lost its lease');
    } catch (error) {
      // The handler's documents could not be written: record the failure rather than leave it running.
      log.error({ err: error, command: claim.commandId, kind: claim.kind }, 'could not record a command result');
      await finishExecution(env.db, env.channel, claim, { state: 'failed', error: { code: 'INTERNAL', message: 'The server could not record the result of this command.' } }, env.now());
    }
    options.metrics?.inc('comptoir_commands_total', { kind: claim.kind, outcome: final.state });
    log.info({ command: claim.commandId, kind: claim.kind, outcome: final.state, ...(final.state === 'failed' ? { code: final.error.code } : {}) }, 'command finished');
  }

  async function drain(): Promise<void> {
    await recoverOrphans();
    while (!stopped && (await intakeQueued(env.db, env.channel, env.now())) > 0) {
      // Keep taking until the queue is empty: intake works in batches.
    }
    while (!stopped) {
      const claim = await claimNext(env.db, env.now(), options.leaseMs, options.orphans.processId);
      if (claim === null) return;
      await execute(claim);
    }
  }

  async function schedule(): Promise<void> {
    if (stopped) return;
    const at = await nextWakeAt(env.db).catch(() => null);
    if (stopped) return;
    const delay = at === null ? options.pollMs : Math.min(options.pollMs, Math.max(0, at.getTime() - env.now().getTime()));
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(wake, delay);
    // The runner alone must not keep the process (or a test worker) alive.
    timer.unref();
  }

  function wake(): void {
    if (stopped) return;
    if (draining !== null) {
      again = true;
      return;
    }
    draining = (async () => {
      do {
        again = false;
        try {
          await drain();
        } catch (error) {
          if (!stopped) log.error({ err: error }, 'command runner pass failed; retrying at the next poll');
        }
      } while (again && !stopped);
      await schedule();
    })().finally(() => {
      draining = null;
    });
  }

  /** Writes come in bursts (a replication batch, 40 edits a second): one update per burst, none lost. */
  function documentsArrived(): void {
    if (stopped) return;
    if (hurrying) {
      hurryAgain = true;
      return;
    }
    hurrying = true;
    setTimeout(() => {
      hurryWaiting(env.db, env.now())
        .then(wake, (error: unknown) => log.error({ err: error }, 'could not hurry waiting commands'))
        .finally(() => {
          hurrying = false;
          if (hurryAgain) {
            hurryAgain = false;
            documentsArrived();
          }
        });
    }, HURRY_DEBOUNCE_MS).unref();
  }

  wake();
  return {
    wake,
    documentsArrived,
    async settled() {
      while (draining !== null) await draining;
    },
    async stop(graceMs = 5_000) {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      if (draining === null) return;
      let giveUp: NodeJS.Timeout | undefined;
      await Promise.race([draining, new Promise((resolve) => (giveUp = setTimeout(resolve, graceMs)))]);
      clearTimeout(giveUp);
    },
  };
}

function gaveUp(message: string, transient: boolean, attempts: number): string {
  return transient ? `${message} (gave up after ${attempts} attempts)` : message;
}
