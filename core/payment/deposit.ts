import { bp, cents } from '../money/units.ts';
import type { BasisPoints, Cents } from '../money/units.ts';

/** Settings default (seed 001, DESIGN §4): a 30 % deposit of the total incl. VAT. */
export const DEFAULT_DEPOSIT_RATE: BasisPoints = bp(3000);

/** True for a deposit rate a quote may ask for: more than 0 %, at most 100 %. */
export function isValidDepositRate(rate: number): rate is BasisPoints {
  return Number.isSafeInteger(rate) && rate > 0 && rate <= 10000;
}

/**
 * The deposit for a total incl. VAT: `total × rate / 10000`, rounded half-up to the cent
 * (half away from zero, so a negative total mirrors a positive one). BigInt keeps it exact even
 * where `total × rate` would leave the safe-integer range.
 */
export function depositAmount(totalGross: Cents, rate: BasisPoints): Cents {
  const product = BigInt(totalGross) * BigInt(rate);
  const magnitude = product < 0n ? -product : product;
  const rounded = (magnitude * 2n + 10000n) / 20000n;
  return cents(Number(product < 0n ? -rounded : rounded));
}
