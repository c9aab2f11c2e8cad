import { formatAmount, formatMoney, formatPercent, formatQuantity, type NumberLocale } from '../../core/money/index.ts';
import type { BasisPoints, Cents, CurrencyCode, Milli } from '../../core/money/index.ts';
import type { Locale } from './locale-store.ts';

/** Locale-aware display of money, numbers and dates, all through Intl (DESIGN §12). */
export interface Formatters {
  readonly numberLocale: NumberLocale;
  money(amount: Cents, currency?: CurrencyCode): string;
  amount(amount: Cents): string;
  percent(rate: BasisPoints): string;
  quantity(quantity: Milli): string;
  integer(n: number): string;
  /** A calendar date `YYYY-MM-DD`, shown without any time-zone shift. */
  date(date: string | null): string;
  /** An instant, in the local time zone. */
  dateTime(instant: string | null): string;
  time(instant: string): string;
}

const cache = new Map<Locale, Formatters>();

export function formatters(locale: Locale): Formatters {
  const cached = cache.get(locale);
  if (cached) return cached;
  const numberLocale: NumberLocale = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const dateFormat = new Intl.DateTimeFormat(numberLocale, { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(numberLocale, { dateStyle: 'medium', timeStyle: 'short' });
  const timeFormat = new Intl.DateTimeFormat(numberLocale, { timeStyle: 'short' });
  const integerFormat = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 0 });
  const made: Formatters = {
    numberLocale,
    money: (amount, currency = 'EUR') => formatMoney(amount, currency, numberLocale),
    amount: (amount) => formatAmount(amount, numberLocale),
    percent: (rate) => formatPercent(rate, numberLocale),
    quantity: (quantity) => formatQuantity(quantity, numberLocale),
    integer: (n) => integerFormat.format(n),
    date: (date) => (date === null || date === '' ? '—' : dateFormat.format(new Date(`${date}T00:00:00.000Z`))),
    dateTime: (instant) => (instant === null ? '—' : dateTimeFormat.format(new Date(instant))),
    time: (instant) => timeFormat.format(new Date(instant)),
  };
  cache.set(locale, made);
  return made;
}
