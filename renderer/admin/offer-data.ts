import type { Offer } from '../../core/offers/index.ts';
import type { ClientDatabase } from '../../core/replication/index.ts';
import { toOfferDoc, type OfferDoc } from '../../core/schemas/index.ts';
import { useLiveDocs } from '../db/useLiveQuery.ts';

/** The domain offer of a stored document: the derived scope key is dropped. */
export function offerOf(doc: OfferDoc): Offer {
  const { scopeKey: _derived, ...offer } = doc;
  return offer;
}

/**
 * Every offer, deleted ones included (the "Supprimées" filter and code uniqueness need them), live.
 * Offers number in the thousands at most (DESIGN §13), a size a live query holds comfortably.
 */
export function useAllOffers(db: ClientDatabase): readonly Offer[] | undefined {
  const docs = useLiveDocs(() => db.offers.find(), [db]);
  return docs?.map(offerOf);
}

/**
 * Writes offers as an administrator: they replicate to the server, which accepts offer writes from
 * admins only. One bulk call so an import lands together; a refused document is reported, not hidden.
 */
export async function writeOffers(db: ClientDatabase, offers: readonly Offer[]): Promise<void> {
  if (offers.length === 0) return;
  const result = await db.offers.bulkUpsert(offers.map(toOfferDoc));
  if (result.error.length > 0) throw new Error(`${result.error.length} offer(s) could not be written: ${result.error[0]?.status ?? ''}`);
}
