import { createReadStream, openSync, closeSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { JsonObject } from '../../core/model/json.ts';
import { isNumberSeries, isValidYear, parseNumber } from '../../core/numbering/number-format.ts';
import { err, ok, type Result } from '../../core/shared/result.ts';
import type { Db, Sql } from '../db/db.ts';
import { renewEpoch } from '../db/server-meta.ts';
import { isCollectionName, type CollectionName } from '../sync/collections.ts';
import { ruleColumns } from '../sync/rule-columns.ts';

/**
 * Backup file (JSON lines), in this order:
 * `{"kind":"comptoir-backup","version":2,"createdAt":"…"}`
 * `{"kind":"user","id","email","name","passwordHash","role","team","disabled"}` …
 * `{"kind":"counter","collection","lastSeq"}` … (sequence counters)
 * `{"kind":"numberCounter","series","year","nextStart"}` … (number-block high-water marks, DESIGN §8)
 * `{"kind":"doc","collection","id","seq","deleted","doc":{…}}` …
 * `{"kind":"commandExecution","idempotencyKey","commandId","commandKind","createdBy","state","attempts",
 *   "nextAttemptAt","claimId","claimedBy","leaseUntil","result","error","createdAt","finishedAt"}` …
 *   (the outbox's once-per-key record; instants as PostgreSQL writes them in JSON, or null)
 * `{"kind":"paymentLink","providerRef","paymentId","provider","link","expiresAt","createdAt"}` …
 *   (the payment provider's links: the sandbox's `/pay/<token>` pages)
 * Everything is read from one snapshot. Password hashes are included, and so are payment-link tokens
 * (the file is written owner-only); refresh tokens are not (everyone signs in again after a restore).
 * Version 1 files (no numberCounter, commandExecution or paymentLink lines) are still restored.
 */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS: readonly unknown[] = [1, 2];
const PAGE = 2000;

interface UserLine {
  kind: 'user';
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  role: string;
  team: string;
  disabled: boolean;
}
interface DocLine {
  kind: 'doc';
  collection: CollectionName;
  id: string;
  seq: number;
  deleted: boolean;
  doc: JsonObject;
}
interface NumberCounterLine {
  kind: 'numberCounter';
  series: string;
  year: number;
  nextStart: number;
}
interface CommandExecutionLine {
  kind: 'commandExecution';
  idempotencyKey: string;
  commandId: string;
  commandKind: string;
  createdBy: string;
  state: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  claimId: string | null;
  claimedBy: string | null;
  leaseUntil: string | null;
  result: JsonObject | null;
  error: JsonObject | null;
  createdAt: string;
  finishedAt: string | null;
}
interface PaymentLinkLine {
  kind: 'paymentLink';
  providerRef: string;
  paymentId: string;
  provider: string;
  link: string;
  expiresAt: string;
  createdAt: string;
}

/** An instant column as lossless text (microseconds and offset kept), null stays null. */
const instant = (column: string): string => `to_json(${column}) #>> '{}'`;

const EXECUTION_COLUMNS = `idempotency_key AS "idempotencyKey", command_id AS "commandId", kind AS "commandKind", created_by AS "createdBy",
  state, attempts, ${instant('next_attempt_at')} AS "nextAttemptAt", claim_id AS "claimId", claimed_by AS "claimedBy",
  ${instant('lease_until')} AS "leaseUntil", result, error, ${instant('created_at')} AS "createdAt", ${instant('finished_at')} AS "finishedAt"`;
const LINK_COLUMNS = `provider_ref AS "providerRef", payment_id AS "paymentId", provider, link,
  ${instant('expires_at')} AS "expiresAt", ${instant('created_at')} AS "createdAt"`;

/**
 * Writes every user, counter, document, command execution and payment link to `file` from one
 * consistent snapshot. Returns counts.
 */
export async function backup(db: Db, file: string, now: Date): Promise<{ users: number; docs: number }> {
  const fd = openSync(file, 'w', 0o600);
  try {
    const line = (value: object): void => {
      writeSync(fd, `${JSON.stringify(value)}\n`);
    };
    return await db.transaction(async (tx) => {
      // One snapshot for the whole file even while servers keep writing to PostgreSQL: a number
      // block's document and its counter, a command's document and its execution agree.
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      line({ kind: 'comptoir-backup', version: BACKUP_VERSION, createdAt: now.toISOString() });
      const users = await tx.query<Omit<UserLine, 'kind'>>(
        'SELECT id, email, name, password_hash AS "passwordHash", role, team, disabled FROM users ORDER BY id',
      );
      for (const user of users) line({ kind: 'user', ...user });
      const counters = await tx.query<{ collection: string; last_seq: string }>('SELECT collection, last_seq::text FROM seq_counters ORDER BY collection');
      for (const c of counters) line({ kind: 'counter', collection: c.collection, lastSeq: Number(c.last_seq) });
      const marks = await tx.query<{ series: string; year: number; next_start: number }>('SELECT series, year, next_start FROM number_counters ORDER BY series, year');
      for (const m of marks) line({ kind: 'numberCounter', series: m.series, year: Number(m.year), nextStart: Number(m.next_start) });
      let docs = 0;
      let after: { collection: string; seq: number } = { collection: '', seq: -1 };
      for (;;) {
        const rows = await tx.query<{ collection: string; id: string; seq: string; deleted: boolean; doc: JsonObject }>(
          `SELECT collection, id, seq::text AS seq, deleted, doc FROM docs
           WHERE (collection, seq) > ($1, $2) ORDER BY collection, seq LIMIT ${PAGE}`,
          [after.collection, after.seq],
        );
        for (const row of rows) line({ kind: 'doc', collection: row.collection, id: row.id, seq: Number(row.seq), deleted: row.deleted, doc: row.doc });
        docs += rows.length;
        const last = rows[rows.length - 1];
        if (last === undefined || rows.length < PAGE) break;
        after = { collection: last.collection, seq: Number(last.seq) };
      }
      await pagedByKey<Omit<CommandExecutionLine, 'kind'>>(tx, EXECUTION_COLUMNS, 'command_executions', 'idempotency_key', (row) => row.idempotencyKey, (row) =>
        line({ kind: 'commandExecution', ...row, attempts: Number(row.attempts) }),
      );
      await pagedByKey<Omit<PaymentLinkLine, 'kind'>>(tx, LINK_COLUMNS, 'payment_links', 'provider_ref', (row) => row.providerRef, (row) => line({ kind: 'paymentLink', ...row }));
      return { users: users.length, docs };
    });
  } finally {
    closeSync(fd);
  }
}

/** Reads a whole table in pages ordered by its text primary key. */
async function pagedByKey<Row>(tx: Sql, columns: string, table: string, key: string, keyOf: (row: Row) => string, each: (row: Row) => void): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows: Row[] =
      after === null
        ? await tx.query<Row>(`SELECT ${columns} FROM ${table} ORDER BY ${key} LIMIT ${PAGE}`)
        : await tx.query<Row>(`SELECT ${columns} FROM ${table} WHERE ${key} > $1 ORDER BY ${key} LIMIT ${PAGE}`, [after]);
    for (const row of rows) each(row);
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < PAGE) return;
    after = keyOf(last);
  }
}

