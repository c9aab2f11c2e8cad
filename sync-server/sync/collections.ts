import {
  APPEND_ONLY_COLLECTIONS,
  COLLECTION_NAMES,
  type CollectionName,
} from '../../core/schemas/collections.ts';

export { COLLECTION_NAMES, type CollectionName };

/** True when `name` is one of the replicated collections (anything else is a 404). */
export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(name);
}

/** Documents that belong to one dossier through their `dossierId` field (rules follow the dossier). */
export const DOSSIER_RELATED: readonly CollectionName[] = ['quotes', 'messages', 'events', 'payments', 'documents'];

/** Inserted once, never changed: an update or delete of an existing one is refused (DESIGN §9). */
export function isAppendOnly(collection: CollectionName): boolean {
  return APPEND_ONLY_COLLECTIONS.includes(collection);
}

/** Only admins write these (catalog, offers, settings, order states, templates …). */
export const ADMIN_WRITTEN: readonly CollectionName[] = ['products', 'offers', 'reference'];
