import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import { parseScaledDecimal } from './parse-decimal.ts';
import type { NumberLocale, ParseErrorCode } from './parse-decimal.ts';
import { bp, cents, milli } from './units.ts';
import type { BasisPoints, Cents, CurrencyCode, Milli } from './units.ts';

/** Symbols and codes a user may type around an amount; only the quote's own currency is accepted. */
const CURRENCY_TOKENS: Readonly<Record<CurrencyCode, readonly string[]>> = {
  EUR: ['€', 'EUR'],
  GBP: ['£', 'GBP'],
  CHF: ['CHF'],
  USD: ['US$', '$', 'USD'],
};

export interface ParseOptions {
  /** Decides how a lone "1,500" reads (see `parseScaledDecimal`). Default fr-FR. */
  readonly locale?: NumberLocale;
  /** Default false: prices, quantities and rates are never negative where people type them. */
  readonly allowNegative?: boolean;
}

function signCheck<T>(value: number, options: ParseOptions, build: (v: number) => T): Result<T, ParseErrorCode> {
  if (value < 0 && options.allowNegative !== true) return err('NEGATIVE_NOT_ALLOWED', 'The value must not be negative.');
  return ok(build(value));
}

/**
 * Parses an amount typed by a user ("1 234,56", "1234.56", "12 €", "1,234.56") into cents.
 * At most two decimals; the currency symbol of `currency` (default EUR) is optional.
 */
export function parseMoney(
  input: string,
  options: ParseOptions & { readonly currency?: CurrencyCode } = {},
): Result<Cents, ParseErrorCode> {
  const parsed = parseScaledDecimal(input, {
    decimals: 2,
    locale: options.locale ?? 'fr-FR',
    units: CURRENCY_TOKENS[options.currency ?? 'EUR'],
  });
  return parsed.ok ? signCheck(parsed.value, options, cents) : parsed;
}

/**
 * Parses a percentage ("12,5 %", "20", "5.5%") into basis points (12.5 % → 1250). At most two
 * decimals, because a basis point is 0.01 %. `max` (default 10000 = 100 %) bounds discounts,
 * deposits and VAT rates; pass a larger one for a markup.
 */
export function parsePercent(
  input: string,
  options: ParseOptions & { readonly max?: number } = {},
): Result<BasisPoints, ParseErrorCode> {
  const parsed = parseScaledDecimal(input, { decimals: 2, locale: options.locale ?? 'fr-FR', units: ['%'] });
  if (!parsed.ok) return parsed;
  const max = options.max ?? 10000;
  if (parsed.value > max) return err('OUT_OF_RANGE', `At most ${max / 100} %.`);
  return signCheck(parsed.value, options, bp);
}

/** Parses a quantity ("1,5", "2", "0.125") into thousandths (1.5 → 1500); at most three decimals. */
export function parseQuantity(input: string, options: ParseOptions = {}): Result<Milli, ParseErrorCode> {
  const parsed = parseScaledDecimal(input, { decimals: 3, locale: options.locale ?? 'fr-FR', units: [] });
  return parsed.ok ? signCheck(parsed.value, options, milli) : parsed;
}
