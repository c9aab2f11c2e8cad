import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney, formatPercent, formatQuantity } from './format.ts';
import { bp, cents, milli } from './units.ts';

/** fr-FR uses U+202F and U+00A0; normalise them so expectations stay readable. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f\u2009]/g, ' ');

describe('formatMoney', () => {
  it('formats French amounts with spaces and a trailing euro sign', () => {
    expect(plain(formatMoney(cents(123456), 'EUR', 'fr-FR'))).toBe('1 234,56 €');
    expect(plain(formatMoney(cents(-5), 'EUR', 'fr-FR'))).toBe('-0,05 €');
    expect(plain(formatMoney(cents(0), 'EUR', 'fr-FR'))).toBe('0,00 €');
  });

  it('uses no-break spaces in French, so a line break never splits an amount', () => {
    expect(formatMoney(cents(123456), 'EUR', 'fr-FR')).not.toMatch(/ /);
  });

  it('formats English amounts with a leading symbol', () => {
    expect(formatMoney(cents(123456), 'EUR', 'en-GB')).toBe('€1,234.56');
    expect(formatMoney(cents(99), 'GBP', 'en-GB')).toBe('£0.99');
  });

  it('prints amounts beyond float precision exactly', () => {
    expect(plain(formatMoney(cents(Number.MAX_SAFE_INTEGER), 'EUR', 'fr-FR'))).toBe('90 071 992 547 409,91 €');
  });

  it('formats bare amounts for table columns', () => {
    expect(plain(formatAmount(cents(100050), 'fr-FR'))).toBe('1 000,50');
    expect(formatAmount(cents(100050), 'en-GB')).toBe('1,000.50');
  });
});

describe('formatPercent and formatQuantity', () => {
  it('shows only the decimals a rate needs', () => {
    expect(plain(formatPercent(bp(550), 'fr-FR'))).toBe('5,5 %');
    expect(plain(formatPercent(bp(2000), 'fr-FR'))).toBe('20 %');
    expect(formatPercent(bp(1250), 'en-GB')).toBe('12.5%');
    expect(formatPercent(bp(1), 'en-GB')).toBe('0.01%');
  });

  it('shows quantities with up to three decimals', () => {
    expect(formatQuantity(milli(1500), 'fr-FR')).toBe('1,5');
    expect(formatQuantity(milli(2000), 'en-GB')).toBe('2');
    expect(plain(formatQuantity(milli(1250125), 'fr-FR'))).toBe('1 250,125');
    expect(formatQuantity(milli(5), 'en-GB')).toBe('0.005');
  });
});
