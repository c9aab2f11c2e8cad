import type { CompanyInfo, DocumentLanguage } from '../../core/documents/index.ts';
import type { Cents, CurrencyCode } from '../../core/money/index.ts';
import type { PaymentRequest, PaymentRequestKind } from '../../core/payment/index.ts';
import type { Quote } from '../../core/quote/index.ts';
import type { ClientDoc, DossierDoc } from '../../core/schemas/index.ts';
import type { Sql } from '../db/db.ts';
import { readDeskSettings } from '../commands/desk-settings.ts';
import { fromJson } from '../commands/json.ts';
import { customerName } from '../commands/quote-sources.ts';
import { readBody } from '../commands/server-writes.ts';
import { linkByRef } from './payment-links.ts';

/** Where a payment link stands, as its page shows it. */
export type PayState = 'payable' | 'paid' | 'expired' | 'cancelled' | 'not_ready';

/** Everything the payment page prints; nothing else of the desk leaves the server. */
export interface PayView {
  readonly state: PayState;
  readonly language: DocumentLanguage;
  readonly company: CompanyInfo;
  readonly clientName: string;
  readonly quoteNumber: string;
  readonly quoteVersion: number | null;
  readonly kind: PaymentRequestKind;
  readonly amount: Cents;
  readonly currency: CurrencyCode;
  readonly expiresAt: Date;
  readonly timeZone: string;
}

function stateOf(request: PaymentRequest, expiresAt: Date, now: Date): PayState {
  switch (request.status) {
    case 'paid':
    case 'expired':
    case 'cancelled':
      return request.status;
    case 'queued':
      return 'not_ready';
    case 'sent':
      return now.getTime() >= expiresAt.getTime() ? 'expired' : 'payable';
  }
}

/**
 * The page's view of the link `providerRef`, or null for an unknown token. The language is the
 * client's (else the desk's default) unless the visitor chose one.
 */
export async function loadPayView(sql: Sql, providerRef: string, now: Date, chosen: DocumentLanguage | null): Promise<PayView | null> {
  const link = await linkByRef(sql, providerRef);
  if (link === null) return null;
  const body = await readBody(sql, 'payments', link.paymentId);
  if (body === null || body.type !== 'request') return null;
  const request = fromJson<PaymentRequest>(body);
  const quoteBody = await readBody(sql, 'quotes', request.quoteId);
  const quote = quoteBody === null ? null : fromJson<Quote>(quoteBody);
  const dossierBody = await readBody(sql, 'dossiers', request.dossierId);
  const clientId = dossierBody === null ? null : fromJson<DossierDoc>(dossierBody).clientId;
  const clientBody = clientId === null ? null : await readBody(sql, 'clients', clientId);
  const client = clientBody === null ? null : fromJson<ClientDoc>(clientBody);
  const settings = await readDeskSettings(sql);
  return {
    state: stateOf(request, link.expiresAt, now),
    language: chosen ?? client?.language ?? settings.defaultLanguage,
    company: settings.company,
    clientName: customerName(client),
    quoteNumber: quote?.number ?? '',
    quoteVersion: quote?.version ?? null,
    kind: request.kind,
    amount: request.amount,
    currency: quote?.currency ?? 'EUR',
    expiresAt: link.expiresAt,
    timeZone: settings.timeZone,
  };
}
