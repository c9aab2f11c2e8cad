import type { Quote, QuoteLine } from '../quote/quote.ts';
import type { DossierId, ProductId, QuoteId, QuoteLineId } from '../shared/ids.ts';
import { bp, cents, milli } from '../money/units.ts';

// A realistic quote for schema tests (here and in other parts); deliberately not re-exported from index.ts.

export const QUOTE_T0 = '2026-03-02T09:30:00.000Z';

/** A product line with a 10 % line discount, a misc line, a fee line and a comment line. */
export function aQuoteLines(): QuoteLine[] {
  return [
    {
      id: 'line-1' as QuoteLineId,
      kind: 'product',
      productId: 'prod-ski-esf-6j' as ProductId,
      productRef: 'SKI-ESF-6J',
      label: 'Cours collectifs ESF — 6 jours',
      unitPrice: cents(15_000),
      quantity: milli(2_000),
      vatRate: bp(2000),
      discount: { kind: 'percent', rate: bp(1000) },
      pricing: { source: 'offer', listPrice: cents(16_500), explanation: 'Offre GROUPE-CE2026, engagement 1, remise ESF6', offerRef: 'GROUPE-CE2026/1/ESF6' },
    },
    {
      id: 'line-2' as QuoteLineId,
      kind: 'misc',
      label: 'Transfert aéroport Genève → station',
      unitPrice: cents(4_500),
      quantity: milli(1_000),
      vatRate: bp(1000),
      discount: null,
    },
    { id: 'line-3' as QuoteLineId, kind: 'fee', label: 'Frais de dossier', amount: cents(1_500), vatRate: bp(2000) },
    { id: 'line-4' as QuoteLineId, kind: 'comment', text: 'Matériel de ski fourni par le client.' },
  ];
}

/**
 * Quote Q-2026-000123 v1 (HT): lines 330.00 €, a 10.00 € footer discount spread 8.57 / 1.43 over
 * the 20 % and 10 % lines, total 320.00 € HT, 379.65 € TTC.
 */
export function aQuote(overrides: Partial<Quote> = {}): Quote {
  return {
    id: 'quote-1' as QuoteId,
    dossierId: 'dossier-1' as DossierId,
    number: 'Q-2026-000123',
    version: 1,
    previousVersionId: null,
    status: 'draft',
    priceMode: 'HT',
    currency: 'EUR',
    lines: aQuoteLines(),
    footerDiscount: { kind: 'amount', amount: cents(1_000) },
    depositRate: bp(3000),
    validUntil: '2026-03-31',
    negotiation: { state: 'untreated', clientComment: 'Peut-on avoir un prix pour 3 enfants ?', internalComment: '' },
    transferredToOrder: null,
    transferredToInvoice: null,
    datesChanged: false,
    totals: {
      linesTotal: cents(33_000),
      footerDiscount: cents(1_000),
      totalNet: cents(32_000),
      totalVat: cents(5_965),
      totalGross: cents(37_965),
      byRate: [
        { vatRate: bp(2000), net: cents(27_643), vat: cents(5_529), gross: cents(33_172), footerDiscountShare: cents(857) },
        { vatRate: bp(1000), net: cents(4_357), vat: cents(436), gross: cents(4_793), footerDiscountShare: cents(143) },
      ],
    },
    createdAt: QUOTE_T0,
    updatedAt: QUOTE_T0,
    sentAt: null,
    decidedAt: null,
    ...overrides,
  };
}
