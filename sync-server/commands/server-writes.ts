import type { JsonObject } from '../../core/model/json.ts';
import { SYSTEM } from '../auth/principal.ts';
import type { Sql } from '../db/db.ts';
import type { CollectionName } from '../sync/collections.ts';
import { lockCollection, readDocs } from '../sync/doc-store.ts';
import { applyPush, parsePushRows, type PushRow } from '../sync/push.ts';
import { derive } from '../sync/server-owned.ts';
import { toWire, type DocState } from '../sync/wire-doc.ts';
import { toJson } from './json.ts';

/**
 * Writes documents as the server itself (command results, payment statuses, history events)
 * through the same path as a client push: validated against the collection schema, next sequence
 * numbers, rule columns, change notices on commit. So every client pulls them like any other write.
 *
 * Each state replaces what is stored, whatever it is: the caller decided it under the collection's
 * lock (taken here if not already held). Lock order (sync/doc-store.ts): call it for collections
 * in COLLECTION_NAMES order within one transaction — dossiers, quotes, messages, events, …,
 * payments, documents, commands, reference.
 */
export async function writeAsServer(tx: Sql, channel: string, collection: CollectionName, states: readonly DocState[]): Promise<void> {
  if (states.length === 0) return;
  await lockCollection(tx, collection);
  const current = await readDocs(tx, collection, states.map((state) => state.id));
  const rows: PushRow[] = states.map((state) => {
    const master = current.get(state.id);
    // Derived index keys (payments.statusKey …) follow the fields they derive from.
    const next = toWire({ ...state, body: derive(collection, state.body) });
    return { assumedMasterState: master === undefined ? null : toWire(master), newDocumentState: next };
  });
  const parsed = parsePushRows(collection, rows);
  // The server builds these documents from the core types: an invalid one is a bug, not a failure.
  if (!parsed.ok) throw new Error(`server write refused: ${parsed.error.message}`);
  const outcome = await applyPush(tx, channel, SYSTEM, collection, parsed.value);
  if (outcome.conflicts.length > 0) throw new Error(`server write to ${collection} conflicted although the collection was locked`);
}

/** The stored state of one document, read in `tx` (under the collection lock when the caller holds it). */
export async function readOne(tx: Sql, collection: CollectionName, id: string): Promise<DocState | null> {
  return (await readDocs(tx, collection, [id])).get(id) ?? null;
}

/** A live (not deleted) document's body, or null. */
export async function readBody(tx: Sql, collection: CollectionName, id: string): Promise<JsonObject | null> {
  const state = await readOne(tx, collection, id);
  return state === null || state.deleted ? null : state.body;
}

/** The stored state of a live document built from a core type (HistoryEvent, ReceivedPayment …). */
export function newState(doc: { readonly id: string }): DocState {
  return { id: doc.id, deleted: false, body: toJson(doc) };
}
