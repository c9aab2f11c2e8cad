import type { Principal } from '../auth/principal.ts';
import type { Db, Sql } from '../db/db.ts';
import type { ChangeNotice } from './change-feed.ts';
import { DOSSIER_RELATED, type CollectionName } from './collections.ts';
import { ruleColumns } from './rule-columns.ts';
import { readsRow, type ReadableRow } from './rules.ts';
import type { DocState } from './wire-doc.ts';

/**
 * Documents delivered with a change notice on the live stream, so that a client already holding
 * everything before the commit applies it without a pull (DESIGN §13: live A → B). Only small
 * commits are delivered (a user's edit, not an import): a larger one is announced alone and pulled.
 */
export const MAX_DELIVERED_DOCS = 50;
/** Past this much JSON, the notice goes alone: one frame must stay well under a stream's buffer. */
export const MAX_DELIVERED_CHARS = 32 * 1024;

/** One document of a delivered commit: its wire JSON text and what the read rules look at. */
export interface DeliveredRow extends ReadableRow {
  readonly json: string;
}

/** A commit's documents, for every stream to filter with its caller's rules. */
export interface Delivery {
  readonly notice: ChangeNotice & { readonly from: number };
  readonly rows: readonly DeliveredRow[];
}

/**
 * Reads the documents the commit announced by `notice` wrote (sequences `from`…`seq`), as a pull
 * from `from - 1` would serve them, or null when the notice is not to be delivered with documents
 * (no range, too many, too large). A document written again since has a later sequence and is
 * absent here: the later commit's notice brings it, exactly as pulls page through sequences.
 */
export async function readDelivery(sql: Sql, notice: ChangeNotice): Promise<Delivery | null> {
  const from = notice.from;
  if (from === undefined || notice.seq - from + 1 > MAX_DELIVERED_DOCS) return null;
  const related = DOSSIER_RELATED.includes(notice.collection);
  const rows = await sql.query<{ json: string; team: string | null; owner: string | null; dossier_team: string | null }>(
    `SELECT (d.doc || jsonb_build_object('_deleted', d.deleted))::text AS json, d.team, d.owner,
            ${related ? 'p.team' : 'NULL::text'} AS dossier_team
     FROM docs d
     ${related ? "LEFT JOIN docs p ON p.collection = 'dossiers' AND p.id = d.dossier_id" : ''}
     WHERE d.collection = $1 AND d.seq BETWEEN $2 AND $3
     ORDER BY d.seq`,
    [notice.collection, from, notice.seq],
  );
  const delivered = bounded(rows.map((row) => ({ json: row.json, team: row.team, owner: row.owner, dossierTeam: row.dossier_team })));
  return delivered === null ? null : { notice: { ...notice, from }, rows: delivered };
}

/** `rows`, or null when they are too many or too large to travel with a notice. */
function bounded(rows: readonly DeliveredRow[]): readonly DeliveredRow[] | null {
  if (rows.length > MAX_DELIVERED_DOCS) return null;
  let chars = 0;
  for (const row of rows) chars += row.json.length + 1;
  return chars > MAX_DELIVERED_CHARS ? null : rows;
}

/**
 * The JSON text of the documents of `delivery` that `principal` may read, in sequence order:
 * `[…]`, ready to splice into a stream frame.
 */
export function visibleDocuments(principal: Principal, delivery: Delivery): string {
  const visible = delivery.rows.filter((row) => readsRow(principal, delivery.notice.collection, row));
  return `[${visible.map((row) => row.json).join(',')}]`;
}

/**
 * What tells apart what `principal` sees of a delivery of `collection` (rules.ts `readsRow`): streams
 * of callers with the same key get the same frame, so 5,000 streams of one team cost one filtering.
 */
export function visibilityKey(principal: Principal, collection: CollectionName): string {
  if (principal.kind === 'system' || principal.role !== 'agent') return '*';
  return collection === 'commands' ? `user\u0000${principal.userId}` : `team\u0000${principal.team}`;
}

/** A push's documents as its notice would deliver them, named by the write id its notice carries. */
export interface LocalDelivery {
  readonly writeId: string;
  readonly rows: readonly DeliveredRow[];
}

/**
 * The delivery of states a push writes, or null when its notice is not to carry documents or the
 * rules need the dossier's team to filter them (documents of a dossier: read back then).
 */
export function localDelivery(collection: CollectionName, writeId: string, states: readonly DocState[]): LocalDelivery | null {
  if (DOSSIER_RELATED.includes(collection) || states.length > MAX_DELIVERED_DOCS) return null;
  const rows = bounded(
    states.map((state) => {
      const columns = ruleColumns(collection, state.body);
      return { json: JSON.stringify({ ...state.body, _deleted: state.deleted }), team: columns.team, owner: columns.owner, dossierTeam: null };
    }),
  );
  return rows === null ? null : { writeId, rows };
}

/**
 * Deliveries of this process's own writes, by database, until their notice arrives. A write whose
 * transaction rolled back never gets one: the oldest are dropped past a few hundred.
 */
const ownWrites = new WeakMap<Db, Map<string, readonly DeliveredRow[]>>();
const MAX_OWN_WRITES = 256;

/** Called inside the writing transaction, before it commits (push.ts). */
export function rememberDelivery(db: Db, delivery: LocalDelivery): void {
  let writes = ownWrites.get(db);
  if (writes === undefined) ownWrites.set(db, (writes = new Map()));
  writes.set(delivery.writeId, delivery.rows);
  if (writes.size > MAX_OWN_WRITES) writes.delete(writes.keys().next().value as string);
}

function takeOwnWrite(db: Db, writeId: string | undefined): readonly DeliveredRow[] | undefined {
  if (writeId === undefined) return undefined;
  const writes = ownWrites.get(db);
  const rows = writes?.get(writeId);
  writes?.delete(writeId);
  return rows;
}

/** Where notices go: the process's live streams (live-streams.ts). */
export interface NoticeSink {
  readonly size: number;
  notifyAll(notice: ChangeNotice, delivery?: Delivery): void;
}

/**
 * Forwards the change feed's notices to `streams`, reading each small commit's documents first
 * (one query per commit for all of this process's streams; none for this process's own pushes,
 * whose documents `rememberDelivery` kept). Notices leave in the order they came:
 * a frame never overtakes an earlier one, or a client would apply an older state last. A failed
 * read sends the notice alone; the clients pull.
 */
export function createNoticeForwarder(db: Db, streams: NoticeSink, onReadError: (error: unknown) => void): (notice: ChangeNotice) => void {
  let queue: Promise<void> = Promise.resolve();
  return (notice) => {
    // A write of this process: its documents are at hand, as they were committed.
    const own = takeOwnWrite(db, notice.writeId);
    const delivered =
      own !== undefined && notice.from !== undefined
        ? Promise.resolve({ notice: { ...notice, from: notice.from }, rows: own })
        : streams.size === 0
          ? Promise.resolve(null)
          : readDelivery(db, notice).catch((error: unknown) => (onReadError(error), null));
    queue = queue.then(async () => {
      const delivery = await delivered;
      streams.notifyAll(notice, delivery ?? undefined);
    });
  };
}
