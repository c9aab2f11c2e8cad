import { createReadStream, openSync, closeSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { JsonObject } from '../../core/model/json.ts';
import { err, ok, type Result } from '../../core/shared/result.ts';
import type { Db, Sql } from '../db/db.ts';
import { renewEpoch } from '../db/server-meta.ts';
import { isCollectionName, type CollectionName } from '../sync/collections.ts';
import { ruleColumns } from '../sync/rule-columns.ts';

/**
 * Backup file (JSON lines), in this order:
 * `{"kind":"comptoir-backup","version":1,"createdAt":"…"}`
 * `{"kind":"user","id","email","name","passwordHash","role","team","disabled"}` …
 * `{"kind":"counter","collection","lastSeq"}` …
 * `{"kind":"doc","collection","id","seq","deleted","doc":{…}}` …
 * Password hashes are included (the file is written owner-only); refresh tokens are not (everyone
 * signs in again after a restore).
 */
export const BACKUP_VERSION = 1;
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

/** Writes every user, counter and document to `file` from one consistent snapshot. Returns counts. */
export async function backup(db: Db, file: string, now: Date): Promise<{ users: number; docs: number }> {
  const fd = openSync(file, 'w', 0o600);
  try {
    const line = (value: object): void => {
      writeSync(fd, `${JSON.stringify(value)}\n`);
    };
    return await db.transaction(async (tx) => {
      // One snapshot for the whole file even while servers keep writing to PostgreSQL.
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      line({ kind: 'comptoir-backup', version: BACKUP_VERSION, createdAt: now.toISOString() });
      const users = await tx.query<Omit<UserLine, 'kind'>>(
        'SELECT id, email, name, password_hash AS "passwordHash", role, team, disabled FROM users ORDER BY id',
      );
      for (const user of users) line({ kind: 'user', ...user });
      const counters = await tx.query<{ collection: string; last_seq: string }>('SELECT collection, last_seq::text FROM seq_counters ORDER BY collection');
      for (const c of counters) line({ kind: 'counter', collection: c.collection, lastSeq: Number(c.last_seq) });
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
      return { users: users.length, docs };
    });
  } finally {
    closeSync(fd);
  }
}

export type RestoreError = 'NOT_EMPTY' | 'INVALID_BACKUP';

/**
 * Loads a backup into an empty database, all or nothing, keeping sequences, then starts a new
 * epoch: clients' checkpoints from before restart from 0 rather than skip what the restored
 * database numbered below them.
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

async function restoreInTransaction(db: Db, file: string): Promise<{ users: number; docs: number }> {
  return db.transaction(async (tx) => {
    const existing = await tx.query<{ n: string }>('SELECT ((SELECT count(*) FROM docs) + (SELECT count(*) FROM users))::text AS n');
    if (existing[0]?.n !== '0') abort('NOT_EMPTY', 'Restore needs an empty database (no documents, no users): use a new data directory or schema');
    // Opened here, right before iterating: lines read before the loop starts would be lost.
    const input = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let lineNo = 0;
    let users = 0;
    let docs = 0;
    let batch: DocLine[] = [];
    const counters = new Map<CollectionName, number>();
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
        if (value.kind !== 'comptoir-backup' || value.version !== BACKUP_VERSION) abort('INVALID_BACKUP', 'Not a Comptoir backup (version 1) file');
        continue;
      }
      if (value.kind === 'user') {
        await insertUser(tx, value as unknown as UserLine);
        users++;
      } else if (value.kind === 'counter' && typeof value.collection === 'string' && isCollectionName(value.collection)) {
        counters.set(value.collection, Number(value.lastSeq));
      } else if (value.kind === 'doc' && typeof value.collection === 'string' && isCollectionName(value.collection)) {
        batch.push(value as unknown as DocLine);
        if (batch.length >= PAGE) {
          docs += await insertDocs(tx, batch);
          batch = [];
        }
      } else {
        abort('INVALID_BACKUP', `Line ${lineNo}: unknown entry`);
      }
    }
    if (lineNo === 0) abort('INVALID_BACKUP', 'The backup file is empty');
    docs += await insertDocs(tx, batch);
    for (const [collection, lastSeq] of counters) {
      await tx.query(
        `INSERT INTO seq_counters (collection, last_seq)
         VALUES ($1, GREATEST($2::bigint, (SELECT coalesce(max(seq), 0) FROM docs WHERE collection = $1)))`,
        [collection, lastSeq],
      );
    }
    await renewEpoch(tx);
    return { users, docs };
  });
}

async function insertUser(tx: Sql, user: UserLine): Promise<void> {
  await tx.query('INSERT INTO users (id, email, name, password_hash, role, team, disabled) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    user.id, user.email, user.name, user.passwordHash, user.role, user.team, user.disabled,
  ]);
}

async function insertDocs(tx: Sql, lines: readonly DocLine[]): Promise<number> {
  if (lines.length === 0) return 0;
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
  return rows.length;
}
