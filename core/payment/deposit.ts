import { bp } from '../money/units.ts';
import type { BasisPoints } from '../money/units.ts';

/** Settings default (seed 001, DESIGN §4): a 30 % deposit of the total incl. VAT. */
export const DEFAULT_DEPOSIT_RATE: BasisPoints = bp(3000);

/** True for a deposit rate a quote may ask for: more than 0 %, at most 100 %. */
export function isValidDepositRate(rate: number): rate is BasisPoints {
  return Number.isSafeInteger(rate) && rate > 0 && rate <= 10000;
}

/** One rounding rule for deposits everywhere: the quote module's (DESIGN §4). */
export { depositAmount } from '../quote/deposit.ts';
