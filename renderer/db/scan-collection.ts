import type { MangoQuerySelector, RxCollection, RxDocumentData } from 'rxdb';

/** Documents read per round trip: large enough to amortise IndexedDB, small enough to stay responsive. */
export const SCAN_CHUNK = 2000;

interface HasId {
  readonly id: string;
}

/**
 * Reads every document of a collection (or those matching `selector`) in primary-key order, chunk by
 * chunk, straight from the storage instance: plain objects, no RxDocument wrappers and no query cache,
 * so nothing stays on the heap once `onChunk` has taken what it needs (DESIGN §3: never hold 50k
 * documents). Yields to the event loop between chunks so the UI stays interactive.
 */
export async function scanCollection<T extends HasId>(
  collection: RxCollection<T>,
  onChunk: (docs: readonly RxDocumentData<T>[]) => void,
  selector: MangoQuerySelector<T> = {},
): Promise<number> {
  let after = '';
  let total = 0;
  for (;;) {
    const query = collection.find({
      selector: { ...selector, id: { $gt: after } } as MangoQuerySelector<T>,
      sort: [{ id: 'asc' } as never],
      limit: SCAN_CHUNK,
    });
    const { documents } = await collection.storageInstance.query(query.getPreparedQuery());
    if (documents.length > 0) onChunk(documents);
    total += documents.length;
    const last = documents[documents.length - 1];
    if (last === undefined || documents.length < SCAN_CHUNK) return total;
    after = last.id;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