export type RestoreError = 'NOT_EMPTY' | 'INVALID_BACKUP';

/**
 * Loads a backup into an empty database, all or nothing, keeping sequences, number-block marks,
 * command executions and payment links, then starts a new epoch: clients' checkpoints from before
 * restart from 0 rather than skip what the restored database numbered below them.
 */
export async function restore(db: Db, file: string): Promise<Result<{ users: number; docs: number }, RestoreError>> {
  try {
    return ok(await restoreInTransaction(db, file));
  } catch (error) {
    if (error instanceof RestoreAbort) return err(error.code, error.message);
    throw error;
  }
}

/** Thrown to roll the restore back; turned into a Result by `restore`. */
class RestoreAbort extends Error {
  readonly code: RestoreError;
  constructor(code: RestoreError, message: string) {
    super(message);
    this.code = code;
  }
}

function abort(code: RestoreError, message: string): never {
  throw new RestoreAbort(code, message);
}

/** Rows of one kind, inserted a page at a time. */
class Batch<T> {
  private rows: T[] = [];
  private readonly insert: (tx: Sql, rows: readonly T[]) => Promise<void>;
  count = 0;
  constructor(insert: (tx: Sql, rows: readonly T[]) => Promise<void>) {
    this.insert = insert;
  }
  async add(tx: Sql, row: T): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= PAGE) await this.flush(tx);
  }
  async flush(tx: Sql): Promise<void> {
    if (this.rows.length === 0) return;
    await this.insert(tx, this.rows);
    this.count += this.rows.length;
    this.rows = [];
  }
}

