import { fixedClock } from '../shared/clock.ts';
import type { ClientId, DossierId, ProductId, QuoteId, QuoteLineId, UserId } from '../shared/ids.ts';
import { sequentialIds } from '../shared/ids.ts';
import { bp, cents, milli } from '../money/units.ts';
import type { Quote, QuoteLine } from '../quote/quote.ts';
import type { Dossier, Stage } from './dossier.ts';
import type { PipelineContext } from './dossier-event.ts';
import { NO_FACTS } from './pipeline-facts.ts';
import type { PipelineFacts } from './pipeline-facts.ts';

// Builders for tests (here and in other parts); deliberately not re-exported from index.ts.

export const T0 = '2026-05-04T09:00:00.000Z';
export const AGENT = 'agent-claire' as UserId;

/** Agent Claire acting at a fixed time, with deterministic event ids. */
export function aPipelineContext(at = T0, actor: PipelineContext['actor'] = AGENT): PipelineContext {
  return { actor, clock: fixedClock(at), ids: sequentialIds('evt') };
}

/** A phone request in stage `new`. */
export function aDossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: 'dossier-1' as DossierId,
    number: 'D-2026-000042',
    clientId: 'client-1' as ClientId,
    source: 'phone',
    subject: 'Ski week for a family of four',
    startDate: '2027-02-06',
    endDate: '2027-02-13',
    partySize: 4,
    assignedTo: AGENT,
    team: 'desk',
    stage: 'new',
    processed: false,
    tags: [],
    createdAt: '2026-05-01T08:00:00.000Z',
    updatedAt: '2026-05-01T08:00:00.000Z',
    ...overrides,
  };
}

/**
 * The facts of a dossier that sits naturally in `stage`: a 1 000.00 € quote with a 300.00 € deposit,
 * accepted, requested and paid as far as the stage implies.
 */
export function factsFor(stage: Stage): PipelineFacts {
  const quoted = { ...NO_FACTS, hasPricedLines: true, totalGross: cents(100_000), depositAmount: cents(30_000) };
  const agreed = { ...quoted, hasAcceptedQuote: true, hasPaymentRequest: true };
  switch (stage) {
    case 'new':
      return NO_FACTS;
    case 'in_progress':
      return quoted;
    case 'awaiting_payment':
      return agreed;
    case 'deposit_paid':
      return { ...agreed, totalReceived: cents(30_000) };
    case 'paid':
    case 'processed':
    case 'archived':
      return { ...agreed, totalReceived: cents(100_000) };
  }
}

/** A dossier sitting naturally in `stage` (processed box ticked from `processed` on). */
export function aDossierIn(stage: Stage): Dossier {
  return aDossier({ stage, processed: stage === 'processed' || stage === 'archived' });
}

/** A product line of 1 000.00 € TTC. */
export function aProductLine(id = 'line-1'): QuoteLine {
  return {
    id: id as QuoteLineId,
    kind: 'product',
    productId: 'product-1' as ProductId,
    productRef: 'SKI-6J',
    label: 'Ski pass, 6 days',
    unitPrice: cents(25_000),
    quantity: milli(4000),
    vatRate: bp(2000),
    discount: null,
    pricing: null,
  };
}

/** A draft quote v1 on dossier-1 with no lines. */
export function aQuote(overrides: Partial<Quote> = {}): Quote {
  return {
    id: 'quote-1' as QuoteId,
    dossierId: 'dossier-1' as DossierId,
    number: 'Q-2026-000123',
    version: 1,
    previousVersionId: null,
    status: 'draft',
    priceMode: 'TTC',
    currency: 'EUR',
    lines: [],
    footerDiscount: null,
    depositRate: bp(3000),
    validUntil: '2026-06-04',
    negotiation: { state: 'none', clientComment: '', internalComment: '' },
    transferredToOrder: null,
    transferredToInvoice: null,
    datesChanged: false,
    totals: { linesTotal: cents(0), footerDiscount: cents(0), totalNet: cents(0), totalVat: cents(0), totalGross: cents(0), byRate: [] },
    createdAt: T0,
    updatedAt: T0,
    sentAt: null,
    decidedAt: null,
    ...overrides,
  };
}

/** A quote carrying one 1 000.00 € line. */
export function aPricedQuote(overrides: Partial<Quote> = {}): Quote {
  const total = cents(100_000);
  return aQuote({
    lines: [aProductLine()],
    totals: { linesTotal: total, footerDiscount: cents(0), totalNet: cents(83_333), totalVat: cents(16_667), totalGross: total, byRate: [] },
    ...overrides,
  });
}
