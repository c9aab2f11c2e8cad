import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../../core/model/json.ts';
import { err, ok, type Result } from '../../core/shared/result.ts';
import type { Principal } from '../auth/principal.ts';
import { transactionWithRetry, type Db, type Sql } from '../db/db.ts';
import { quoteTotalsError } from '../quotes/totals-check.ts';
import { DOSSIER_RELATED, type CollectionName } from './collections.ts';
import { lockCollection, readDocs, readDossierFacts, writeDocs } from './doc-store.ts';
import { localDelivery, rememberDelivery, type LocalDelivery } from './notice-documents.ts';
import { restampRelated } from './restamp.ts';
import { ruleColumns } from './rule-columns.ts';
import { canRead, canWrite, type DossierLookup } from './rules.ts';
import { withServerOwnedFields } from './server-owned.ts';
import { documentError } from './validate-doc.ts';
import { fromWire, sameState, toWire, type DocState, type WireDoc } from './wire-doc.ts';

/** One row of a push body (RxDB replication protocol). */
export interface PushRow {
  /** The server state the client's change was based on; absent for a document new to the client. */
  readonly assumedMasterState?: JsonObject | null;
  readonly newDocumentState: JsonObject;
}

/** What a push did. `conflicts` is the response body; the rest feeds logs and metrics. */
export interface PushOutcome {
  readonly conflicts: WireDoc[];
  readonly written: number;
  /** Ids refused by the rules (reported to the client as conflicts, see `decide`). */
  readonly forbidden: string[];
  /** Among `forbidden`: quotes refused because their totals are not what their lines give. */
  readonly invalidTotals: { readonly id: string; readonly problem: string }[];
  /**
   * The sequences this push gave, `from`…`to` (every one of them to a document of this push), when
   * it wrote something and stored every document exactly as sent; otherwise null. A client that had
   * pulled up to `from - 1` then holds everything up to `to` and need not pull its own writes back.
   */
  readonly sequences: { readonly from: number; readonly to: number } | null;
  /**
   * What it wrote, as its change notice's documents, when the rules need nothing more to filter them
   * (not documents of a dossier, whose readers depend on the dossier's team): see `pushDocuments`.
   */
  readonly delivery: LocalDelivery | null;
}

export type PushError = 'INVALID_DOCUMENT';

/**
 * Applies a push to one collection atomically and returns the conflicting server copies
 * (DESIGN §9). Per row, in order:
 * 1. The pushed state is normalised: server-owned fields keep the server's value, derived keys are
 *    recomputed.
 * 2. Equal to the current server copy → success without a write (a retry after a lost response).
 * 3. The server has the document and `assumedMasterState` is absent or differs → conflict: the
 *    server copy is returned and nothing is written.
 * 4. Forbidden by the rules, or a quote whose totals are not what its lines give → reported as a
 *    conflict too, so an offline client converges instead of retrying forever: with the server copy
 *    when the caller may read it, otherwise with a tombstone of the pushed document (`_deleted: true`:
 *    "this does not exist for you").
 * 5. Otherwise the document is written with the next sequence number.
 * An invalid document rejects the whole push before anything is written.
 */
