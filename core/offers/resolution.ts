import type { IsoDate } from '../shared/clock.ts';
import type { OfferId } from '../shared/ids.ts';
import type { Cents, Milli } from '../money/units.ts';
import type { DiscountTarget, DiscountValue, OfferScope } from './offer.ts';

/**
 * What the pricing engine decided about one candidate discount (one whose offer scope includes the
 * client and whose target covers the product):
 * - `applied`: it set the price;
 * - `lower_priority`: beaten by a discount of a higher scope level (CLIENT > GROUP/PLACE > ALL),
 *   even if it was cheaper;
 * - `less_specific`: same level, but the winner targets the product more precisely;
 * - `higher_price`: same level and specificity, but it gives a higher price;
 * - `tie_break`: same level, specificity and price; the winner comes first by codes;
 * - `out_of_offer_dates` / `out_of_engagement_dates`: the day is outside its offer's or engagement's dates;
 * - `below_min_quantity`: the quantity is under its minimum;
 * - `deleted`: its offer is deleted (still restorable, so worth naming).
 */
export type CandidateVerdict =
  | 'applied'
  | 'lower_priority'
  | 'less_specific'
  | 'higher_price'
  | 'tie_break'
  | 'out_of_offer_dates'
  | 'out_of_engagement_dates'
  | 'below_min_quantity'
  | 'deleted';

/** One candidate and its verdict: the structured "why this price", plain JSON. */
export interface CandidateStep {
  readonly verdict: CandidateVerdict;
  readonly offerId: OfferId;
  readonly offerCode: string;
  readonly offerTitle: string;
  readonly scope: OfferScope;
  readonly scopeCode: string | null;
  readonly engagementNumber: number;
  readonly discountCode: string;
  readonly target: DiscountTarget;
  readonly value: DiscountValue;
  readonly minQuantity: Milli | null;
  /** The unit price this discount gives (or would have given). */
  readonly unitPrice: Cents;
  /** The offer's dates (inclusive, null = open), to explain an out-of-dates verdict. */
  readonly offerStartDate: IsoDate | null;
  readonly offerEndDate: IsoDate | null;
  /** The engagement's own dates (inclusive, null = the offer's). */
  readonly engagementStartDate: IsoDate | null;
  readonly engagementEndDate: IsoDate | null;
}

/** The discount that set the price. */
export interface Winner {
  readonly offerId: OfferId;
  readonly offerCode: string;
  readonly offerTitle: string;
  readonly engagementNumber: number;
  readonly discountCode: string;
  readonly scope: OfferScope;
  readonly scopeCode: string | null;
  readonly target: DiscountTarget;
  readonly value: DiscountValue;
}

/** Why this price: every candidate in decision order (applied first), and a sentence per language. */
export interface Explanation {
  readonly steps: readonly CandidateStep[];
  readonly en: string;
  readonly fr: string;
}

/** The result of pricing one line. */
export interface Resolution {
  /** The price to use, HT. */
  readonly unitPrice: Cents;
  /** The catalog price before any offer, HT. */
  readonly listPrice: Cents;
  readonly winner: Winner | null;
  readonly explanation: Explanation;
}

/** What the sentences need besides the steps. */
export interface ExplanationContext {
  readonly listPrice: Cents;
  readonly unitPrice: Cents;
  readonly productRef: string;
  readonly date: IsoDate;
  readonly quantity: Milli;
}
