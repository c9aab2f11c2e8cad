import type { Brand } from '../shared/brand.ts';

/** An amount of money in minor units (euro cents). Always a safe integer, may be negative. */
export type Cents = Brand<number, 'Cents'>;
/** A quantity in thousandths: 1.5 units is 1500. Up to 3 decimal places (DESIGN §4). */
export type Milli = Brand<number, 'Milli'>;
/** A percentage in basis points: 20 % is 2000, 5.5 % is 550, 100 % is 10000. */
export type BasisPoints = Brand<number, 'BasisPoints'>;

/** ISO 4217 currency code; Comptoir quotes in one currency per quote (EUR by default). */
export type CurrencyCode = 'EUR' | 'GBP' | 'CHF' | 'USD';

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

/** Brands an integer number of cents. Throws on a non-integer: that is a programming error. */
export function cents(value: number): Cents {
  assertSafeInteger(value, 'Cents');
  return value as Cents;
}

/** Brands an integer number of thousandths of a unit. */
export function milli(value: number): Milli {
  assertSafeInteger(value, 'Milli');
  return value as Milli;
}

/** Brands an integer number of basis points. */
export function bp(value: number): BasisPoints {
  assertSafeInteger(value, 'BasisPoints');
  return value as BasisPoints;
}

export const ZERO_CENTS = 0 as Cents;
/** One unit, as a quantity. */
export const ONE = 1000 as Milli;
/** 100 %, in basis points. */
export const HUNDRED_PERCENT = 10000 as BasisPoints;
