import { bp } from '../money/units.ts';
import type { BasisPoints } from '../money/units.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';

/** Seed 000 "Paramétrage": the quote options an administrator sets once for the whole desk. */
export interface QuoteSettings {
  /** "Validité du devis en jours": a new draft is valid until today + this many days. */
  readonly validityDays: number;
  /** "Autorise une demande de devis sur les produits en ruptures": quote out-of-stock products. */
  readonly allowOutOfStock: boolean;
  /** Deposit asked for on a new quote, as a share of the total incl. VAT. */
  readonly defaultDepositRate: BasisPoints;
  /** VAT rates a misc or fee line may use; catalog products carry their own rate. */
  readonly allowedVatRates: readonly BasisPoints[];
}

/** French defaults: 30-day validity, 30 % deposit, the standard, intermediate, reduced, super-reduced and zero rates. */
export const DEFAULT_QUOTE_SETTINGS: QuoteSettings = {
  validityDays: 30,
  allowOutOfStock: false,
  defaultDepositRate: bp(3000),
  allowedVatRates: [bp(2000), bp(1000), bp(550), bp(210), bp(0)],
};

/** Settings with the given overrides on top of the defaults (handy for tests and partial config docs). */
export function quoteSettings(overrides: Partial<QuoteSettings> = {}): QuoteSettings {
  return { ...DEFAULT_QUOTE_SETTINGS, ...overrides };
}

/** Why an administrator's settings were refused. */
export type QuoteSettingsErrorCode =
  /** A value outside what the quote rules can honour (validity of 0 days, deposit over 100 %, no VAT rate). */
  'INVALID_SETTINGS';

const MAX_VALIDITY_DAYS = 3650;

/** Checks settings typed by an administrator before they are saved. */
export function validateQuoteSettings(settings: QuoteSettings): Result<QuoteSettings, QuoteSettingsErrorCode> {
  const { validityDays, defaultDepositRate, allowedVatRates } = settings;
  if (!Number.isInteger(validityDays) || validityDays < 1 || validityDays > MAX_VALIDITY_DAYS) {
    return err('INVALID_SETTINGS', `Validity must be between 1 and ${MAX_VALIDITY_DAYS} days.`);
  }
  if (!Number.isInteger(defaultDepositRate) || defaultDepositRate < 0 || defaultDepositRate > 10000) {
    return err('INVALID_SETTINGS', 'The default deposit must be between 0 % and 100 %.');
  }
  if (allowedVatRates.length === 0) return err('INVALID_SETTINGS', 'At least one VAT rate must be allowed.');
  if (allowedVatRates.some((rate) => !Number.isInteger(rate) || rate < 0 || rate > 10000)) {
    return err('INVALID_SETTINGS', 'VAT rates must be between 0 % and 100 %.');
  }
  return ok(settings);
}
