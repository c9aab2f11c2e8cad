import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../../core/model/json.ts';
import type { Failure } from '../../core/shared/result.ts';
import type { Db, Sql } from '../db/db.ts';
import { transactionWithRetry } from '../db/db.ts';
import { lockCollection } from '../sync/doc-store.ts';
import { openCommandDocs, queuedCommandDocs, storedFailure, withOutcome, type CommandOutcomeFields } from './command-docs.ts';
import { text, toJson } from './json.ts';
import { writeAsServer } from './server-writes.ts';

/*
 * The `command_executions` table (migration 003) and the transactions around it.
 *
 * Exactly once per idempotency key:
 * 1. Intake — under the `commands` collection lock, each queued command document inserts its key
 *    (`ON CONFLICT DO NOTHING`). The insert that wins owns the execution; the document becomes
 *    `running`. A document whose key is already taken gets that execution's result (or waits for
 *    it); one from another creator is refused.
 * 2. Claim — one atomic `UPDATE … WHERE state = 'pending' … FOR UPDATE SKIP LOCKED` moves one due
 *    execution to `running` with a fresh claim id and a lease: two processes never claim the same.
 * 3. Finish — in one transaction: the handler's documents, then the execution row (only if this
 *    claim still holds it: fencing), then every open command document with the key. Committed
 *    together or not at all.
 * Lock order: collection locks (COLLECTION_NAMES order, `commands` last among those written here)
 * before any execution row lock, in every transaction that takes both.
 */

/** One execution held by this process. */
export interface Claim {
  readonly key: string;
  readonly commandId: string;
  readonly kind: string;
  readonly createdBy: string;
  /** Attempts including this one. */
  readonly attempts: number;
  readonly claimId: string;
}

interface ExecutionRow {
  idempotency_key: string;
  command_id: string;
  kind: string;
  created_by: string;
  state: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  claim_id: string | null;
  result: JsonObject | null;
  error: Failure | null;
}

const iso = (date: Date): string => date.toISOString();

/**
 * Takes up to `limit` queued command documents (step 1). Returns how many documents it changed,
 * so the caller knows whether to look again.
 */
export async function intakeQueued(db: Db, channel: string, now: Date, limit = 100): Promise<number> {
  // Most wake-ups find nothing new: look first, so they do not queue behind pushes for the lock.
  if ((await queuedCommandDocs(db, 1)).length === 0) return 0;
  return transactionWithRetry(db, async (tx) => {
    await lockCollection(tx, 'commands');
    const queued = await queuedCommandDocs(tx, limit);
    const changed = [];
    for (const doc of queued) {
      const key = text(doc.body.idempotencyKey) ?? doc.id;
      const createdBy = text(doc.body.createdBy) ?? '';
      const inserted = await tx.query(
        `INSERT INTO command_executions (idempotency_key, command_id, kind, created_by, state, next_attempt_at)
         VALUES ($1, $2, $3, $4, 'pending', $5::timestamptz)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING 1 AS n`,
        [key, doc.id, String(doc.body.kind), createdBy, iso(now)],
      );
      if (inserted.length > 0) {
        changed.push(withOutcome(doc, { status: 'running', result: null, error: null }, now));
        continue;
      }
      const existing = (await tx.query<ExecutionRow>('SELECT * FROM command_executions WHERE idempotency_key = $1', [key]))[0];
      if (existing === undefined) throw new Error(`command execution ${key} vanished under the commands lock`);
      changed.push(withOutcome(doc, duplicateOutcome(existing, createdBy), now));
    }
    await writeAsServer(tx, channel, 'commands', changed);
    return changed.length;
  });
}

/** What a second document with a taken key becomes: the same outcome, or running until there is one. */
function duplicateOutcome(existing: ExecutionRow, createdBy: string): CommandOutcomeFields {
  if (existing.created_by !== createdBy) {
    // Keys are per user action; another user's key must not hand over that user's result.
    return { status: 'failed', result: null, error: { code: 'IDEMPOTENCY_KEY_TAKEN', message: 'Another user already used this idempotency key.' } };
  }
  if (existing.state === 'done') return { status: 'done', result: existing.result, error: null };
  if (existing.state === 'failed') return { status: 'failed', result: null, error: existing.error };
  return { status: 'running', result: null, error: null };
}

/** Claims the next due execution for `leaseMs` (step 2), or null when none is due. */
export async function claimNext(db: Db, now: Date, leaseMs: number, processId: string): Promise<Claim | null> {
  const rows = await db.query<ExecutionRow>(
    `UPDATE command_executions SET state = 'running', attempts = attempts + 1, claim_id = $2, claimed_by = $4,
       lease_until = $1::timestamptz + make_interval(secs => $3::double precision)
     WHERE idempotency_key = (
       SELECT idempotency_key FROM command_executions
       WHERE state = 'pending' AND next_attempt_at <= $1::timestamptz
       ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [iso(now), randomUUID(), leaseMs / 1000, processId],
  );
  const row = rows[0];
  if (row === undefined || row.claim_id === null) return null;
  return { key: row.idempotency_key, commandId: row.command_id, kind: row.kind, createdBy: row.created_by, attempts: Number(row.attempts), claimId: row.claim_id };
}

/** Gives a claimed execution back for another attempt at `at`, remembering why this one failed. */
export async function reschedule(db: Db, claim: Claim, failure: Failure, at: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE command_executions SET state = 'pending', claim_id = NULL, lease_until = NULL, next_attempt_at = $3::timestamptz, error = $4::jsonb
     WHERE idempotency_key = $1 AND claim_id = $2 AND state = 'running' RETURNING 1 AS n`,
    [claim.key, claim.claimId, iso(at), JSON.stringify(storedFailure(failure))],
  );
  return rows.length > 0;
}

