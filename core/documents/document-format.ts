import { formatAmount, formatMoney, formatPercent, formatQuantity } from '../money/format.ts';
import type { NumberLocale } from '../money/parse-decimal.ts';
import type { BasisPoints, Cents, CurrencyCode, Milli } from '../money/units.ts';
import type { IsoDate, IsoInstant } from '../shared/clock.ts';
import type { DocumentLanguage } from './quote-pdf-input.ts';
import { toWinAnsi } from './win-ansi.ts';

/** Numbers and dates as a customer document prints them, already safe for the PDF's fonts. */
export interface DocumentFormat {
  /** "1 234,56 €" / "€1,234.56". */
  money(amount: Cents): string;
  /** "1 234,56" / "1,234.56", for table columns whose header names the unit. */
  amount(amount: Cents): string;
  /** "5,5 %" / "5.5%". */
  percent(rate: BasisPoints): string;
  /** "2,5" / "2.5". */
  quantity(quantity: Milli): string;
  /** A calendar date in words: "6 février 2027" / "6 February 2027". */
  date(date: IsoDate): string;
  /** The calendar date of an instant in the document's time zone, in words. */
  dateOfInstant(instant: IsoInstant): string;
  /**
   * A phone number as a reader dials it: a stored French E.164 number in national form for a
   * French document ("06 12 34 56 78"), grouped international form otherwise ("+33 6 12 34 56 78");
   * anything else as given.
   */
  phone(phone: string): string;
}

const FRENCH_E164 = /^\+33([1-9])(\d{2})(\d{2})(\d{2})(\d{2})$/;

function readablePhone(phone: string, language: DocumentLanguage): string {
  const m = FRENCH_E164.exec(phone.trim());
  if (m === null) return phone;
  const groups = m.slice(2).join(' ');
  return language === 'fr' ? `0${m[1] ?? ''} ${groups}` : `+33 ${m[1] ?? ''} ${groups}`;
}

const LOCALES: Readonly<Record<DocumentLanguage, NumberLocale>> = { fr: 'fr-FR', en: 'en-GB' };

/** The number locale a document language prints with. */
export function documentLocale(language: DocumentLanguage): NumberLocale {
  return LOCALES[language];
}

/**
 * Formatters for one document. Calendar dates are printed as written (formatted in UTC, so no time
 * zone can shift them by a day); instants are converted to `timeZone` first.
 */
export function documentFormat(language: DocumentLanguage, currency: CurrencyCode, timeZone = 'Europe/Paris'): DocumentFormat {
  const locale = LOCALES[language];
  const words: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
  const calendar = new Intl.DateTimeFormat(locale, { ...words, timeZone: 'UTC' });
  const local = new Intl.DateTimeFormat(locale, { ...words, timeZone });
  return {
    money: (amount) => toWinAnsi(formatMoney(amount, currency, locale)),
    amount: (amount) => toWinAnsi(formatAmount(amount, locale)),
    percent: (rate) => toWinAnsi(formatPercent(rate, locale)),
    quantity: (quantity) => toWinAnsi(formatQuantity(quantity, locale)),
    date: (date) => toWinAnsi(calendar.format(new Date(`${date}T00:00:00.000Z`))),
    dateOfInstant: (instant) => toWinAnsi(local.format(new Date(instant))),
    phone: (phone) => toWinAnsi(readablePhone(phone, language)),
  };
}
