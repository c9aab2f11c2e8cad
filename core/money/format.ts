import type { NumberLocale } from './parse-decimal.ts';
import type { BasisPoints, Cents, CurrencyCode, Milli } from './units.ts';

/**
 * Display formatting through `Intl.NumberFormat`. Values are handed to Intl as exact decimal strings
 * ("1234.56"), never as `cents / 100`, so even amounts beyond 2^53 / 100 print exactly.
 *
 * fr-FR output uses U+202F (narrow no-break space) between thousands and U+00A0 (no-break space)
 * before "€" and "%": "1 234,56 €". Compare such strings after normalising spaces, and never parse
 * them back with a naive `split(' ')`; `parseMoney` accepts them.
 */

// Building a NumberFormat costs tens of microseconds; a 200-line quote formats hundreds of values.
// The cache is keyed by immutable options, so sharing it across callers cannot leak state.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: NumberLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (found === undefined) {
    found = new Intl.NumberFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/** Writes `value / 10^scale` as an exact decimal string such as "-12.05". */
function scaledToDecimal(value: number, scale: number): `${number}` {
  const digits = Math.abs(value).toString().padStart(scale + 1, '0');
  const cut = digits.length - scale;
  const text = scale === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return (value < 0 ? `-${text}` : text) as `${number}`;
}

/** An amount with its currency, always two decimals: "1 234,56 €" (fr-FR), "€1,234.56" (en-GB). */
export function formatMoney(amount: Cents, currency: CurrencyCode, locale: NumberLocale): string {
  return formatter(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    scaledToDecimal(amount, 2),
  );
}

/** An amount without currency symbol, two decimals, for table columns: "1 234,56". */
export function formatAmount(amount: Cents, locale: NumberLocale): string {
  return formatter(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(scaledToDecimal(amount, 2));
}

/** A percentage with only the decimals it needs: "5,5 %" (fr-FR), "20%" (en-GB). */
export function formatPercent(rate: BasisPoints, locale: NumberLocale): string {
  // Percent style multiplies by 100, so basis points become a fraction with four decimals.
  return formatter(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(
    scaledToDecimal(rate, 4),
  );
}

/** A quantity with only the decimals it needs (at most three): "1,5" (fr-FR), "1,250.125" (en-GB). */
export function formatQuantity(quantity: Milli, locale: NumberLocale): string {
  return formatter(locale, { minimumFractionDigits: 0, maximumFractionDigits: 3 }).format(scaledToDecimal(quantity, 3));
}
