import { COLLECTION_NAMES, type CollectionName } from '../schemas/collections.ts';

/** True when `name` is one of the replicated collections. */
export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(name);
}
