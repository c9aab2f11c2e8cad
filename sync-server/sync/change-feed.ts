import type { Db, Sql } from '../db/db.ts';
import { isCollectionName, type CollectionName } from './collections.ts';

/** A commit changed `collection` up to sequence `seq`. */
export interface ChangeNotice {
  readonly collection: CollectionName;
  readonly seq: number;
  /**
   * The first sequence that commit gave (it gave every one from `from` to `seq`); absent from
   * notices of older servers. Lets a listener deliver the commit's documents with the notice.
   */
  readonly from?: number;
  /**
   * Names the write that made the commit (push.ts), so that the process that wrote it can deliver
   * the documents it already holds instead of reading them back (notice-documents.ts).
   */
  readonly writeId?: string;
}

/** What a live stream wants to hear. */
export interface ChangeListener {
  readonly onChange: (notice: ChangeNotice) => void;
  /** Notices may have been missed (the LISTEN connection was lost): pull everything again. */
  readonly onResync: () => void;
}

/** In-process fan-out of committed changes to the live streams of this process. */
export interface ChangeFeed {
  subscribe(listener: ChangeListener): () => void;
  readonly size: number;
  close(): Promise<void>;
}

/** The NOTIFY channel of a database schema: instances sharing the schema share the channel. */
export function changesChannel(db: Db): string {
  return `comptoir_changes_${db.schema}`;
}

/**
 * Announces a change from inside the writing transaction: PostgreSQL delivers it on commit only, to
 * every process LISTENing on the channel (this one included), and drops it on rollback.
 * NOTIFY payloads are limited to 8000 bytes, so a notice names the collection and sequence only.
 */
export async function notifyChange(tx: Sql, channel: string, notice: ChangeNotice): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [channel, noticePayload(notice)]);
}

/** The NOTIFY payload of a notice (parsed back by `parseNotice`). */
export function noticePayload(notice: ChangeNotice): string {
  return JSON.stringify(notice.from === undefined ? { c: notice.collection, s: notice.seq } : { c: notice.collection, s: notice.seq, f: notice.from });
}

/**
 * SQL expression that NOTIFYs `channel` of a change of `collection` over sequences `from`…`seq` (SQL
 * expressions: a parameter or a column), with the payload `noticePayload` makes: for statements
 * that announce the sequences they compute themselves.
 */
export function notifySql(channel: string, collection: string, from: string, seq: string, writeId?: string): string {
  return `pg_notify(${channel}, json_build_object('c', ${collection}, 's', ${seq}, 'f', ${from}${writeId === undefined ? '' : `, 'w', ${writeId}`})::text)`;
}

function parseNotice(payload: string): ChangeNotice | null {
  try {
    const raw: unknown = JSON.parse(payload);
    if (typeof raw !== 'object' || raw === null) return null;
    const { c, s, f, w } = raw as { c?: unknown; s?: unknown; f?: unknown; w?: unknown };
    if (typeof c !== 'string' || !isCollectionName(c) || typeof s !== 'number') return null;
    // A range that does not make sense is ignored, not trusted: the notice alone still holds.
    if (!Number.isSafeInteger(f) || (f as number) < 1 || (f as number) > s) return { collection: c, seq: s };
    return typeof w === 'string' && w.length <= 64 ? { collection: c, seq: s, from: f as number, writeId: w } : { collection: c, seq: s, from: f as number };
  } catch {
    return null;
  }
}

/**
 * LISTENs on the database's change channel and fans notices out to subscribers. With several
 * server processes on one PostgreSQL, each process runs one feed and hears every process's commits;
 * on PGlite the notices stay in process.
 */
export async function startChangeFeed(db: Db, onInvalidPayload: (payload: string) => void = () => undefined): Promise<ChangeFeed> {
  const listeners = new Set<ChangeListener>();
  const unlisten = await db.listen(changesChannel(db), {
    onNotify(payload) {
      const notice = parseNotice(payload);
      if (notice === null) return onInvalidPayload(payload);
      for (const listener of listeners) listener.onChange(notice);
    },
    onReconnect() {
      for (const listener of listeners) listener.onResync();
    },
  });
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get size() {
      return listeners.size;
    },
    async close() {
      listeners.clear();
      await unlisten();
    },
  };
}
