// The physical ceiling of the sync benchmarks: the database itself, with no server, HTTP, rules or
// replication protocol. The same documents go into a table shaped like the server's `docs` (primary
// key on (collection, id), unique (collection, seq)) with raw multi-row statements.
import type { Db } from '../../sync-server/db/db.ts';
import { nowMs } from './rpc.ts';

const TABLE = 'bench_ceiling';

export interface CeilingFigures {
  /** Initial load with one multi-row INSERT per 1000 rows (rows/s). */
  readonly insertPerSec: number;
  /** Keyset-paged read of every row as JSON text, 1000 per page (rows/s): what a pull must at least do. */
  readonly readPerSec: number;
  /** Multi-row INSERT … ON CONFLICT DO UPDATE of the edited rows, best of 200 and 2000 rows per statement (rows/s). */
  readonly upsertPerSec: number;
  readonly upsertBatch: number;
}

function valuesList(rows: number, columns: number, casts: readonly string[]): string {
  const list: string[] = [];
  for (let r = 0; r < rows; r += 1) {
    list.push(`(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}${casts[c] ?? ''}`).join(', ')})`);
  }
  return list.join(', ');
}

async function upsert(db: Db, docs: readonly { id: string }[], firstSeq: number, batch: number): Promise<number> {
  const started = nowMs();
  for (let k = 0; k < docs.length; k += batch) {
    const slice = docs.slice(k, k + batch);
    const params: unknown[] = [];
    slice.forEach((doc, i) => params.push('dossiers', doc.id, firstSeq + k + i, JSON.stringify(doc)));
    await db.query(
      `INSERT INTO ${TABLE} (collection, id, seq, doc) VALUES ${valuesList(slice.length, 4, ['', '', '::bigint', '::jsonb'])}
       ON CONFLICT (collection, id) DO UPDATE SET seq = EXCLUDED.seq, doc = EXCLUDED.doc`,
      params,
    );
  }
  return nowMs() - started;
}

/**
 * Loads `all` (in order), reads them back page by page, then upserts `edited` (documents among `all`)
 * twice, with 200 and with 2000 rows per statement. Drops its table afterwards.
 */
export async function measureCeiling(db: Db, all: Iterable<{ id: string }[]>, edited: readonly { id: string }[]): Promise<CeilingFigures> {
  await db.exec(`DROP TABLE IF EXISTS ${TABLE};
    CREATE TABLE ${TABLE} (collection text NOT NULL, id text NOT NULL, seq bigint NOT NULL, doc jsonb NOT NULL, PRIMARY KEY (collection, id));
    CREATE UNIQUE INDEX ${TABLE}_seq ON ${TABLE} (collection, seq);`);
  try {
    let seq = 0;
    let insertMs = 0;
    for (const batch of all) {
      const started = nowMs();
      const params: unknown[] = [];
      batch.forEach((doc) => params.push('dossiers', doc.id, ++seq, JSON.stringify(doc)));
      await db.query(`INSERT INTO ${TABLE} (collection, id, seq, doc) VALUES ${valuesList(batch.length, 4, ['', '', '::bigint', '::jsonb'])}`, params);
      insertMs += nowMs() - started;
    }
    const total = seq;

    const readStarted = nowMs();
    let since = 0;
    let read = 0;
    for (;;) {
      const rows = await db.query<{ s: string; json: string }>(`SELECT seq::text AS s, doc::text AS json FROM ${TABLE} WHERE collection = $1 AND seq > $2 ORDER BY seq LIMIT 1000`, ['dossiers', since]);
      read += rows.length;
      if (rows.length < 1000) break;
      since = Number(rows[rows.length - 1]?.s);
    }
    const readMs = nowMs() - readStarted;
    if (read !== total) throw new Error(`ceiling read ${read} of ${total} rows`);

    const small = await upsert(db, edited, total + 1, 200);
    const large = await upsert(db, edited, total + edited.length + 1, 2000);
    const best = Math.min(small, large);
    return {
      insertPerSec: (total / insertMs) * 1000,
      readPerSec: (total / readMs) * 1000,
      upsertPerSec: (edited.length / best) * 1000,
      upsertBatch: best === small ? 200 : 2000,
    };
  } finally {
    await db.exec(`DROP TABLE IF EXISTS ${TABLE}`);
  }
}
