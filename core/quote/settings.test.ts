import { describe, expect, it } from 'vitest';
import { bp } from '../money/units.ts';
import { DEFAULT_QUOTE_SETTINGS, quoteSettings, validateQuoteSettings } from './settings.ts';

describe('quote settings', () => {
  it('defaults to 30 days, 30 % deposit, no out-of-stock quotes and the French VAT rates', () => {
    expect(DEFAULT_QUOTE_SETTINGS).toEqual({
      validityDays: 30,
      allowOutOfStock: false,
      defaultDepositRate: 3000,
      allowedVatRates: [2000, 1000, 550, 210, 0],
    });
    expect(validateQuoteSettings(DEFAULT_QUOTE_SETTINGS).ok).toBe(true);
  });

  it.each([
    ['zero validity', { validityDays: 0 }],
    ['fractional validity', { validityDays: 1.5 }],
    ['deposit over 100 %', { defaultDepositRate: bp(10001) }],
    ['no VAT rate', { allowedVatRates: [] }],
    ['negative VAT rate', { allowedVatRates: [bp(-1)] }],
  ])('refuses %s', (_, overrides) => {
    const result = validateQuoteSettings(quoteSettings(overrides));
    expect(result.ok ? 'ok' : result.error.code).toBe('INVALID_SETTINGS');
  });
});