/** The claim lost its execution to another process before finishing. */
class LeaseLostError extends Error {
  constructor(key: string) {
    super(`lost the execution of command ${key}`);
  }
}

/** How an execution ends. */
export type FinalOutcome = { readonly state: 'done'; readonly result: JsonObject } | { readonly state: 'failed'; readonly error: Failure };

/**
 * Ends a claimed execution (step 3): `apply` (the handler's documents), the execution row, then
 * every open command document of the key. Returns false, with nothing written, when the claim no
 * longer holds the execution (its lease lapsed and another process took it over).
 */
export async function finishExecution(
  db: Db,
  channel: string,
  claim: Pick<Claim, 'key' | 'claimId' | 'createdBy'>,
  outcome: FinalOutcome,
  now: Date,
  apply?: (tx: Sql, channel: string) => Promise<void>,
): Promise<boolean> {
  return transactionWithRetry(db, async (tx) => {
    if (apply !== undefined) await apply(tx, channel);
    await lockCollection(tx, 'commands');
    const result = outcome.state === 'done' ? outcome.result : null;
    const error = outcome.state === 'failed' ? storedFailure(outcome.error) : null;
    const updated = await tx.query(
      `UPDATE command_executions SET state = $3, result = $4::jsonb, error = $5::jsonb, claim_id = NULL, lease_until = NULL, finished_at = $6::timestamptz
       WHERE idempotency_key = $1 AND claim_id = $2 AND state = 'running' RETURNING 1 AS n`,
      [claim.key, claim.claimId, outcome.state, result === null ? null : JSON.stringify(result), error === null ? null : JSON.stringify(error), iso(now)],
    );
    if (updated.length === 0) {
      // Throwing rolls back what `apply` wrote: the process holding the execution now decides.
      throw new LeaseLostError(claim.key);
    }
    const docs = await openCommandDocs(tx, claim.key, claim.createdBy);
    const fields: CommandOutcomeFields = { status: outcome.state, result, error: error === null ? null : error };
    await writeAsServer(tx, channel, 'commands', docs.map((doc) => withOutcome(doc, fields, now)));
    return true;
  }).catch((error: unknown) => {
    if (error instanceof LeaseLostError) return false;
    throw error;
  });
}

/**
 * Which running executions count as orphaned: those whose lease lapsed (their process crashed or
 * stalled) and, when `othersAreGone` (the embedded database, held by one process at a time), those
 * claimed by any other process than `processId`.
 */
export interface OrphanScope {
  readonly processId: string;
  readonly othersAreGone: boolean;
}

const ORPHANED = `state = 'running' AND (lease_until < $1::timestamptz OR ($2::boolean AND claimed_by IS DISTINCT FROM $3))`;

/** Running executions nobody is finishing any more. */
export async function orphanedExecutions(db: Db, now: Date, scope: OrphanScope): Promise<Claim[]> {
  const rows = await db.query<ExecutionRow>(
    `SELECT * FROM command_executions WHERE ${ORPHANED} ORDER BY lease_until LIMIT 100`,
    [iso(now), scope.othersAreGone, scope.processId],
  );
  return rows
    .filter((row) => row.claim_id !== null)
    .map((row) => ({ key: row.idempotency_key, commandId: row.command_id, kind: row.kind, createdBy: row.created_by, attempts: Number(row.attempts), claimId: row.claim_id ?? '' }));
}

/** Puts an orphaned execution back in the queue (resumable kinds); false if someone else already did. */
export async function requeueOrphan(db: Db, orphan: Claim, now: Date, scope: OrphanScope): Promise<boolean> {
  const rows = await db.query(
    `UPDATE command_executions SET state = 'pending', claim_id = NULL, claimed_by = NULL, lease_until = NULL, next_attempt_at = $1::timestamptz
     WHERE ${ORPHANED} AND idempotency_key = $4 AND claim_id = $5 RETURNING 1 AS n`,
    [iso(now), scope.othersAreGone, scope.processId, orphan.key, orphan.claimId],
  );
  return rows.length > 0;
}

/** When the runner should look again: the next due attempt or lease to expire, or null. */
export async function nextWakeAt(db: Db): Promise<Date | null> {
  const rows = await db.query<{ ms: string | number | null }>(
    `SELECT (extract(epoch FROM least(
       (SELECT min(next_attempt_at) FROM command_executions WHERE state = 'pending'),
       (SELECT min(lease_until) FROM command_executions WHERE state = 'running'))) * 1000)::float8 AS ms`,
  );
  const ms = rows[0]?.ms ?? null;
  return ms === null ? null : new Date(Number(ms));
}

/**
 * Makes executions waiting for documents that had not replicated yet (NOT_SYNCED) due now: called
 * when such documents arrive, so an email queued before its quote leaves as soon as the quote does.
 */
export async function hurryWaiting(db: Db, now: Date): Promise<void> {
  await db.query(
    `UPDATE command_executions SET next_attempt_at = $1::timestamptz
     WHERE state = 'pending' AND error->>'code' = 'NOT_SYNCED' AND next_attempt_at > $1::timestamptz`,
    [iso(now)],
  );
}

/** The command document an execution runs (its payload), or null when it is gone. */
export async function commandBody(sql: Sql, commandId: string): Promise<{ deleted: boolean; body: JsonObject } | null> {
  const rows = await sql.query<{ deleted: boolean; doc: JsonObject }>(`SELECT deleted, doc FROM docs WHERE collection = 'commands' AND id = $1`, [commandId]);
  const row = rows[0];
  return row === undefined ? null : { deleted: row.deleted, body: toJson(row.doc) };
}
