import type { DocumentRecipient, QuotePdfInput } from '../../core/documents/index.ts';
import type { JsonObject } from '../../core/model/json.ts';
import { cents } from '../../core/money/index.ts';
import type { Payment } from '../../core/payment/index.ts';
import type { Quote } from '../../core/quote/index.ts';
import type { ClientDoc, DossierDoc } from '../../core/schemas/index.ts';
import type { Sql } from '../db/db.ts';
import type { DeskSettings } from './desk-settings.ts';
import { fromJson } from './json.ts';
import { readBody, readOne } from './server-writes.ts';

/** A quote with what its PDF, email or payment page print about it. */
export interface QuoteSources {
  readonly quote: Quote;
  readonly dossier: DossierDoc | null;
  readonly client: ClientDoc | null;
  /** Every payment of the dossier (requests and received). */
  readonly payments: readonly Payment[];
}

export type QuoteLookup = { readonly found: true; readonly sources: QuoteSources } | { readonly found: false; readonly deleted: boolean };

/** Loads a quote and its dossier, client and payments as stored now. */
export async function loadQuoteSources(sql: Sql, quoteId: string): Promise<QuoteLookup> {
  const stored = await readOne(sql, 'quotes', quoteId);
  if (stored === null || stored.deleted) return { found: false, deleted: stored !== null };
  const quote = fromJson<Quote>(stored.body);
  const dossierBody = await readBody(sql, 'dossiers', quote.dossierId);
  const dossier = dossierBody === null ? null : fromJson<DossierDoc>(dossierBody);
  const clientBody = dossier?.clientId ? await readBody(sql, 'clients', dossier.clientId) : null;
  return { found: true, sources: { quote, dossier, client: clientBody === null ? null : fromJson<ClientDoc>(clientBody), payments: await dossierPayments(sql, quote.dossierId) } };
}

/** The live payments of a dossier, oldest first. */
export async function dossierPayments(sql: Sql, dossierId: string): Promise<Payment[]> {
  const rows = await sql.query<{ doc: JsonObject }>(
    `SELECT doc FROM docs WHERE collection = 'payments' AND dossier_id = $1 AND deleted = false ORDER BY doc->>'createdAt', id`,
    [dossierId],
  );
  return rows.map((row) => fromJson<Payment>(row.doc));
}

/** The customer block of the PDF, built as the desktop builds it (renderer/quote/quote-pdf.ts). */
export function pdfRecipient(client: ClientDoc | null): DocumentRecipient {
  if (client === null) return { name: '' };
  const name = [client.firstName, client.lastName].filter((part) => part !== '').join(' ');
  return { name, company: client.companyName, email: client.email, phone: client.phones[0] ?? '', reference: client.reference };
}

/** How to address the customer in an email or on the payment page. */
export function customerName(client: ClientDoc | null): string {
  if (client === null) return '';
  const person = [client.firstName, client.lastName].filter((part) => part !== '').join(' ');
  return person !== '' ? person : client.companyName;
}

/** The PDF input, the same as the desktop's for the same documents. */
export function quotePdfInput(sources: QuoteSources, settings: DeskSettings, language: 'fr' | 'en', createdAt: string): QuotePdfInput {
  const { quote, dossier, client } = sources;
  let received = 0;
  for (const p of sources.payments) if (p.type === 'received' && p.quoteId === quote.id) received += p.amount;
  return {
    quote,
    company: settings.company,
    client: pdfRecipient(client),
    language,
    createdAt,
    timeZone: settings.timeZone,
    subject: dossier?.subject ?? '',
    dossierNumber: dossier?.number ?? '',
    stay: dossier?.startDate && dossier.endDate ? { start: dossier.startDate, end: dossier.endDate } : null,
    received: cents(received),
  };
}

/** The PDF's file name, as the desktop saves it. */
export function pdfFileName(quote: Pick<Quote, 'number' | 'version'>): string {
  return `${quote.number}-v${quote.version}.pdf`;
}