async function restoreInTransaction(db: Db, file: string): Promise<{ users: number; docs: number }> {
  return db.transaction(async (tx) => {
    const existing = await tx.query<{ n: string }>(
      `SELECT ((SELECT count(*) FROM docs) + (SELECT count(*) FROM users) + (SELECT count(*) FROM number_counters)
        + (SELECT count(*) FROM command_executions) + (SELECT count(*) FROM payment_links))::text AS n`,
    );
    if (existing[0]?.n !== '0') abort('NOT_EMPTY', 'Restore needs an empty database (no documents, no users): use a new data directory or schema');
    // Opened here, right before iterating: lines read before the loop starts would be lost.
    const input = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let lineNo = 0;
    let users = 0;
    const docs = new Batch<DocLine>(insertDocs);
    const executions = new Batch<CommandExecutionLine>(insertExecutions);
    const links = new Batch<PaymentLinkLine>(insertLinks);
    const counters = new Map<CollectionName, number>();
    const marks = new NumberMarks();
    for await (const text of input) {
      lineNo++;
      if (text.trim() === '') continue;
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(text) as Record<string, unknown>;
      } catch {
        abort('INVALID_BACKUP', `Line ${lineNo} is not JSON`);
      }
      if (lineNo === 1) {
        if (value.kind !== 'comptoir-backup' || !READABLE_VERSIONS.includes(value.version)) {
          abort('INVALID_BACKUP', `Not a Comptoir backup (version ${READABLE_VERSIONS.join(' or ')}) file`);
        }
        continue;
      }
      if (value.kind === 'user') {
        await insertUser(tx, value as unknown as UserLine);
        users++;
      } else if (value.kind === 'counter' && typeof value.collection === 'string' && isCollectionName(value.collection)) {
        counters.set(value.collection, Number(value.lastSeq));
      } else if (value.kind === 'doc' && typeof value.collection === 'string' && isCollectionName(value.collection)) {
        const doc = value as unknown as DocLine;
        marks.seeDoc(doc);
        await docs.add(tx, doc);
      } else if (value.kind === 'numberCounter' && isNumberSeries(value.series) && isValidYear(Number(value.year)) && positiveInteger(value.nextStart)) {
        const line = value as unknown as NumberCounterLine;
        marks.raise(line.series, Number(line.year), line.nextStart);
      } else if (value.kind === 'commandExecution' && isExecutionLine(value)) {
        await executions.add(tx, value);
      } else if (value.kind === 'paymentLink' && isLinkLine(value)) {
        await links.add(tx, value);
      } else {
        abort('INVALID_BACKUP', `Line ${lineNo}: unknown entry`);
      }
    }
    if (lineNo === 0) abort('INVALID_BACKUP', 'The backup file is empty');
    await docs.flush(tx);
    await executions.flush(tx);
    await links.flush(tx);
    for (const [collection, lastSeq] of counters) {
      await tx.query(
        `INSERT INTO seq_counters (collection, last_seq)
         VALUES ($1, GREATEST($2::bigint, (SELECT coalesce(max(seq), 0) FROM docs WHERE collection = $1)))`,
        [collection, lastSeq],
      );
    }
    for (const { series, year, nextStart } of marks.all()) {
      await tx.query('INSERT INTO number_counters (series, year, next_start) VALUES ($1, $2, $3)', [series, year, nextStart]);
    }
    await renewEpoch(tx);
    return { users, docs: docs.count };
  });
}

