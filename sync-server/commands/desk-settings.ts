import type { CompanyInfo, DocumentLanguage } from '../../core/documents/index.ts';
import type { JsonObject, JsonValue } from '../../core/model/json.ts';
import type { Sql } from '../db/db.ts';
import { object, text } from './json.ts';

/** What the commands read from the desk's `settings` reference document (core/demo shows its shape). */
export interface DeskSettings {
  /** The seller printed on the PDF and the payment page; a neutral placeholder until an admin sets it. */
  readonly company: CompanyInfo;
  readonly defaultLanguage: DocumentLanguage;
  readonly timeZone: string;
  /** Seed 000 "Mail du responsable commercial": copied on every quote email when set. */
  readonly salesManagerEmail: string | null;
  /** Seed 000 "Active l'envoi du devis au commercial du client": copy the client's sales rep. */
  readonly copyToClientSalesRep: boolean;
  /** How long a payment link stays valid. */
  readonly paymentExpiryDays: number;
}

const DEFAULT_EXPIRY_DAYS = 7;
const MAX_EXPIRY_DAYS = 90;

const PLACEHOLDER_COMPANY: CompanyInfo = { name: 'Comptoir', addressLines: [], phone: '', email: '', siret: '', vatNumber: '' };

function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function company(data: JsonObject | null): CompanyInfo {
  if (data === null) return PLACEHOLDER_COMPANY;
  const website = text(data.website);
  const legalMention = text(data.legalMention);
  return {
    name: text(data.name) ?? PLACEHOLDER_COMPANY.name,
    addressLines: strings(data.addressLines),
    phone: text(data.phone) ?? '',
    email: text(data.email) ?? '',
    siret: text(data.siret) ?? '',
    vatNumber: text(data.vatNumber) ?? '',
    ...(website !== null ? { website } : {}),
    ...(legalMention !== null ? { legalMention } : {}),
  };
}

/** Parses a settings document's `data`, tolerating missing parts (an admin may not have set them yet). */
export function parseDeskSettings(data: JsonObject | null): DeskSettings {
  const quotes = object(data?.quotes);
  const payments = object(data?.payments);
  const days = payments?.requestExpiryDays;
  return {
    company: company(object(data?.company)),
    defaultLanguage: data?.defaultLanguage === 'en' ? 'en' : 'fr',
    timeZone: text(data?.timeZone) ?? 'Europe/Paris',
    salesManagerEmail: text(quotes?.salesManagerEmail),
    copyToClientSalesRep: quotes?.copyToClientSalesRep === true,
    paymentExpiryDays: typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_EXPIRY_DAYS ? days : DEFAULT_EXPIRY_DAYS,
  };
}

/** The `data` of every live reference document of `type`, the document with id = type first. */
export async function readReferenceData(sql: Sql, type: string): Promise<JsonObject[]> {
  const rows = await sql.query<{ doc: JsonObject }>(
    `SELECT doc FROM docs WHERE collection = 'reference' AND deleted = false AND doc->>'type' = $1
     ORDER BY (id = $1) DESC, seq DESC`,
    [type],
  );
  return rows.map((row) => object(row.doc.data)).filter((data): data is JsonObject => data !== null);
}

/** The desk's settings as stored now. */
export async function readDeskSettings(sql: Sql): Promise<DeskSettings> {
  return parseDeskSettings((await readReferenceData(sql, 'settings'))[0] ?? null);
}
