import type { Dossier } from '../pipeline/dossier.ts';
import type { Client } from '../clients/client.ts';
import type { Product } from '../catalog/product.ts';
import type { PaymentRequest, ReceivedPayment } from '../payment/payment.ts';
import type { Offer } from '../model/offer.ts';
import type { Message, MessageId } from '../model/message.ts';
import type { EventId, HistoryEvent } from '../model/event.ts';
import type { SalesDocument, SalesDocumentId } from '../model/sales-document.ts';
import type { Command, CommandId } from '../model/command.ts';
import type { ReferenceEntry, ReferenceId } from '../model/reference.ts';
import type { ClientId, DossierId, OfferId, PaymentId, ProductId, QuoteId, UserId } from '../shared/ids.ts';
import { bp, cents, milli } from '../money/units.ts';
import type { CollectionName, ComptoirDocTypes } from './collections.ts';
import { toClientDoc, type ClientDoc } from './clients.ts';
import { toDossierDoc, type DossierDoc } from './dossiers.ts';
import { toOfferDoc, type OfferDoc } from './offers.ts';
import { toPaymentDoc, type PaymentDoc } from './payments.ts';
import { toProductDoc, type ProductDoc } from './products.ts';
import { aQuote, QUOTE_T0 as T0 } from './quote-builder.ts';

// Realistic documents of every collection for tests (here and in other parts); deliberately not
// re-exported from index.ts. Each takes overrides of the domain shape and derives index keys.

const AGENT = 'user-claire' as UserId;

/** A phone request for a ski week, in progress, assigned to Claire of the Alpes team. */
export function aDossierDoc(overrides: Partial<Dossier> = {}): DossierDoc {
  return toDossierDoc({
    id: 'dossier-1' as DossierId,
    number: 'D-2026-000042',
    clientId: 'client-1' as ClientId,
    source: 'phone',
    subject: 'Semaine ski février, 2 adultes 3 enfants',
    startDate: '2026-02-14',
    endDate: '2026-02-21',
    partySize: 5,
    assignedTo: AGENT,
    team: 'alpes',
    stage: 'in_progress',
    processed: false,
    tags: ['famille', 'ski'],
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  });
}

export function aClientDoc(overrides: Partial<Client> = {}): ClientDoc {
  return toClientDoc({
    id: 'client-1' as ClientId,
    reference: 'CLI-000731',
    kind: 'person',
    companyName: '',
    firstName: 'Hélène',
    lastName: 'Dupré',
    email: 'helene.dupre@example.fr',
    phones: ['+33612345678', '+33478000000'],
    groupCode: 'CE-RENAULT',
    places: ['LYON-PART-DIEU'],
    salesRep: AGENT,
    language: 'fr',
    updatedAt: T0,
    ...overrides,
  });
}

export function aProductDoc(overrides: Partial<Product> = {}): ProductDoc {
  return toProductDoc({
    id: 'prod-ski-esf-6j' as ProductId,
    ref: 'SKI-ESF-6J',
    label: 'Cours collectifs ESF — 6 jours',
    labelEn: 'ESF group lessons — 6 days',
    family: { superFamily: 'SKI', family: 'ESF', subFamily: 'COURS' },
    tags: ['enfant', 'adulte'],
    unitPrice: cents(16_500),
    vatRate: bp(2000),
    unit: 'personne',
    sellable: true,
    stock: 'not_tracked',
    updatedAt: T0,
    ...overrides,
  });
}

/** A group offer with one engagement: a fixed price on a product and 5 % on a family. */
export function anOfferDoc(overrides: Partial<Offer> = {}): OfferDoc {
  return toOfferDoc({
    id: 'offer-1' as OfferId,
    code: 'GROUPE-CE2026',
    type: 'commercial',
    title: 'Comité d’entreprise 2026',
    scope: 'GROUP',
    scopeCode: 'CE-RENAULT',
    scopeLabel: 'CE Renault',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    showInShop: true,
    deletedAt: null,
    engagements: [
      {
        number: 1,
        startDate: null,
        endDate: null,
        discounts: [
          { code: 'ESF6', target: { kind: 'product', ref: 'SKI-ESF-6J' }, value: { kind: 'fixed', unitPrice: cents(15_000) } },
          { code: 'LOC5', target: { kind: 'family', level: 'family', code: 'LOCATION' }, value: { kind: 'percent', rate: bp(500) }, minQuantity: milli(2_000) },
        ],
      },
    ],
    updatedAt: T0,
    ...overrides,
  });
}