const positiveInteger = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;
const textOrNull = (value: unknown): boolean => value === null || typeof value === 'string';
const objectOrNull = (value: unknown): boolean => value === null || (typeof value === 'object' && !Array.isArray(value));

function isExecutionLine(value: Record<string, unknown>): value is Record<string, unknown> & CommandExecutionLine {
  return (
    ['idempotencyKey', 'commandId', 'commandKind', 'createdBy', 'nextAttemptAt', 'createdAt'].every((field) => typeof value[field] === 'string') &&
    ['pending', 'running', 'done', 'failed'].includes(value.state as string) &&
    Number.isInteger(value.attempts) &&
    ['claimId', 'claimedBy', 'leaseUntil', 'finishedAt'].every((field) => textOrNull(value[field])) &&
    objectOrNull(value.result) &&
    objectOrNull(value.error)
  );
}

function isLinkLine(value: Record<string, unknown>): value is Record<string, unknown> & PaymentLinkLine {
  return ['providerRef', 'paymentId', 'provider', 'link', 'expiresAt', 'createdAt'].every((field) => typeof value[field] === 'string');
}

/**
 * The number-block marks to restore (DESIGN §8): per series and year, the highest of the backed-up
 * counter and one past every number the restored documents show as handed out — the end of each
 * `number_blocks` reference document, and each dossier or quote number. A counter line alone would
 * do for a version-2 file; the documents also protect a version-1 file (no counter lines at all)
 * and any counter that lagged behind its documents, so the next block never repeats a number a
 * device may already have used. Collected while the documents stream by: no second pass.
 */
class NumberMarks {
  private readonly marks = new Map<string, { series: string; year: number; nextStart: number }>();

  raise(series: string, year: number, nextStart: number): void {
    const key = `${series}-${year}`;
    const current = this.marks.get(key);
    if (current === undefined || current.nextStart < nextStart) this.marks.set(key, { series, year, nextStart });
  }

  seeDoc(line: DocLine): void {
    const doc = line.doc;
    if (line.collection === 'reference' && doc.type === 'number_blocks' && typeof doc.data === 'object' && doc.data !== null && !Array.isArray(doc.data)) {
      const { series, year, end } = doc.data as Record<string, unknown>;
      if (isNumberSeries(series) && typeof year === 'number' && isValidYear(year) && positiveInteger(end)) this.raise(series, year, end + 1);
    } else if ((line.collection === 'dossiers' || line.collection === 'quotes') && typeof doc.number === 'string') {
      const parsed = parseNumber(doc.number);
      if (parsed.ok) this.raise(parsed.value.series, parsed.value.year, parsed.value.sequence + 1);
    }
  }

  all(): { series: string; year: number; nextStart: number }[] {
    return [...this.marks.values()].sort((a, b) => (a.series === b.series ? a.year - b.year : a.series < b.series ? -1 : 1));
  }
}

async function insertUser(tx: Sql, user: UserLine): Promise<void> {
  await tx.query('INSERT INTO users (id, email, name, password_hash, role, team, disabled) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    user.id, user.email, user.name, user.passwordHash, user.role, user.team, user.disabled,
  ]);
}

