import type { Principal } from '../auth/principal.ts';
import type { Sql } from '../db/db.ts';
import type { CollectionName } from './collections.ts';
import { readFilter } from './rules.ts';

/** One page of a pull: documents as JSON text (wire form, with `_deleted`) and the next sequence. */
export interface PullPage {
  readonly documents: string[];
  readonly seq: number;
}

/**
 * Reads the documents of `collection` the caller may see with a sequence above `since`, oldest
 * first, at most `limit`. One statement, hence one snapshot, computes the page and the collection's
 * highest sequence: when the page is not full, every visible write up to that head is in it, so the
 * checkpoint jumps to the head and documents hidden from the caller by the rules are not scanned
 * again on the next pull. Because sequences commit in order (doc-store.ts), the head never passes a
 * write that commits later. Documents are returned as text straight from PostgreSQL: no parse and
 * re-serialisation on the hot path of an initial sync.
 */
export async function pullPage(sql: Sql, principal: Principal, collection: CollectionName, since: number, limit: number): Promise<PullPage> {
  const filter = readFilter(principal, collection, 4);
  // The page is chosen on sequences alone, and only its documents are fetched and turned into
  // text: planned on stale statistics (PGlite never analyzes by itself; a bulk import outruns
  // autovacuum), the scan may read every document after `since` and sort them, which must not
  // mean converting and sorting 40,000 documents to send 5000 (50k dossiers: 210–320 → 80 ms a page).
  const rows = await sql.query<{ head: string | null; seq: string | null; json: string | null }>(
    `SELECT h.head::text AS head, p.seq::text AS seq, (x.doc || jsonb_build_object('_deleted', x.deleted))::text AS json
     FROM (SELECT max(seq) AS head FROM docs WHERE collection = $1) h
     LEFT JOIN LATERAL (
       SELECT d.seq
       FROM docs d
       WHERE d.collection = $1 AND d.seq > $2 AND ${filter.sql}
       ORDER BY d.seq
       LIMIT $3
     ) p ON TRUE
     LEFT JOIN docs x ON x.collection = $1 AND x.seq = p.seq
     ORDER BY p.seq`,
    [collection, since, limit, ...filter.params],
  );
  const head = Number(rows[0]?.head ?? 0);
  const documents: string[] = [];
  let last = since;
  for (const row of rows) {
    if (row.json === null || row.seq === null) continue;
    documents.push(row.json);
    last = Number(row.seq);
  }
  const seq = documents.length < limit ? Math.max(since, head) : last;
  return { documents, seq };
}

/** Where a newest-first pull stands: documents below `below` (of those up to `head`) are still to come. */
export interface NewestFirstPosition {
  readonly head: number;
  readonly below: number;
}

/** A newest-first page: its documents, and either where to go on from or, once done, the sequence reached. */
export interface NewestFirstPage {
  readonly documents: string[];
  readonly next: NewestFirstPosition | { readonly seq: number };
}

/**
 * A first sync, newest first: the documents of `collection` the caller may read, most recently
 * written first, so that a new device shows today's work while older history still downloads.
 * The first page (`position` null) fixes `head`, the collection's last sequence in its snapshot;
 * each page then takes the next `limit` documents below the last one sent. A document written
 * meanwhile gets a sequence above `head` and so is left for the ordinary pull that follows; one that
 * moves there before its turn here is delivered by that pull too. When a page is not full every
 * visible document up to `head` has been sent: the checkpoint becomes `head` and pulls go on oldest
 * first from there, as `pullPage` explains.
 */
export async function pullNewestPage(sql: Sql, principal: Principal, collection: CollectionName, position: NewestFirstPosition | null, limit: number): Promise<NewestFirstPage> {
  const filter = readFilter(principal, collection, 5);
  const rows = await sql.query<{ head: string | null; seq: string | null; json: string | null }>(
    `SELECT h.head::text AS head, p.seq::text AS seq, (x.doc || jsonb_build_object('_deleted', x.deleted))::text AS json
     FROM (SELECT coalesce($2::bigint, max(seq)) AS head FROM docs WHERE collection = $1) h
     LEFT JOIN LATERAL (
       SELECT d.seq
       FROM docs d
       WHERE d.collection = $1 AND d.seq <= h.head AND d.seq < coalesce($3::bigint, h.head + 1) AND ${filter.sql}
       ORDER BY d.seq DESC
       LIMIT $4
     ) p ON TRUE
     LEFT JOIN docs x ON x.collection = $1 AND x.seq = p.seq
     ORDER BY p.seq DESC`,
    [collection, position?.head ?? null, position?.below ?? null, limit, ...filter.params],
  );
  const head = Number(rows[0]?.head ?? 0);
  const documents: string[] = [];
  let last = position?.below ?? head + 1;
  for (const row of rows) {
    if (row.json === null || row.seq === null) continue;
    documents.push(row.json);
    last = Number(row.seq);
  }
  return { documents, next: documents.length < limit ? { seq: head } : { head, below: last } };
}