export async function pushDocuments(
  db: Db,
  channel: string,
  principal: Principal,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<Result<PushOutcome, PushError>> {
  const parsed = parsePushRows(collection, rows);
  if (!parsed.ok) return parsed;
  return ok(
    await transactionWithRetry(db, async (tx) => {
      const outcome = await applyPush(tx, channel, principal, collection, parsed.value);
      // Before the commit, which announces it: this process's streams then need not read it back.
      if (outcome.delivery !== null) rememberDelivery(db, outcome.delivery);
      return outcome;
    }),
  );
}

/** A push row split into stored form, its new state validated against the collection schema. */
export interface ParsedRow {
  readonly incoming: DocState;
  readonly assumed: DocState | null;
}

/** Validates every row's new state; the first invalid document rejects the whole push. */
export function parsePushRows(collection: CollectionName, rows: readonly PushRow[]): Result<ParsedRow[], PushError> {
  const parsed: ParsedRow[] = [];
  for (const [index, row] of rows.entries()) {
    const incoming = fromWire(row.newDocumentState);
    const problem = documentError(collection, incoming.body);
    if (problem !== null) return err('INVALID_DOCUMENT', `Document ${index} (id "${incoming.id}") of ${collection}: ${problem}`);
    parsed.push({ incoming, assumed: row.assumedMasterState ? fromWire(row.assumedMasterState) : null });
  }
  return ok(parsed);
}

/** The push itself, inside the caller's transaction (the admin import runs several in one). */
export async function applyPush(
  tx: Sql,
  channel: string,
  principal: Principal,
  collection: CollectionName,
  parsed: readonly ParsedRow[],
): Promise<PushOutcome> {
  const lastSeq = await lockCollection(tx, collection);
  const current = await readDocs(tx, collection, [...new Set(parsed.map((p) => p.incoming.id))]);
  const lookup = await dossierLookup(tx, principal, collection, parsed.map((p) => p.incoming), current);
  const conflicts: WireDoc[] = [];
  const forbidden: string[] = [];
  const invalidTotals: { id: string; problem: string }[] = [];
  const writes = new Map<string, DocState>();
  const restamp: string[] = [];
  let asSent = true;
  for (const { incoming, assumed } of parsed) {
    const master = current.get(incoming.id) ?? null;
    // Deleting what the server never had deletes nothing: a success with no write. This is a
    // document created and deleted while offline, or the tombstone a refused insert came back as.
    if (master === null && incoming.deleted) continue;
    const next = normalise(principal, collection, incoming, master);
    if (master !== null && sameState(next, master)) continue;
    if (master !== null && (assumed === null || !sameState(assumed, master))) {
      conflicts.push(visibleCopy(principal, collection, master, incoming, lookup));
      continue;
    }
    if (!canWrite(principal, collection, master?.body ?? null, next.body, lookup)) {
      forbidden.push(incoming.id);
      conflicts.push(visibleCopy(principal, collection, master, incoming, lookup));
      continue;
    }
    const totalsProblem = wrongQuoteTotals(principal, collection, next);
    if (totalsProblem !== null) {
      // Refused like a rules violation, so the client records it for review and converges.
      forbidden.push(incoming.id);
      invalidTotals.push({ id: incoming.id, problem: totalsProblem });
      conflicts.push(visibleCopy(principal, collection, master, incoming, lookup));
      continue;
    }
    if (collection === 'dossiers' && (master === null || ruleColumns(collection, master.body).team !== ruleColumns(collection, next.body).team)) {
      restamp.push(next.id);
    }
    // Normalised (a server-owned field kept, a derived key recomputed): the client's copy differs.
    if (next !== incoming && !sameState(next, incoming)) asSent = false;
    // A later row for the same id replaces an earlier one: one write per id.
    writes.delete(next.id);
    writes.set(next.id, next);
    current.set(next.id, next);
  }
  if (writes.size === 0) return { conflicts, written: 0, forbidden, invalidTotals, sequences: null, delivery: null };
  // Each announces what it wrote in the statement that writes it (delivered on commit).
  const written = [...writes.values()];
  const writeId = randomUUID();
  const newLast = await writeDocs(tx, collection, lastSeq, written, channel, writeId);
  await restampRelated(tx, restamp, channel);
  return {
    conflicts,
    written: writes.size,
    forbidden,
    invalidTotals,
    sequences: asSent ? { from: lastSeq + 1, to: newLast } : null,
    delivery: localDelivery(collection, writeId, written),
  };
}

/**
 * Why a client's quote must be refused for its totals (quotes/totals-check.ts), or null. Deletions
 * carry the last state and are not re-checked; the server's own writes (SYSTEM) are trusted.
 */
function wrongQuoteTotals(principal: Principal, collection: CollectionName, next: DocState): string | null {
  if (collection !== 'quotes' || principal.kind === 'system' || next.deleted) return null;
  return quoteTotalsError(next.body);
}

function normalise(principal: Principal, collection: CollectionName, incoming: DocState, master: DocState | null): DocState {
  if (principal.kind === 'system') return incoming;
  return { ...incoming, body: withServerOwnedFields(collection, incoming.body, master?.body ?? null) };
}

/** The server copy if the caller may see it, else a tombstone of what the caller sent. */
function visibleCopy(principal: Principal, collection: CollectionName, master: DocState | null, incoming: DocState, lookup: DossierLookup): WireDoc {
  if (master !== null && canRead(principal, collection, master.body, lookup)) return toWire(master);
  return toWire({ ...incoming, deleted: true });
}

/** Loads the dossiers the rules will ask about (agents writing documents of dossiers only). */
async function dossierLookup(
  tx: Sql,
  principal: Principal,
  collection: CollectionName,
  incoming: readonly DocState[],
  current: ReadonlyMap<string, DocState>,
): Promise<DossierLookup> {
  if (principal.kind === 'system' || principal.role !== 'agent' || !DOSSIER_RELATED.includes(collection)) return () => undefined;
  const ids = new Set<string>();
  for (const state of [...incoming, ...current.values()]) {
    const dossierId = ruleColumns(collection, state.body).dossierId;
    if (dossierId !== null) ids.add(dossierId);
  }
  const facts = await readDossierFacts(tx, [...ids]);
  return (id) => facts.get(id);
}
