import type { MigrationStrategies } from 'rxdb';
import { SALES_DOCUMENT_KINDS, type SalesDocument } from '../model/sales-document.ts';
import { defineCollectionSchema } from './define-schema.ts';
import { enumField, idField, instantField, nullable, textField } from './json-fields.ts';
import { quoteTotalsSchema } from './quote-parts.ts';

/** A document of the `documents` collection. */
export type SalesDocumentDoc = SalesDocument;

/** Orders, invoices and credit notes issued from quotes; invoice numbers are server-owned (DESIGN §8). */
export const salesDocumentSchema = defineCollectionSchema<SalesDocumentDoc>()({
  version: 0,
  title: 'documents',
  description: 'Orders, invoices and credit notes issued from quotes, with a snapshot of the totals.',
  properties: {
    id: idField(),
    kind: enumField(SALES_DOCUMENT_KINDS),
    quoteId: idField(),
    dossierId: idField(),
    number: nullable(textField(32)),
    creditedDocumentId: nullable(idField()),
    currency: enumField(['EUR', 'GBP', 'CHF', 'USD']),
    priceMode: enumField(['HT', 'TTC']),
    totals: quoteTotalsSchema(),
    issuedBy: idField(),
    issuedAt: instantField(),
    updatedAt: instantField(),
  },
  required: [
    'id', 'kind', 'quoteId', 'dossierId', 'number', 'creditedDocumentId', 'currency', 'priceMode', 'totals',
    'issuedBy', 'issuedAt', 'updatedAt',
  ],
  indexes: [
    // A dossier's documents in order.
    ['dossierId', 'issuedAt'],
    // The documents a quote was transferred to.
    'quoteId',
    // Invoice / credit-note journals.
    ['kind', 'issuedAt'],
  ],
});

/** No migrations yet: version 0. */
export const salesDocumentMigrationStrategies: MigrationStrategies = {};
