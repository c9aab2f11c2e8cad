import type { Product } from '../catalog/product.ts';
import type { IsoDate } from '../shared/clock.ts';
import type { Cents, Milli } from '../money/units.ts';
import { discountedPrice } from './discount-price.ts';
import { explainSteps } from './explain.ts';
import { dateVerdict } from './in-force.ts';
import { candidateDiscounts } from './index-offers.ts';
import type { IndexedDiscount, OfferIndex } from './index-offers.ts';
import type { CandidateStep, CandidateVerdict, Resolution, Winner } from './resolution.ts';
import type { ScopedClient } from './scope.ts';

/** What to price: one product for one client on one day, in a quantity (thousandths). */
export interface PricingRequest {
  readonly client: ScopedClient;
  readonly product: Pick<Product, 'ref' | 'family' | 'unitPrice'>;
  /** The day the price is for (the quote's or the service's date). */
  readonly date: IsoDate;
  readonly quantity: Milli;
}

interface Ranked {
  readonly entry: IndexedDiscount;
  readonly price: Cents;
}

interface Unusable extends Ranked {
  readonly reason: CandidateVerdict;
}

// Seed 002 / DESIGN §6 order: scope level, then target specificity, then lowest price; codes last so
// the same offers always give the same winner on every device.
function compareRanked(a: Ranked, b: Ranked): number {
  return (
    b.entry.level - a.entry.level ||
    b.entry.specificity - a.entry.specificity ||
    a.price - b.price ||
    compareCodes(a.entry, b.entry)
  );
}

function compareCodes(a: IndexedDiscount, b: IndexedDiscount): number {
  return (
    compareText(a.offer.code, b.offer.code) ||
    a.engagement.number - b.engagement.number ||
    compareText(a.discount.code, b.discount.code) ||
    compareText(a.offer.id, b.offer.id)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function beatenBecause(winner: Ranked, loser: Ranked): CandidateVerdict {
  if (loser.entry.level < winner.entry.level) return 'lower_priority';
  if (loser.entry.specificity < winner.entry.specificity) return 'less_specific';
  if (loser.price > winner.price) return 'higher_price';
  return 'tie_break';
}

function unusableBecause(entry: IndexedDiscount, request: PricingRequest): CandidateVerdict | null {
  if (entry.offer.deletedAt !== null) return 'deleted';
  const dates = dateVerdict(entry.offer, entry.engagement, request.date);
  if (dates !== 'in_force') return dates;
  const min = entry.discount.minQuantity;
  if (min !== undefined && request.quantity < min) return 'below_min_quantity';
  return null;
}

function step(entry: IndexedDiscount, price: Cents, verdict: CandidateVerdict): CandidateStep {
  const { offer, engagement, discount } = entry;
  return {
    verdict,
    offerId: offer.id,
    offerCode: offer.code,
    offerTitle: offer.title,
    scope: offer.scope,
    scopeCode: offer.scopeCode,
    engagementNumber: engagement.number,
    discountCode: discount.code,
    target: discount.target,
    value: discount.value,
    minQuantity: discount.minQuantity ?? null,
    unitPrice: price,
    offerStartDate: offer.startDate,
    offerEndDate: offer.endDate,
    engagementStartDate: engagement.startDate,
    engagementEndDate: engagement.endDate,
  };
}

function winnerOf(entry: IndexedDiscount): Winner {
  return {
    offerId: entry.offer.id,
    offerCode: entry.offer.code,
    offerTitle: entry.offer.title,
    engagementNumber: entry.engagement.number,
    discountCode: entry.discount.code,
    scope: entry.offer.scope,
    scopeCode: entry.offer.scopeCode,
    target: entry.discount.target,
    value: entry.discount.value,
  };
}

/**
 * The unit price (HT) of a product for a client on a day, and why (DESIGN §6):
 * offers in force (not deleted, day inside the offer's and the engagement's dates, bounds included)
 * whose scope includes the client → discounts covering the product (from `minQuantity` on) →
 * highest scope level (CLIENT > GROUP/PLACE > ALL) → most specific target (product > sub-family >
 * family > super-family > catalog) → lowest resulting price → offer code, engagement number,
 * discount code. The winner applies even when a lower level would be cheaper or when its fixed price
 * exceeds the list price: a negotiated or public-procurement price is contractual.
 * With no applicable discount the list price stands, and the explanation says so.
 */
export function resolvePrice(index: OfferIndex, request: PricingRequest): Resolution {
  const listPrice = request.product.unitPrice;
  const usable: Ranked[] = [];
  const unusable: Unusable[] = [];
  for (const entry of candidateDiscounts(index, request.client, request.product)) {
    const price = discountedPrice(listPrice, entry.discount.value);
    const reason = unusableBecause(entry, request);
    if (reason === null) usable.push({ entry, price });
    else unusable.push({ entry, price, reason });
  }
  // Unusable candidates in the same order as usable ones: a client offer out of its dates is more
  // worth naming than an all-clients one.
  usable.sort(compareRanked);
  unusable.sort(compareRanked);

  const best = usable[0];
  const steps: CandidateStep[] = [];
  if (best) {
    steps.push(step(best.entry, best.price, 'applied'));
    for (let i = 1; i < usable.length; i += 1) {
      const other = usable[i] as Ranked;
      steps.push(step(other.entry, other.price, beatenBecause(best, other)));
    }
  }
  for (const u of unusable) steps.push(step(u.entry, u.price, u.reason));

  const unitPrice = best ? best.price : listPrice;
  const context = { listPrice, unitPrice, productRef: request.product.ref, date: request.date, quantity: request.quantity };
  return {
    unitPrice,
    listPrice,
    winner: best ? winnerOf(best.entry) : null,
    explanation: { steps, ...explainSteps(steps, context) },
  };
}

/** The `offerRef` a quote line stores for a winner: `CODE/engagement/discount`. */
export function offerRef(winner: Winner): string {
  return `${winner.offerCode}/${winner.engagementNumber}/${winner.discountCode}`;
}
