import { useEffect, useState } from 'react';
import type { RxDocument, RxQuery } from 'rxdb';

/**
 * The plain documents of a small live query (one dossier's messages, quotes…), re-rendered on every
 * change. `undefined` until the first result. Only for bounded result sets: lists of thousands go
 * through the projections instead (DESIGN §3).
 */
export function useLiveDocs<T>(factory: () => RxQuery<T, RxDocument<T>[]> | null, deps: readonly unknown[]): readonly T[] | undefined {
  const [docs, setDocs] = useState<readonly T[] | undefined>(undefined);
  useEffect(() => {
    const query = factory();
    if (query === null) {
      setDocs([]);
      return;
    }
    const subscription = query.$.subscribe((found) => setDocs(found.map((doc) => doc.toMutableJSON())));
    return () => subscription.unsubscribe();
    // The caller names what the query depends on, like useEffect's own dependencies.
  }, deps);
  return docs;
}

/** One live document by query; `undefined` while loading, `null` when absent. */
export function useLiveDoc<T>(factory: () => RxQuery<T, RxDocument<T> | null> | null, deps: readonly unknown[]): T | null | undefined {
  const [doc, setDoc] = useState<T | null | undefined>(undefined);
  useEffect(() => {
    const query = factory();
    if (query === null) {
      setDoc(null);
      return;
    }
    const subscription = query.$.subscribe((found) => setDoc(found === null ? null : found.toMutableJSON()));
    return () => subscription.unsubscribe();
  }, deps);
  return doc;
}
