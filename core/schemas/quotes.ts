import type { MigrationStrategies } from 'rxdb';
import type { Quote } from '../quote/quote.ts';
import { defineCollectionSchema } from './define-schema.ts';
import { booleanField, dateField, enumField, idField, instantField, integerField, nullable, rateField, textField } from './json-fields.ts';
import { discountSchema, negotiationSchema, quoteLinesSchema, quoteTotalsSchema } from './quote-parts.ts';

/** A document of the `quotes` collection: exactly the domain quote. */
export type QuoteDoc = Quote;

/** Versions per quote number; far above any real negotiation, low enough to index compactly. */
export const MAX_QUOTE_VERSION = 9999;

/**
 * Mutable while draft; a sent version is frozen and edits create the next version (DESIGN §3).
 * Lines are embedded and merge by line id on conflict (DESIGN §9).
 */
export const quoteSchema = defineCollectionSchema<QuoteDoc>()({
  version: 0,
  title: 'quotes',
  description: 'Quote versions with embedded lines, discounts, negotiation state and computed totals.',
  properties: {
    id: idField(),
    dossierId: idField(),
    number: textField(32, 1),
    version: integerField(1, MAX_QUOTE_VERSION),
    previousVersionId: nullable(idField()),
    status: enumField(['draft', 'sent', 'accepted', 'declined', 'expired']),
    priceMode: enumField(['HT', 'TTC']),
    currency: enumField(['EUR', 'GBP', 'CHF', 'USD']),
    lines: quoteLinesSchema(),
    footerDiscount: nullable(discountSchema()),
    depositRate: rateField(),
    validUntil: dateField(),
    negotiation: negotiationSchema(),
    transferredToOrder: nullable(idField()),
    transferredToInvoice: nullable(idField()),
    datesChanged: booleanField(),
    totals: quoteTotalsSchema(),
    createdAt: instantField(),
    updatedAt: instantField(),
    sentAt: nullable(instantField()),
    decidedAt: nullable(instantField()),
  },
  required: [
    'id', 'dossierId', 'number', 'version', 'previousVersionId', 'status', 'priceMode', 'currency', 'lines',
    'footerDiscount', 'depositRate', 'validUntil', 'negotiation', 'transferredToOrder', 'transferredToInvoice',
    'datesChanged', 'totals', 'createdAt', 'updatedAt', 'sentAt', 'decidedAt',
  ],
  indexes: [
    // A dossier's quotes, version by version.
    ['dossierId', 'version'],
    // Lookup by the number read out on the phone (all versions, latest last).
    ['number', 'version'],
    // Follow-ups: sent quotes by expiry date.
    ['status', 'validUntil'],
  ],
});

/** No migrations yet: version 0. */
export const quoteMigrationStrategies: MigrationStrategies = {};
