import type { Sql } from '../db/db.ts';
import { DOSSIER_RELATED, type CollectionName } from './collections.ts';
import { lockCollection, setLastSeq } from './doc-store.ts';

/**
 * Gives new sequence numbers to the documents of `dossierIds` (quotes, messages, events, payments,
 * documents), in every related collection. Called in the transaction that inserts those dossiers or
 * moves them to another team: agents see related documents through their dossier's team, so a quote
 * that arrived before its dossier, or a dossier that changed team, must be delivered again to
 * checkpoints already past it. Returns the new last sequence of each collection it touched.
 *
 * It takes the related collections' locks even when nothing needs re-stamping: while held, no
 * related write is in flight, so one that read "dossier unknown" has committed and is seen here,
 * and one that starts later waits and then sees the dossier (see the lock order in doc-store.ts).
 */
export async function restampRelated(tx: Sql, dossierIds: readonly string[]): Promise<Map<CollectionName, number>> {
  const touched = new Map<CollectionName, number>();
  if (dossierIds.length === 0) return touched;
  const ids = JSON.stringify(dossierIds);
  for (const collection of DOSSIER_RELATED) {
    const lastSeq = await lockCollection(tx, collection);
    const rows = await tx.query<{ n: string }>(
      `WITH targets AS (
         SELECT id, row_number() OVER (ORDER BY seq) AS rn FROM docs
         WHERE collection = $1 AND dossier_id IN (SELECT jsonb_array_elements_text($2::jsonb))
       )
       UPDATE docs SET seq = $3 + targets.rn, updated_at = now()
       FROM targets WHERE docs.collection = $1 AND docs.id = targets.id
       RETURNING 1 AS n`,
      [collection, ids, lastSeq],
    );
    if (rows.length === 0) continue;
    await setLastSeq(tx, collection, lastSeq + rows.length);
    touched.set(collection, lastSeq + rows.length);
  }
  return touched;
}
