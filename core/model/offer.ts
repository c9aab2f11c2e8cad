/**
 * The `offers` collection stores the offer engine's own types (seed 002, DESIGN §6): one document
 * per offer with its engagements and discounts embedded. One definition, in core/offers/offer.ts;
 * the schema's names are aliases of it.
 */
export { FAMILY_LEVELS, OFFER_SCOPES, OFFER_TYPES } from '../offers/offer.ts';
export type {
  Discount as OfferDiscount,
  DiscountTarget as OfferDiscountTarget,
  DiscountValue as OfferDiscountValue,
  Engagement as OfferEngagement,
  FamilyLevel,
  Offer,
  OfferScope,
  OfferType,
} from '../offers/offer.ts';
