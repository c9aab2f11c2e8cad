import type { RxCollection } from 'rxdb';
import type { JsonObject } from '../model/json.ts';
import type { CollectionName } from '../schemas/collections.ts';
import type { Clock } from '../shared/clock.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { ClientDatabase } from './client-database.ts';
import { getAt, parsePath, setAt, sideOf } from './conflict-path.ts';
import type { ConflictDoc, ConflictStatus } from './conflict-schema.ts';
import { jsonEqual } from './json-equal.ts';
import { bodyOf } from './merge.ts';
import { mergeRulesFor } from './merge-rules.ts';

export type ConflictChoice = 'mine' | 'theirs';

/**
 * - CONFLICT_NOT_FOUND: no such conflict on this device.
 * - CONFLICT_CLOSED: already resolved (another window or a double click).
 * - CHANGE_REFUSED: "keep mine" on a change the server refused; it would be refused again.
 * - DOCUMENT_CHANGED: the value has changed since the conflict; writing mine would silently undo
 *   that newer change. The UI shows the current value and lets the user edit it instead.
 */
export type ResolveConflictError = 'CONFLICT_NOT_FOUND' | 'CONFLICT_CLOSED' | 'CHANGE_REFUSED' | 'DOCUMENT_CHANGED';

/**
 * Closes a recorded conflict. "theirs" keeps what the document holds (the server's value). "mine"
 * writes this device's value back as a new local change, which replication pushes like any edit:
 * a field, a quote line (put back at the end when the server had removed it), or the whole
 * document (restored, or deleted again). `updatedAt` moves to now and derived fields are recomputed.
 */
export async function resolveConflict(
  db: ClientDatabase,
  conflictId: string,
  choice: ConflictChoice,
  clock: Clock,
): Promise<Result<ConflictStatus, ResolveConflictError>> {
  const found = await db.conflicts.findOne(conflictId).exec();
  if (found === null) return err('CONFLICT_NOT_FOUND', `No conflict ${conflictId}`);
  // Plain data: nested fields read through an RxDocument are proxies, which cannot be written back.
  const conflict = found.toMutableJSON() as ConflictDoc;
  if (conflict.status !== 'open') return err('CONFLICT_CLOSED', `Conflict ${conflictId} is already ${conflict.status}`);
  const now = clock.now();
  if (choice === 'mine') {
    if (conflict.reason === 'refused') return err('CHANGE_REFUSED', 'The server refused this change; it cannot be sent again');
    const written = await writeMine(db, conflict.collectionName, conflict.docId, conflict.path, conflict.mine, conflict.theirs, now);
    if (!written.ok) return written;
  }
  const status: ConflictStatus = choice === 'mine' ? 'kept_mine' : 'kept_theirs';
  await found.incrementalPatch({ status, resolvedAt: now, updatedAt: now });
  return ok(status);
}

async function writeMine(
  db: ClientDatabase,
  collectionName: CollectionName,
  docId: string,
  pathText: string,
  mine: { readonly present: boolean; readonly value: JsonObject[string] },
  theirs: { readonly present: boolean; readonly value: JsonObject[string] },
  now: string,
): Promise<Result<null, 'DOCUMENT_CHANGED'>> {
  // Every replicated collection is handled alike here: as plain JSON documents keyed by id.
  const collection = db.collections[collectionName] as unknown as RxCollection<JsonObject>;
  const rules = mergeRulesFor(collectionName);
  const path = parsePath(pathText);
  const current = await collection.findOne(docId).exec();
  const currentBody = current === null ? undefined : bodyOf(current.toMutableJSON());
  const currentSide = path.length === 0 ? sideOf(currentBody) : sideOf(currentBody === undefined ? undefined : getAt(currentBody, path));
  if (!jsonEqual(currentSide, theirs)) return err('DOCUMENT_CHANGED', `${collectionName} ${docId} changed at "${pathText}" since the conflict`);
  if (path.length === 0) {
    if (!mine.present) await current?.remove();
    // Inserting over a tombstone brings the document back.
    else await collection.insert(rules.recompute({ ...(mine.value as JsonObject), updatedAt: now }));
    return ok(null);
  }
  if (current === null || currentBody === undefined) return err('DOCUMENT_CHANGED', `${collectionName} ${docId} no longer exists`);
  if (setAt(currentBody, path, mine) === null) return err('DOCUMENT_CHANGED', `${collectionName} ${docId} has no "${pathText}" any more`);
  // Applied to the latest stored state, in case another write landed since the read above.
  await current.incrementalModify((data) => {
    const next = setAt(bodyOf(data), path, mine) ?? bodyOf(data);
    return rules.recompute('updatedAt' in next ? { ...next, updatedAt: now } : next);
  });
  return ok(null);
}
