import type { MangoQuerySelector, RxCollection, RxDocumentData } from 'rxdb';

/**
 * Documents read per round trip: a small first chunk so the first screen fills at once, then
 * larger ones to amortise IndexedDB.
 */
export const SCAN_CHUNKS: readonly number[] = [200, 2000, 5000];

interface HasId {
  readonly id: string;
}

/**
 * Reads every document of a collection (or those matching `selector`) in primary-key order, chunk by
 * chunk, straight from the storage instance: plain objects, no RxDocument wrappers and no query cache,
 * so nothing stays on the heap once `onChunk` has taken what it needs (DESIGN §3: never hold 50k
 * documents). Yields to the event loop between chunks so the UI stays interactive.
 *
 * The index is named: left to itself RxDB's planner picks another index of the collection for
 * `id > last` and sorts the whole collection in memory on every chunk (measured: 2 s per chunk of
 * 2,000 over 50k dossiers, against 0.1 s on `[_deleted, id]`).
 */
export async function scanCollection<T extends HasId>(
  collection: RxCollection<T>,
  onChunk: (docs: readonly RxDocumentData<T>[]) => void,
  selector: MangoQuerySelector<T> = {},
): Promise<number> {
  let after = '';
  let total = 0;
  for (let round = 0; ; round += 1) {
    const limit = SCAN_CHUNKS[Math.min(round, SCAN_CHUNKS.length - 1)] ?? 5000;
    const query = collection.find({
      selector: { ...selector, id: { $gt: after } } as MangoQuerySelector<T>,
      sort: [{ id: 'asc' } as never],
      index: ['id'],
      limit,
    });
    const { documents } = await collection.storageInstance.query(query.getPreparedQuery());
    if (documents.length > 0) onChunk(documents);
    total += documents.length;
    const last = documents[documents.length - 1];
    if (last === undefined || documents.length < limit) return total;
    after = last.id;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
