import { useEffect, useMemo, useState } from 'react';
import type { Product } from '../../core/catalog/product.ts';
import type { ClientDatabase } from '../../core/replication/index.ts';
import { catalogOf } from '../quote/catalog.ts';

/**
 * Products by reference from the shared in-memory catalog; `null` while it loads. Rebuilt when the
 * products change, since on a first sign-in they arrive by replication after the catalog was read.
 */
export function useProductsByRef(db: ClientDatabase): ReadonlyMap<string, Product> | null {
  const [version, setVersion] = useState(-1);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void catalogOf(db).ready.then(() => live && setVersion((v) => v + 1));
    // The catalog's own subscription updates its map first (it subscribed earlier); coalesce bursts.
    const subscription = db.products.eventBulks$.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => live && setVersion((v) => v + 1), 200);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  }, [db]);
  return useMemo(() => {
    if (version < 0) return null;
    const byRef = new Map<string, Product>();
    for (const product of catalogOf(db).products.values()) byRef.set(product.ref, product);
    return byRef;
  }, [db, version]);
}
