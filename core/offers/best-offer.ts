import type { Product } from '../catalog/product.ts';
import type { IsoDate } from '../shared/clock.ts';
import type { Cents, Milli } from '../money/units.ts';
import { discountedPrice } from './discount-price.ts';
import { dateVerdict } from './in-force.ts';
import type { Discount, Engagement, Offer } from './offer.ts';
import { scopeMatchesClient } from './scope.ts';
import type { ScopedClient } from './scope.ts';
import { targetCoversProduct } from './target.ts';

/** One discount of an offer on a product, with the unit price (HT) it gives. */
export interface OfferDiscountOnProduct {
  readonly offer: Offer;
  readonly engagementNumber: number;
  readonly discount: Discount;
  readonly unitPrice: Cents;
}

/**
 * The discounts of an offer that cover a product. Decision (seed 002 "offres … qui contiennent cette
 * référence"): an offer contains a product when one of its discounts targets the product's reference,
 * one of its families at the matching level, or the whole catalog, because each of those discounts
 * prices the product; that is also what the shop's "Offre commerciale" filter shows the client.
 */
export function coveringDiscounts(offer: Offer, product: Pick<Product, 'ref' | 'family'>): { engagement: Engagement; discount: Discount }[] {
  const found: { engagement: Engagement; discount: Discount }[] = [];
  for (const engagement of offer.engagements) {
    for (const discount of engagement.discounts) {
      if (targetCoversProduct(discount.target, product)) found.push({ engagement, discount });
    }
  }
  return found;
}

/** True when the offer contains the product in the sense of {@link coveringDiscounts}. */
export function offerContainsProduct(offer: Offer, product: Pick<Product, 'ref' | 'family'>): boolean {
  return offer.engagements.some((e) => e.discounts.some((d) => targetCoversProduct(d.target, product)));
}

/** Orders discounts by price, then offer code, engagement number and discount code: deterministic. */
export function byPriceThenCodes(a: OfferDiscountOnProduct, b: OfferDiscountOnProduct): number {
  return (
    a.unitPrice - b.unitPrice ||
    (a.offer.code < b.offer.code ? -1 : a.offer.code > b.offer.code ? 1 : 0) ||
    a.engagementNumber - b.engagementNumber ||
    (a.discount.code < b.discount.code ? -1 : a.discount.code > b.discount.code ? 1 : 0)
  );
}

/** What {@link mostAdvantageousOffer} looks at. */
export interface BestOfferRequest {
  readonly client: ScopedClient;
  readonly product: Pick<Product, 'ref' | 'family' | 'unitPrice'>;
  /** Only offers and engagements in force on this day count: an expired tariff is no advantage. */
  readonly date: IsoDate;
  /** When given, discounts whose minimum quantity is above it are left out. */
  readonly quantity?: Milli;
}

/**
 * Seed 002 "Afficher l'offre la plus avantageuse pour le client": among live offers applying to the
 * client and containing the product, the one with the lowest FIXED unit price. Percentage discounts
 * are not considered, even when they would end up cheaper (seed rule), and scope priority plays no
 * part: this answers "which negotiated tariff is best", not "which price will the quote use"
 * (that is resolvePrice). Ties go to the first offer code, engagement number and discount code.
 */
export function mostAdvantageousOffer(offers: readonly Offer[], request: BestOfferRequest): OfferDiscountOnProduct | null {
  let best: OfferDiscountOnProduct | null = null;
  for (const offer of offers) {
    if (offer.deletedAt !== null || !scopeMatchesClient(offer, request.client)) continue;
    for (const { engagement, discount } of coveringDiscounts(offer, request.product)) {
      if (discount.value.kind !== 'fixed' || dateVerdict(offer, engagement, request.date) !== 'in_force') continue;
      if (request.quantity !== undefined && discount.minQuantity !== undefined && request.quantity < discount.minQuantity) continue;
      const candidate = { offer, engagementNumber: engagement.number, discount, unitPrice: discountedPrice(request.product.unitPrice, discount.value) };
      if (best === null || byPriceThenCodes(candidate, best) < 0) best = candidate;
    }
  }
  return best;
}
