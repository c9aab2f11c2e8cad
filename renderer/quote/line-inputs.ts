import { parseMoney, parsePercent, parseQuantity, type CurrencyCode, type NumberLocale, type ParseErrorCode } from '../../core/money/index.ts';
import type { Discount } from '../../core/quote/index.ts';
import { err, ok, type Result } from '../../core/shared/result.ts';
import type { Formatters } from '../i18n/formatters.ts';

/**
 * One field for a line or footer discount, as agents think of it: "10 %" is a percentage, "15" or
 * "15,00 €" an amount in the quote's price mode, empty means none.
 */
export function parseDiscount(text: string, locale: NumberLocale, currency: CurrencyCode): Result<Discount | null, ParseErrorCode> {
  const trimmed = text.trim();
  if (trimmed === '') return ok(null);
  if (trimmed.includes('%')) {
    const rate = parsePercent(trimmed, { locale });
    return rate.ok ? ok({ kind: 'percent', rate: rate.value }) : rate;
  }
  const amount = parseMoney(trimmed, { locale, currency });
  return amount.ok ? ok({ kind: 'amount', amount: amount.value }) : amount;
}

export function formatDiscount(discount: Discount | null, fmt: Formatters): string {
  if (discount === null) return '';
  return discount.kind === 'percent' ? fmt.percent(discount.rate) : fmt.amount(discount.amount);
}

export function parsePrice(text: string, locale: NumberLocale, currency: CurrencyCode): ReturnType<typeof parseMoney> {
  return parseMoney(text, { locale, currency });
}

export function parseQty(text: string, locale: NumberLocale): ReturnType<typeof parseQuantity> {
  return parseQuantity(text, { locale });
}

/** A rate typed as "20" or "20 %". */
export function parseRate(text: string, locale: NumberLocale): ReturnType<typeof parsePercent> {
  const trimmed = text.trim();
  return trimmed === '' ? err('EMPTY_INPUT', 'required') : parsePercent(trimmed, { locale });
}
