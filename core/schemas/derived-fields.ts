import { COLLECTION_NAMES, type CollectionName, type ComptoirDatabase, type ComptoirDocTypes } from './collections.ts';
import type { KeysOfUnion } from './json-fields.ts';
import { toClientDoc } from './clients.ts';
import { toDossierDoc } from './dossiers.ts';
import { toOfferDoc } from './offers.ts';
import { toPaymentDoc } from './payments.ts';
import { toProductDoc } from './products.ts';

/**
 * Index keys computed from other fields (indexable copies of nullable fields, search keys). They are
 * never edited by hand: the merge ignores them and recomputes, the server recomputes them on push.
 */
export const DERIVED_FIELDS: { readonly [K in CollectionName]: readonly KeysOfUnion<ComptoirDocTypes[K]>[] } = {
  dossiers: ['clientIdKey', 'assignedToKey'],
  quotes: [],
  messages: [],
  events: [],
  clients: ['searchKey'],
  products: ['familyKey'],
  offers: ['scopeKey'],
  payments: ['statusKey'],
  documents: [],
  commands: [],
  reference: [],
};

/** Recomputes a document's derived fields, for the collections that have any. */
export const DERIVE: { readonly [K in CollectionName]?: (doc: ComptoirDocTypes[K]) => ComptoirDocTypes[K] } = {
  dossiers: toDossierDoc,
  clients: toClientDoc,
  products: toProductDoc,
  offers: toOfferDoc,
  payments: toPaymentDoc,
};

function hook<K extends CollectionName>(db: ComptoirDatabase, name: K): void {
  const derive = DERIVE[name];
  if (derive === undefined) return;
  // RxDB hooks receive the plain data about to be written and expect it to be changed in place.
  const refresh = (data: ComptoirDocTypes[K]): void => {
    Object.assign(data, derive(data));
  };
  const collection = db.collections[name];
  collection.preInsert(refresh, false);
  collection.preSave(refresh, false);
}

/**
 * Keeps derived fields right on every local insert and save, so a caller that spreads a document
 * and changes `assignedTo` cannot leave a stale `assignedToKey`. Call once after `addCollections`.
 */
export function installDerivedFieldHooks(db: ComptoirDatabase): void {
  for (const name of COLLECTION_NAMES) hook(db, name);
}
