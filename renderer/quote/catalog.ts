import type { ClientDatabase } from '../../core/replication/index.ts';
import { buildOfferIndex, type OfferIndex } from '../../core/offers/index-offers.ts';
import type { OfferDoc, ProductDoc } from '../../core/schemas/index.ts';
import { scanCollection } from '../db/scan-collection.ts';

/**
 * The catalog (5k products) and the offer index (2k offers, 20k discounts) in memory while quotes
 * are edited: product search and pricing run on every keystroke, far faster than any query. Loaded
 * on first use, kept up to date by change events, rebuilt lazily after a change.
 */
interface Catalog {
  readonly products: Map<string, ProductDoc>;
  offers: Map<string, OfferDoc>;
  index: OfferIndex | null;
  ready: Promise<void>;
}

let catalog: { db: ClientDatabase; value: Catalog; stop: () => void } | null = null;

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function load(db: ClientDatabase): Catalog {
  const value: Catalog = { products: new Map(), offers: new Map(), index: null, ready: Promise.resolve() };
  const subscriptions = [
    db.products.eventBulks$.subscribe((bulk) => {
      for (const event of bulk.events) {
        if (event.operation === 'DELETE' || event.documentData._deleted) value.products.delete(event.documentId);
        else value.products.set(event.documentId, event.documentData);
      }
    }),
    db.offers.eventBulks$.subscribe((bulk) => {
      for (const event of bulk.events) {
        if (event.operation === 'DELETE' || event.documentData._deleted) value.offers.delete(event.documentId);
        else value.offers.set(event.documentId, event.documentData);
      }
      value.index = null;
    }),
  ];
  value.ready = (async () => {
    await scanCollection(db.products, (docs) => {
      for (const doc of docs) value.products.set(doc.id, doc);
    });
    await scanCollection(db.offers, (docs) => {
      for (const doc of docs) value.offers.set(doc.id, doc);
    });
    value.index = null;
  })();
  catalog = { db, value, stop: () => subscriptions.forEach((s) => s.unsubscribe()) };
  return value;
}

/** The catalog of this database, loading it on first call. */
export function catalogOf(db: ClientDatabase): Catalog {
  if (catalog?.db === db) return catalog.value;
  catalog?.stop();
  return load(db);
}

/** The offer index, rebuilt only after the offers changed. */
export function offerIndex(c: Catalog): OfferIndex {
  c.index ??= buildOfferIndex([...c.offers.values()]);
  return c.index;
}

/** Products whose reference or label contain every typed word; sellable first, then by reference. */
export function searchProducts(c: Catalog, query: string, limit = 8): ProductDoc[] {
  const words = fold(query.trim()).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [];
  const found: ProductDoc[] = [];
  for (const product of c.products.values()) {
    const text = fold(`${product.ref} ${product.label} ${product.labelEn}`);
    if (words.every((w) => text.includes(w))) found.push(product);
  }
  return found.sort((a, b) => Number(b.sellable) - Number(a.sellable) || (a.ref < b.ref ? -1 : 1)).slice(0, limit);
}
