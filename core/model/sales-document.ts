import type { Brand } from '../shared/brand.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { DossierId, QuoteId, UserId } from '../shared/ids.ts';
import type { CurrencyCode } from '../money/units.ts';
import type { PriceMode, QuoteTotals } from '../quote/quote.ts';

export type SalesDocumentId = Brand<string, 'SalesDocumentId'>;

/** Seed 000 "transférer en commande / facture", plus the credit note that cancels an invoice. */
export const SALES_DOCUMENT_KINDS = ['order', 'invoice', 'credit_note'] as const;
export type SalesDocumentKind = (typeof SALES_DOCUMENT_KINDS)[number];

/**
 * An order, invoice or credit note issued from a quote (`documents` collection). Its totals are a
 * snapshot: later edits to the quote never change an issued document.
 */
export interface SalesDocument {
  readonly id: SalesDocumentId;
  readonly kind: SalesDocumentKind;
  readonly quoteId: QuoteId;
  readonly dossierId: DossierId;
  /**
   * Server-owned. Invoice and credit-note numbers are gapless and chronological (French rule), so
   * only the server assigns them (DESIGN §8); null until it has.
   */
  readonly number: string | null;
  /** For a credit note: the invoice it cancels. */
  readonly creditedDocumentId: SalesDocumentId | null;
  readonly currency: CurrencyCode;
  readonly priceMode: PriceMode;
  readonly totals: QuoteTotals;
  readonly issuedBy: UserId;
  readonly issuedAt: IsoInstant;
  readonly updatedAt: IsoInstant;
}
