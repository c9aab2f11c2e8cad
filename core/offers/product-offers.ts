import type { Product } from '../catalog/product.ts';
import type { IsoDate } from '../shared/clock.ts';
import type { OfferDiscountOnProduct } from './best-offer.ts';
import { discountedPrice } from './discount-price.ts';
import { dateVerdict } from './in-force.ts';
import { discountsCoveringProduct } from './index-offers.ts';
import type { OfferIndex } from './index-offers.ts';

/**
 * Seed 002 "Offres en cours" on a product's detail page: every discount of a live offer (any scope)
 * in force on `date` that covers the product, each with the price it gives; the discount is the one
 * "Consulter la remise" highlights in its offer. Sorted by offer code, engagement number, discount code.
 */
export function offersInForceOnProduct(index: OfferIndex, product: Pick<Product, 'ref' | 'family' | 'unitPrice'>, date: IsoDate): OfferDiscountOnProduct[] {
  const found: OfferDiscountOnProduct[] = [];
  for (const { offer, engagement, discount } of discountsCoveringProduct(index, product)) {
    if (offer.deletedAt !== null || dateVerdict(offer, engagement, date) !== 'in_force') continue;
    found.push({ offer, engagementNumber: engagement.number, discount, unitPrice: discountedPrice(product.unitPrice, discount.value) });
  }
  return found.sort(
    (a, b) =>
      (a.offer.code < b.offer.code ? -1 : a.offer.code > b.offer.code ? 1 : 0) ||
      a.engagementNumber - b.engagementNumber ||
      (a.discount.code < b.discount.code ? -1 : a.discount.code > b.discount.code ? 1 : 0),
  );
}
