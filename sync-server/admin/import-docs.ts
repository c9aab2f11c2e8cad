import type { JsonObject, JsonValue } from '../../core/model/json.ts';
import { err, ok, type Result } from '../../core/shared/result.ts';
import { SYSTEM } from '../auth/principal.ts';
import type { Db } from '../db/db.ts';
import { COLLECTION_NAMES, type CollectionName } from '../sync/collections.ts';
import { applyPush, parsePushRows } from '../sync/push.ts';
import { changesChannel } from '../sync/change-feed.ts';
import { lockCollection, readDocs } from '../sync/doc-store.ts';
import { derive } from '../sync/server-owned.ts';
import { toWire } from '../sync/wire-doc.ts';
import { documentError } from '../sync/validate-doc.ts';

/** The collections an import file may fill (reference data, not sales activity). */
export const IMPORTABLE: readonly CollectionName[] = ['clients', 'products', 'offers', 'reference'];

/**
 * Import file (wire contract of `admin import <file.json>`): one JSON object whose keys are
 * importable collections, each an array of documents in the core document shapes, e.g.
 * `{ "products": [ {…ProductDoc} ], "reference": [ {"id":"settings","type":"settings","data":{…},"updatedAt":"…"} ] }`.
 * Derived index keys may be omitted (they are recomputed). Documents are upserted by id.
 */
export type ImportFile = Partial<Record<CollectionName, JsonObject[]>>;

export type ImportError = 'INVALID_IMPORT';

/** Counts per collection of what was imported. */
export type ImportSummary = Partial<Record<CollectionName, number>>;

/**
 * Validates every document first and reports every problem (collection, position, id, reason);
 * writes nothing unless all are valid, then writes all collections in one transaction.
 */
export async function importDocuments(db: Db, input: unknown): Promise<Result<ImportSummary, ImportError>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return err('INVALID_IMPORT', `The file must hold one JSON object with the keys ${IMPORTABLE.join(', ')}`);
  }
  const problems: string[] = [];
  const batches: { collection: CollectionName; docs: JsonObject[] }[] = [];
  for (const [key, value] of Object.entries(input as Record<string, JsonValue>)) {
    const collection = IMPORTABLE.find((name) => name === key);
    if (collection === undefined) {
      problems.push(`"${key}": not importable (allowed: ${IMPORTABLE.join(', ')})`);
      continue;
    }
    if (!Array.isArray(value)) {
      problems.push(`"${key}": must be an array of documents`);
      continue;
    }
    const docs: JsonObject[] = [];
    value.forEach((item: JsonValue, index: number) => {
      const where = `${key}[${index}]`;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return problems.push(`${where}: not an object`);
      let body: JsonObject;
      try {
        body = derive(collection, item as JsonObject);
      } catch (error) {
        return problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const problem = documentError(collection, body);
      if (problem !== null) return problems.push(`${where} (id "${String(body.id)}"): ${problem}`);
      docs.push(body);
      return undefined;
    });
    const ids = new Set(docs.map((d) => String(d.id)));
    if (ids.size !== docs.length) problems.push(`"${key}": the same id appears twice`);
    batches.push({ collection, docs });
  }
  if (problems.length > 0) return err('INVALID_IMPORT', `Nothing imported; fix these first:\n${problems.join('\n')}`);
  batches.sort((a, b) => COLLECTION_NAMES.indexOf(a.collection) - COLLECTION_NAMES.indexOf(b.collection));
  const summary: ImportSummary = {};
  await db.transaction(async (tx) => {
    // Every batch in this one transaction: one failure rolls them all back.
    for (const { collection, docs } of batches) {
      // As the server, no rules; and the import overwrites what is there: each row assumes the
      // current state, read under the collection lock so nothing can change it meanwhile.
      await lockCollection(tx, collection);
      const current = await readDocs(tx, collection, docs.map((d) => String(d.id)));
      const rows = docs.map((doc) => {
        const master = current.get(String(doc.id));
        return { assumedMasterState: master ? toWire(master) : null, newDocumentState: { ...doc, _deleted: false } };
      });
      const parsed = parsePushRows(collection, rows);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const outcome = await applyPush(tx, changesChannel(db), SYSTEM, collection, parsed.value);
      // Impossible while the collection lock is held; a broken invariant, not an input error.
      if (outcome.conflicts.length > 0) throw new Error(`${collection}: ${outcome.conflicts.length} documents changed during the import`);
      summary[collection] = docs.length;
    }
  });
  return ok(summary);
}
