import type { JsonObject } from '../../core/model/json.ts';
import type { Sql } from '../db/db.ts';
import { notifySql } from './change-feed.ts';
import { COLLECTION_NAMES, isCollectionName, type CollectionName } from './collections.ts';
import type { DossierFacts } from './rules.ts';
import { ruleColumns } from './rule-columns.ts';
import type { DocState } from './wire-doc.ts';

/*
 * Why pulls never skip a write (DESIGN §9 correctness bar)
 *
 * Each collection has one row in `seq_counters`. Every transaction that writes documents of a
 * collection first locks that row (`lockCollection`) and keeps the lock until it commits; it gives
 * its documents the next sequence numbers and stores the new `last_seq` just before committing. So
 * for one collection, transactions that write hold the lock one after the other and commit in the
 * order of their sequence numbers: when a reader's snapshot sees sequence n, every sequence below n
 * is already committed and visible in that snapshot too. A pull page (one statement, one snapshot)
 * can therefore advance its checkpoint to the highest sequence it saw without ever jumping over a
 * write that commits later. A snapshot-xmin scheme would avoid serialising writers, but PGlite runs
 * one transaction at a time anyway and the critical section here is a few batched statements.
 *
 * Lock order, to stay deadlock-free: a transaction takes collection locks in COLLECTION_NAMES order
 * (dossiers first; re-stamping related documents after a dossier write takes theirs afterwards) and
 * no transaction that holds a related collection's lock ever waits for the dossiers lock.
 */

/** Locks `collection`'s counter row until commit and returns the last sequence given. */
export async function lockCollection(tx: Sql, collection: CollectionName): Promise<number> {
  // The upsert creates the row on first use and, either way, takes its row lock.
  const rows = await tx.query<{ last_seq: string }>(
    `INSERT INTO seq_counters (collection, last_seq) VALUES ($1, 0)
     ON CONFLICT (collection) DO UPDATE SET last_seq = seq_counters.last_seq
     RETURNING last_seq::text AS last_seq`,
    [collection],
  );
  return Number(rows[0]?.last_seq ?? 0);
}

/**
 * Locks the counter rows of `collections` in one statement, in the order given (the caller follows
 * the lock order above), and returns each one's last sequence given.
 */
export async function lockCollections(tx: Sql, collections: readonly CollectionName[]): Promise<Map<CollectionName, number>> {
  if (collections.length === 0) return new Map();
  // One upsert processes its rows in the order of its SELECT, taking each row lock in turn.
  const rows = await tx.query<{ collection: CollectionName; last_seq: string }>(
    `INSERT INTO seq_counters (collection, last_seq)
     SELECT c.name, 0 FROM unnest($1::text[]) WITH ORDINALITY AS c(name, n) ORDER BY c.n
     ON CONFLICT (collection) DO UPDATE SET last_seq = seq_counters.last_seq
     RETURNING collection, last_seq::text AS last_seq`,
    [collections],
  );
  return new Map(rows.map((row) => [row.collection, Number(row.last_seq)]));
}

/** Records the last sequence given; the caller holds the lock. */
export async function setLastSeq(tx: Sql, collection: CollectionName, lastSeq: number): Promise<void> {
  await tx.query('UPDATE seq_counters SET last_seq = $2 WHERE collection = $1', [collection, lastSeq]);
}

/** Every collection's last sequence given, 0 for a collection never written. */
export async function readHeads(sql: Sql): Promise<Record<CollectionName, number>> {
  const rows = await sql.query<{ collection: string; last_seq: string }>('SELECT collection, last_seq::text AS last_seq FROM seq_counters');
  const heads = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, 0])) as Record<CollectionName, number>;
  for (const row of rows) if (isCollectionName(row.collection)) heads[row.collection] = Number(row.last_seq);
  return heads;
}

/** The current stored state of the given documents (absent ids have never been written). */
export async function readDocs(tx: Sql, collection: CollectionName, ids: readonly string[]): Promise<Map<string, DocState>> {
  if (ids.length === 0) return new Map();
  // `= ANY(array)` plans in a fraction of the time of `IN (SELECT jsonb_array_elements_text(…))`.
  const rows = await tx.query<{ id: string; deleted: boolean; doc: JsonObject }>(
    `SELECT id, deleted, doc FROM docs WHERE collection = $1 AND id = ANY($2::text[])`,
    [collection, ids],
  );
  return new Map(rows.map((row) => [row.id, { id: row.id, deleted: row.deleted, body: row.doc }]));
}

/** Team and assignee of the given dossiers, as committed now. */
export async function readDossierFacts(tx: Sql, ids: readonly string[]): Promise<Map<string, DossierFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{ id: string; team: string | null; owner: string | null }>(
    `SELECT id, team, owner FROM docs WHERE collection = 'dossiers' AND id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, { team: row.team, assignedTo: row.owner }]));
}

/**
 * Stores `states` with sequences `lastSeq + 1 …` in order and records the new last sequence, which
 * it returns. The caller holds the collection lock (`lockCollection`). One statement whatever the
 * batch size: the rows travel as one JSON parameter. With `notifyChannel`, the same statement also
 * announces the change there (change-feed.ts; delivered on commit): a push is one round trip fewer.
 */
export async function writeDocs(
  tx: Sql,
  collection: CollectionName,
  lastSeq: number,
  states: readonly DocState[],
  notifyChannel?: string,
  writeId?: string,
): Promise<number> {
  if (states.length === 0) return lastSeq;
  const rows = states.map((state, i) => {
    const columns = ruleColumns(collection, state.body);
    return {
      id: state.id,
      seq: lastSeq + i + 1,
      deleted: state.deleted,
      doc: state.body,
      team: columns.team,
      owner: columns.owner,
      dossier_id: columns.dossierId,
    };
  });
  const newLast = lastSeq + states.length;
  // Data-modifying WITH clauses run to completion whether or not the final SELECT reads them.
  await tx.query(
    `WITH written AS (
       INSERT INTO docs (collection, id, seq, deleted, doc, team, owner, dossier_id, updated_at)
       SELECT $1, r.id, r.seq, r.deleted, r.doc, r.team, r.owner, r.dossier_id, now()
       FROM jsonb_to_recordset($2::jsonb) AS r(id text, seq bigint, deleted boolean, doc jsonb, team text, owner text, dossier_id text)
       ON CONFLICT (collection, id) DO UPDATE SET
         seq = EXCLUDED.seq, deleted = EXCLUDED.deleted, doc = EXCLUDED.doc, team = EXCLUDED.team,
         owner = EXCLUDED.owner, dossier_id = EXCLUDED.dossier_id, updated_at = EXCLUDED.updated_at
       RETURNING 1
     ), counter AS (
       UPDATE seq_counters SET last_seq = $3 WHERE collection = $1 RETURNING 1
     )
     SELECT ${notifyChannel === undefined ? '1' : notifySql('$4::text', '$1::text', '$5::bigint', '$3::bigint', writeId === undefined ? undefined : '$6::text')}`,
    notifyChannel === undefined
      ? [collection, JSON.stringify(rows), newLast]
      : [collection, JSON.stringify(rows), newLast, notifyChannel, lastSeq + 1, ...(writeId === undefined ? [] : [writeId])],
  );
  return newLast;
}
