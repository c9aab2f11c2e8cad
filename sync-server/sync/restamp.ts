import type { Sql } from '../db/db.ts';
import { notifySql } from './change-feed.ts';
import { DOSSIER_RELATED, type CollectionName } from './collections.ts';
import { lockCollections } from './doc-store.ts';

/**
 * Gives new sequence numbers to the documents of `dossierIds` (quotes, messages, events, payments,
 * documents), in every related collection. Called in the transaction that inserts those dossiers or
 * moves them to another team: agents see related documents through their dossier's team, so a quote
 * that arrived before its dossier, or a dossier that changed team, must be delivered again to
 * checkpoints already past it. Returns the new last sequence of each collection it touched; with
 * `notifyChannel`, also announces each of those changes there (change-feed.ts).
 *
 * It takes the related collections' locks even when nothing needs re-stamping: while held, no
 * related write is in flight, so one that read "dossier unknown" has committed and is seen here,
 * and one that starts later waits and then sees the dossier (see the lock order in doc-store.ts).
 * Hence two statements: the locks first, then the re-stamp, whose snapshot (READ COMMITTED: taken
 * when the statement starts) must begin after every lock was granted.
 */
export async function restampRelated(tx: Sql, dossierIds: readonly string[], notifyChannel?: string): Promise<Map<CollectionName, number>> {
  const touched = new Map<CollectionName, number>();
  if (dossierIds.length === 0) return touched;
  const lastSeqs = await lockCollections(tx, DOSSIER_RELATED);
  const collections = [...lastSeqs.keys()];
  const bases = collections.map((collection) => lastSeqs.get(collection) ?? 0);
  // Each collection's targets, numbered in their current order after that collection's last
  // sequence; then each counter moves past what it gave. One statement for every collection.
  const rows = await tx.query<{ collection: CollectionName; last_seq: string }>(
    `WITH targets AS (
       SELECT d.collection, d.id, b.last_seq + row_number() OVER (PARTITION BY d.collection ORDER BY d.seq) AS seq
       FROM docs d JOIN unnest($1::text[], $2::bigint[]) AS b(collection, last_seq) ON b.collection = d.collection
       WHERE d.dossier_id = ANY($3::text[])
     ), stamped AS (
       UPDATE docs SET seq = t.seq, updated_at = now()
       FROM targets t WHERE docs.collection = t.collection AND docs.id = t.id
       RETURNING docs.collection, docs.seq
     ), heads AS (
       SELECT collection, min(seq) AS first_seq, max(seq) AS last_seq FROM stamped GROUP BY collection
     ), counters AS (
       UPDATE seq_counters s SET last_seq = h.last_seq
       FROM heads h WHERE s.collection = h.collection
       RETURNING s.collection, h.first_seq, s.last_seq
     )
     SELECT collection, last_seq::text AS last_seq${notifyChannel === undefined ? '' : `, ${notifySql('$4::text', 'collection', 'first_seq', 'last_seq')} AS notified`}
     FROM counters`,
    notifyChannel === undefined ? [collections, bases, dossierIds] : [collections, bases, dossierIds, notifyChannel],
  );
  for (const row of rows) touched.set(row.collection, Number(row.last_seq));
  return touched;
}