/** A queued 30 % deposit request on the sample quote (379.65 € TTC → 113.90 €). */
export function aDepositRequestDoc(overrides: Partial<PaymentRequest> = {}): PaymentDoc {
  return toPaymentDoc({
    id: 'payment-1' as PaymentId,
    type: 'request',
    dossierId: 'dossier-1' as DossierId,
    quoteId: 'quote-1' as QuoteId,
    kind: 'deposit',
    amount: cents(11_390),
    rate: bp(3000),
    status: 'queued',
    link: null,
    expiresAt: null,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  });
}

export function aReceivedPaymentDoc(overrides: Partial<ReceivedPayment> = {}): PaymentDoc {
  return toPaymentDoc({
    id: 'payment-2' as PaymentId,
    type: 'received',
    dossierId: 'dossier-1' as DossierId,
    quoteId: 'quote-1' as QuoteId,
    requestId: 'payment-1' as PaymentId,
    amount: cents(11_390),
    method: 'cheque',
    receivedAt: T0,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  });
}

export function aMessageDoc(overrides: Partial<Message> = {}): Message {
  return {
    id: 'message-1' as MessageId,
    dossierId: 'dossier-1' as DossierId,
    direction: 'call_note',
    channel: 'phone',
    authorId: AGENT,
    authorName: 'Claire Martin',
    subject: '',
    body: 'Rappeler jeudi : la cliente attend la réponse du CE pour les enfants.',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function anEventDoc(overrides: Partial<HistoryEvent> = {}): HistoryEvent {
  return {
    id: 'event-1' as EventId,
    dossierId: 'dossier-1' as DossierId,
    at: T0,
    actor: 'system',
    kind: 'stage_changed',
    fromStage: 'new',
    toStage: 'in_progress',
    quoteId: 'quote-1' as QuoteId,
    paymentId: null,
    amount: null,
    published: false,
    summary: 'moved automatically (priced_line_added) from new to in_progress',
    payload: { cause: 'priced_line_added' },
    updatedAt: T0,
    ...overrides,
  };
}

/** An invoice issued from the sample quote, waiting for its server-assigned number. */
export function anInvoiceDoc(overrides: Partial<SalesDocument> = {}): SalesDocument {
  return {
    id: 'document-1' as SalesDocumentId,
    kind: 'invoice',
    quoteId: 'quote-1' as QuoteId,
    dossierId: 'dossier-1' as DossierId,
    number: null,
    creditedDocumentId: null,
    currency: 'EUR',
    priceMode: 'HT',
    totals: aQuote().totals,
    issuedBy: AGENT,
    issuedAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** "Email the quote", queued offline. */
export function aCommandDoc(overrides: Partial<Command> = {}): Command {
  return {
    id: 'command-1' as CommandId,
    idempotencyKey: 'quote.email:quote-1:1',
    kind: 'quote.email',
    payload: { quoteId: 'quote-1', to: ['helene.dupre@example.fr'], templateId: 'quote-sent' },
    status: 'queued',
    result: null,
    error: null,
    createdBy: AGENT,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function aReferenceDoc(overrides: Partial<ReferenceEntry> = {}): ReferenceEntry {
  return {
    id: 'settings' as ReferenceId,
    type: 'settings',
    data: { defaultDepositRate: 3000, defaultPriceMode: 'TTC', quoteValidityDays: 30 },
    updatedAt: T0,
    ...overrides,
  };
}

/** One realistic document per collection. */
export const SAMPLE_DOCS: { readonly [K in CollectionName]: () => ComptoirDocTypes[K] } = {
  dossiers: () => aDossierDoc(),
  quotes: () => aQuote(),
  messages: () => aMessageDoc(),
  events: () => anEventDoc(),
  clients: () => aClientDoc(),
  products: () => aProductDoc(),
  offers: () => anOfferDoc(),
  payments: () => aDepositRequestDoc(),
  documents: () => anInvoiceDoc(),
  commands: () => aCommandDoc(),
  reference: () => aReferenceDoc(),
};
