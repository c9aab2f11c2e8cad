import { bp, type BasisPoints } from '../../core/money/index.ts';
import type { PriceMode, QuoteSettings } from '../../core/quote/index.ts';
import { quoteSettings } from '../../core/quote/index.ts';
import type { JsonObject, JsonValue } from '../../core/model/json.ts';
import type { ComptoirDatabase } from '../../core/schemas/index.ts';

/** The company block printed at the top of every quote. */
export interface CompanyInfo {
  readonly name: string;
  readonly addressLines: readonly string[];
  readonly phone: string;
  readonly email: string;
  /** SIRET, VAT number… one line each. */
  readonly legalLines: readonly string[];
}

/** The admin settings a desk works with, read from the `reference` document of type `settings`. */
export interface DeskSettings {
  readonly quote: QuoteSettings;
  readonly defaultPriceMode: PriceMode;
  readonly company: CompanyInfo;
}

const DEFAULT_COMPANY: CompanyInfo = { name: 'Comptoir', addressLines: [], phone: '', email: '', legalLines: [] };

function num(value: JsonValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function str(value: JsonValue | undefined, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function company(raw: JsonValue | undefined): CompanyInfo {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return DEFAULT_COMPANY;
  const c = raw as JsonObject;
  return {
    name: str(c['name'], DEFAULT_COMPANY.name),
    addressLines: strings(c['addressLines']),
    phone: str(c['phone']),
    email: str(c['email']),
    legalLines: strings(c['legalLines']),
  };
}

/**
 * Reads settings defensively: a missing or malformed value falls back to core's defaults (seed 000:
 * 30-day validity, 30 % deposit, out-of-stock quoting off).
 */
export function parseDeskSettings(data: JsonObject | null): DeskSettings {
  const d = data ?? {};
  const rates = Array.isArray(d['allowedVatRates']) ? (d['allowedVatRates'] as JsonValue[]).map(num).filter((r): r is number => r !== undefined) : [];
  const overrides: Partial<{ -readonly [K in keyof QuoteSettings]: QuoteSettings[K] }> = {};
  const validity = num(d['quoteValidityDays']) ?? num(d['validityDays']);
  if (validity !== undefined) overrides.validityDays = validity;
  const deposit = num(d['defaultDepositRate']);
  if (deposit !== undefined) overrides.defaultDepositRate = bp(deposit);
  if (typeof d['allowOutOfStock'] === 'boolean') overrides.allowOutOfStock = d['allowOutOfStock'];
  if (rates.length > 0) overrides.allowedVatRates = rates.map((r) => bp(r) as BasisPoints);
  return {
    quote: quoteSettings(overrides),
    defaultPriceMode: d['defaultPriceMode'] === 'HT' ? 'HT' : 'TTC',
    company: company(d['company']),
  };
}

export async function loadDeskSettings(db: ComptoirDatabase): Promise<DeskSettings> {
  const doc = await db.reference.findOne({ selector: { type: 'settings' } }).exec();
  return parseDeskSettings(doc ? (doc.toMutableJSON().data as JsonObject) : null);
}