async function insertDocs(tx: Sql, lines: readonly DocLine[]): Promise<void> {
  const rows = lines.map((line) => {
    const columns = ruleColumns(line.collection, line.doc);
    return { collection: line.collection, id: line.id, seq: line.seq, deleted: line.deleted, doc: line.doc, team: columns.team, owner: columns.owner, dossier_id: columns.dossierId };
  });
  await tx.query(
    `INSERT INTO docs (collection, id, seq, deleted, doc, team, owner, dossier_id)
     SELECT r.collection, r.id, r.seq, r.deleted, r.doc, r.team, r.owner, r.dossier_id
     FROM jsonb_to_recordset($1::jsonb) AS r(collection text, id text, seq bigint, deleted boolean, doc jsonb, team text, owner text, dossier_id text)`,
    [JSON.stringify(rows)],
  );
}

/**
 * Claim holder of the executions that were `running` when the backup was taken. Their process is
 * not running on the restored database, so they are restored as orphans: still `running`, under
 * this holder, with a lease that lapsed long ago. The command runner's crash recovery
 * (commands/command-runner.ts) then settles them at its next pass exactly as after a crash:
 * a resumable kind (`payment.request`: the provider hands out one link per request, and the
 * restored `payment_links` hold the one it may already have) is queued and run again; any other
 * kind (`quote.email`) fails with INTERRUPTED, since it may or may not have taken effect after the
 * snapshot. Restoring them as `pending` instead would run every kind again: a second email to the
 * customer, which the runner deliberately never risks.
 */
const RESTORED_CLAIM_HOLDER = 'restored-from-backup';
const LAPSED = '1970-01-01T00:00:00.000Z';

async function insertExecutions(tx: Sql, lines: readonly CommandExecutionLine[]): Promise<void> {
  const rows = lines.map((line) => {
    const orphan = line.state === 'running';
    return {
      idempotency_key: line.idempotencyKey,
      command_id: line.commandId,
      kind: line.commandKind,
      created_by: line.createdBy,
      state: line.state,
      attempts: line.attempts,
      next_attempt_at: line.nextAttemptAt,
      claim_id: orphan ? (line.claimId ?? RESTORED_CLAIM_HOLDER) : line.claimId,
      claimed_by: orphan ? RESTORED_CLAIM_HOLDER : line.claimedBy,
      lease_until: orphan ? LAPSED : line.leaseUntil,
      result: line.result,
      error: line.error,
      created_at: line.createdAt,
      finished_at: line.finishedAt,
    };
  });
  await tx.query(
    `INSERT INTO command_executions (idempotency_key, command_id, kind, created_by, state, attempts, next_attempt_at, claim_id, claimed_by, lease_until, result, error, created_at, finished_at)
     SELECT r.idempotency_key, r.command_id, r.kind, r.created_by, r.state, r.attempts, r.next_attempt_at, r.claim_id, r.claimed_by, r.lease_until, r.result, r.error, r.created_at, r.finished_at
     FROM jsonb_to_recordset($1::jsonb) AS r(idempotency_key text, command_id text, kind text, created_by text, state text, attempts integer,
       next_attempt_at timestamptz, claim_id text, claimed_by text, lease_until timestamptz, result jsonb, error jsonb, created_at timestamptz, finished_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}

async function insertLinks(tx: Sql, lines: readonly PaymentLinkLine[]): Promise<void> {
  const rows = lines.map((line) => ({ provider_ref: line.providerRef, payment_id: line.paymentId, provider: line.provider, link: line.link, expires_at: line.expiresAt, created_at: line.createdAt }));
  await tx.query(
    `INSERT INTO payment_links (provider_ref, payment_id, provider, link, expires_at, created_at)
     SELECT r.provider_ref, r.payment_id, r.provider, r.link, r.expires_at, r.created_at
     FROM jsonb_to_recordset($1::jsonb) AS r(provider_ref text, payment_id text, provider text, link text, expires_at timestamptz, created_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}
