import { mulDivRound } from './rounding.ts';
import { cents } from './units.ts';
import type { BasisPoints, Cents, Milli } from './units.ts';

/**
 * Cents arithmetic. Every result goes through `cents()`, which throws on a non-safe integer: an
 * overflow here means corrupted data, never something a user typed (parsers bound their input).
 */

/** `a + b`. */
export function addCents(a: Cents, b: Cents): Cents {
  return cents(a + b);
}

/** `a − b` (may be negative). */
export function subCents(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

/** Sum of a list of amounts; 0 for an empty list. */
export function sumCents(amounts: readonly Cents[]): Cents {
  let total = 0;
  for (const amount of amounts) total += amount;
  return cents(total);
}

/** `−a`, without producing a negative zero that would break `Object.is` equality checks. */
export function negateCents(a: Cents): Cents {
  return cents(a === 0 ? 0 : -a);
}

/** The larger of two amounts; used to clamp a total at zero. */
export function maxCents(a: Cents, b: Cents): Cents {
  return a >= b ? a : b;
}

/** The smaller of two amounts; used to cap a discount at what it discounts. */
export function minCents(a: Cents, b: Cents): Cents {
  return a <= b ? a : b;
}

/** Unit price × quantity (in thousandths), rounded half away from zero to the cent. */
export function multiplyByQuantity(unitPrice: Cents, quantity: Milli): Cents {
  return cents(mulDivRound(unitPrice, quantity, 1000));
}

/** Amount × percentage (basis points), rounded half away from zero: e.g. the VAT of a net amount. */
export function applyRate(amount: Cents, rate: BasisPoints): Cents {
  return cents(mulDivRound(amount, rate, 10000));
}
