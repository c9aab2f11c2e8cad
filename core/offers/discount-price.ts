import type { BasisPoints, Cents } from '../money/units.ts';
import type { DiscountValue } from './offer.ts';

const FULL = 10000;

/**
 * `price × (10000 − rate) / 10000`, rounded half away from zero to the cent, exactly.
 *
 * Splitting the price into whole multiples of 10000 and a remainder keeps every intermediate product
 * below 2^53 whatever the price, so no float ever rounds a cent (core/money is written in parallel;
 * this module needs only this one operation).
 */
export function applyPercent(price: Cents, rate: BasisPoints): Cents {
  const keep = FULL - rate;
  const sign = price < 0 ? -1 : 1;
  const abs = Math.abs(price);
  const whole = Math.floor(abs / FULL);
  const rest = abs - whole * FULL;
  const restTimesKeep = rest * keep;
  let restPart = Math.floor(restTimesKeep / FULL);
  if ((restTimesKeep % FULL) * 2 >= FULL) restPart += 1;
  const result = sign * (whole * keep + restPart);
  return (result === 0 ? 0 : result) as Cents;
}

/** The unit price a discount gives for a product listed at `listPrice`. */
export function discountedPrice(listPrice: Cents, value: DiscountValue): Cents {
  return value.kind === 'fixed' ? value.unitPrice : applyPercent(listPrice, value.rate);
}
