import { useEffect, useMemo, useState } from 'react';
import type { Product } from '../../core/catalog/product.ts';
import type { ClientDatabase } from '../../core/replication/index.ts';
import { catalogOf } from '../quote/catalog.ts';

/** Products by reference once the shared in-memory catalog is loaded; `null` while it loads. */
export function useProductsByRef(db: ClientDatabase): ReadonlyMap<string, Product> | null {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void catalogOf(db).ready.then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [db]);
  return useMemo(() => {
    if (!ready) return null;
    const byRef = new Map<string, Product>();
    for (const product of catalogOf(db).products.values()) byRef.set(product.ref, product);
    return byRef;
  }, [db, ready]);
}
