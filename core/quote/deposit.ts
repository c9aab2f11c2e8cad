import { mulDivRound } from '../money/rounding.ts';
import { cents } from '../money/units.ts';
import type { BasisPoints, Cents } from '../money/units.ts';

/**
 * Deposit asked for: `rate` of the total incl. VAT, rounded half away from zero to the cent
 * (DESIGN §4). A rate outside 0–100 % is a broken invariant (settings and edits refuse it).
 */
export function depositAmount(totalGross: Cents, rate: BasisPoints): Cents {
  if (!Number.isInteger(rate) || rate < 0 || rate > 10000) throw new RangeError(`deposit rate must be 0–10000, got ${rate}`);
  return cents(mulDivRound(totalGross, rate, 10000));
}

/**
 * What the client still owes: total incl. VAT minus payments received, never negative (an
 * overpayment is a refund matter, not a negative balance to request).
 */
export function balanceDue(totalGross: Cents, receivedPayments: readonly Cents[]): Cents {
  let paid = 0;
  for (const payment of receivedPayments) paid += payment;
  return cents(Math.max(totalGross - paid, 0));
}
