import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';

/** Locales Comptoir formats and parses numbers for (DESIGN §12: French first, English second). */
export type NumberLocale = 'fr-FR' | 'en-GB';

/**
 * Why user input was refused. Each code maps to one message the UI shows beside the field.
 */
export type ParseErrorCode =
  /** Nothing but spaces (and perhaps a unit): the field is required, say so rather than read 0. */
  | 'EMPTY_INPUT'
  /** Letters, misplaced separators or badly grouped digits ("12,34,5", "1 23"): we never guess. */
  | 'INVALID_NUMBER'
  /** More decimals than the unit holds ("1,234 €", "1,2345" units): rounding silently would change what was typed. */
  | 'TOO_MANY_DECIMALS'
  /** A minus sign where only positive values make sense (prices, quantities, rates). */
  | 'NEGATIVE_NOT_ALLOWED'
  /** Above the field's maximum (a rate over 100 %) or beyond what can be stored exactly. */
  | 'OUT_OF_RANGE';

export interface ParseDecimalOptions {
  /** Digits kept after the decimal separator: 2 for cents and basis-point percentages, 3 for quantities. */
  readonly decimals: number;
  readonly locale: NumberLocale;
  /** Unit tokens accepted before or after the number ("€", "EUR", "%"), compared case-insensitively. */
  readonly units: readonly string[];
}

const SIGNS = /^[-+\u2212]/;

function stripUnit(text: string, units: readonly string[]): string {
  const lower = text.toLowerCase();
  for (const unit of units) {
    const u = unit.toLowerCase();
    if (lower.endsWith(u)) return text.slice(0, text.length - u.length).trim();
    if (lower.startsWith(u)) return text.slice(u.length).trim();
  }
  return text;
}

/** Finds the decimal separator, if any, following the rules documented on `parseScaledDecimal`. */
function decimalSeparator(body: string, locale: NumberLocale): ',' | '.' | null | 'invalid' {
  const commas = body.split(',').length - 1;
  const dots = body.split('.').length - 1;
  if (commas > 0 && dots > 0) {
    const last = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    return (last === ',' ? commas : dots) === 1 ? last : 'invalid';
  }
  if (commas + dots === 0) return null;
  if (commas + dots > 1) return null;
  // One lone separator. "1,500" is fifteen hundred to an English reader but 1.5 to a French one.
  if (commas === 1 && locale === 'en-GB' && /^\d{1,3},\d{3}$/.test(body)) return null;
  return commas === 1 ? ',' : '.';
}

/**
 * Parses a decimal typed by a person into an integer scaled by 10^decimals ("12,5" with 2 decimals
 * gives 1250). Accepts spaces (including the no-break spaces our own formatting emits), `'` and
 * the non-decimal separator as thousands grouping, an optional leading sign and an optional unit.
 *
 * Separator rules: with both `,` and `.` present the last one is the decimal separator; a separator
 * that appears several times is grouping; a single `,` or `.` is decimal, except that in en-GB
 * "1,500" (1–3 digits, comma, exactly 3 digits) is grouping. French users often type `.` from the
 * numeric keypad, so in fr-FR a single `.` is always decimal. Grouped digits must come in threes.
 * Extra decimals are accepted only when they are zeros ("12,500 €" is 12.50 €).
 */
export function parseScaledDecimal(input: string, options: ParseDecimalOptions): Result<number, ParseErrorCode> {
  let text = input.trim();
  let negative = false;
  const takeSign = (): void => {
    if (SIGNS.test(text)) {
      negative = text[0] !== '+';
      text = text.slice(1).trim();
    }
  };
  takeSign();
  text = stripUnit(text, options.units);
  if (!negative) takeSign();
  if (text === '') return err('EMPTY_INPUT', 'Enter a number.');
  const body = text.replace(/\s+/g, ' ');
  if (!/^[0-9.,' \u2019]+$/.test(body)) return err('INVALID_NUMBER', `"${input}" is not a number.`);

  const separator = decimalSeparator(body, options.locale);
  if (separator === 'invalid') return err('INVALID_NUMBER', `"${input}" has several decimal separators.`);
  const cut = separator === null ? -1 : body.lastIndexOf(separator);
  const integerPart = cut < 0 ? body : body.slice(0, cut);
  const fraction = cut < 0 ? '' : body.slice(cut + 1);
  if (!/^\d*$/.test(fraction)) return err('INVALID_NUMBER', `"${input}" has a misplaced separator.`);

  const groups = integerPart.split(/[ '\u2019.,]/);
  const groupingChars = new Set(integerPart.replace(/\d/g, ''));
  if (groupingChars.size > 1) return err('INVALID_NUMBER', `"${input}" mixes digit-grouping characters.`);
  if (groups.length > 1 && !groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)))) {
    return err('INVALID_NUMBER', `"${input}" has badly grouped digits.`);
  }
  const digits = groups.join('');
  if (digits === '' && fraction === '') return err('INVALID_NUMBER', `"${input}" has no digits.`);

  const kept = fraction.slice(0, options.decimals);
  if (/[1-9]/.test(fraction.slice(options.decimals))) {
    return err('TOO_MANY_DECIMALS', `At most ${options.decimals} decimal${options.decimals === 1 ? '' : 's'} allowed.`);
  }
  const scaled = Number((digits === '' ? '0' : digits) + kept.padEnd(options.decimals, '0'));
  if (!Number.isSafeInteger(scaled)) return err('OUT_OF_RANGE', `"${input}" is too large.`);
  return ok(negative && scaled !== 0 ? -scaled : scaled);
}
