import type { ClientDatabase } from '../../core/replication/index.ts';
import { bp, type BasisPoints } from '../../core/money/index.ts';
import type { PriceMode, QuoteSettings } from '../../core/quote/index.ts';
import { quoteSettings } from '../../core/quote/index.ts';
import type { CompanyInfo } from '../../core/documents/index.ts';
import type { JsonObject, JsonValue } from '../../core/model/json.ts';

/**
 * The admin settings a desk works with, read from the `reference` document of type `settings`:
 * quote settings (seed 000) and `company`, the seller printed on quotes (core/documents CompanyInfo).
 */
export interface DeskSettings {
  readonly quote: QuoteSettings;
  readonly defaultPriceMode: PriceMode;
  readonly company: CompanyInfo;
}

const DEFAULT_COMPANY: CompanyInfo = { name: 'Comptoir', addressLines: [], phone: '', email: '', siret: '', vatNumber: '' };

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
  const optional = (key: 'website' | 'legalMention') => (typeof c[key] === 'string' ? { [key]: c[key] } : {});
  return {
    name: str(c['name'], DEFAULT_COMPANY.name),
    addressLines: strings(c['addressLines']),
    phone: str(c['phone']),
    email: str(c['email']),
    siret: str(c['siret']),
    vatNumber: str(c['vatNumber']),
    ...optional('website'),
    ...optional('legalMention'),
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

export async function loadDeskSettings(db: ClientDatabase): Promise<DeskSettings> {
  const doc = await db.reference.findOne({ selector: { type: 'settings' } }).exec();
  return parseDeskSettings(doc ? (doc.toMutableJSON().data as JsonObject) : null);
}
