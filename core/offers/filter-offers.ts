import type { Product } from '../catalog/product.ts';
import type { IsoInstant } from '../shared/clock.ts';
import { dateOf } from '../shared/clock.ts';
import { ZERO_CENTS } from '../money/units.ts';
import { mostAdvantageousOffer, offerContainsProduct } from './best-offer.ts';
import type { Offer } from './offer.ts';
import { scopeMatchesClient } from './scope.ts';
import { searchable } from './searchable.ts';
import type { ScopedClient } from './scope.ts';
import { isRestorable } from './soft-delete.ts';

/** Seed 002 "Etat": "En cours" (not deleted) or "Supprimées" (deleted within the last 30 days). */
export type OfferStateFilter = 'active' | 'deleted';

/**
 * Seed 002 "Type périmètre client". Without a client/group/place chosen, the kind alone filters on
 * the offer's scope. With a client chosen, the list shows every offer that applies to that client
 * (all-clients, its group, its places and its own offers), as the seed's "toutes les offres qui
 * s'appliquent à ce client" reads; with a group or place chosen, the offers of that group or place.
 */
export type OfferScopeFilter =
  | { readonly kind: 'none' }
  | { readonly kind: 'ALL' }
  | { readonly kind: 'GROUP'; readonly groupCode: string | null }
  | { readonly kind: 'PLACE'; readonly placeCode: string | null }
  | { readonly kind: 'CLIENT'; readonly client: ScopedClient | null };

/** The admin list's "Filtrer" form. Empty strings mean "no filter". */
export interface OfferListFilter {
  /** Every word must appear in the title, ignoring case and accents. */
  readonly title: string;
  readonly state: OfferStateFilter;
  readonly scope: OfferScopeFilter;
  /** Offers containing this product (by reference, family or catalog discount). */
  readonly productRef: string;
  /**
   * Only the offer with the best fixed price for the chosen client on the product (percentages
   * ignored); taken into account only when a client and a product reference are given, as in the seed.
   */
  readonly mostAdvantageous: boolean;
}

/** What the filter needs from outside: the time, and products by reference for family matching. */
export interface OfferListContext {
  readonly now: IsoInstant;
  readonly findProduct: (ref: string) => Pick<Product, 'ref' | 'family' | 'unitPrice'> | undefined;
}

/** An empty filter: active offers, everything else open. */
export const NO_OFFER_FILTER: OfferListFilter = { title: '', state: 'active', scope: { kind: 'none' }, productRef: '', mostAdvantageous: false };

function matchesScope(offer: Offer, scope: OfferScopeFilter): boolean {
  switch (scope.kind) {
    case 'none':
      return true;
    case 'ALL':
      return offer.scope === 'ALL';
    case 'GROUP':
      return offer.scope === 'GROUP' && (scope.groupCode === null || offer.scopeCode === scope.groupCode);
    case 'PLACE':
      return offer.scope === 'PLACE' && (scope.placeCode === null || offer.scopeCode === scope.placeCode);
    case 'CLIENT':
      return scope.client === null ? offer.scope === 'CLIENT' : scopeMatchesClient(offer, scope.client);
  }
}

/** The offers the admin list shows for a filter (seed 002 "Filtrer sur les offres"), in input order. */
export function filterOffers(offers: readonly Offer[], filter: OfferListFilter, context: OfferListContext): Offer[] {
  const words = searchable(filter.title).split(/\s+/).filter((w) => w !== '');
  const ref = filter.productRef.trim();
  // An unknown reference can still be in offers (a product removed from the catalog): match it by ref.
  const product = ref === '' ? undefined : (context.findProduct(ref) ?? { ref, family: { superFamily: null, family: null, subFamily: null }, unitPrice: ZERO_CENTS });
  const shown = offers.filter((offer) => {
    const inState = filter.state === 'active' ? offer.deletedAt === null : isRestorable(offer, context.now);
    if (!inState || !matchesScope(offer, filter.scope)) return false;
    if (words.length > 0) {
      const title = searchable(offer.title);
      if (!words.every((w) => title.includes(w))) return false;
    }
    return product === undefined || offerContainsProduct(offer, product);
  });
  if (!filter.mostAdvantageous || product === undefined || filter.scope.kind !== 'CLIENT' || filter.scope.client === null) return shown;
  const best = mostAdvantageousOffer(shown, { client: filter.scope.client, product, date: dateOf(context.now) });
  return best === null ? [] : [best.offer];
}
