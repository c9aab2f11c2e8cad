import type { JsonSchema, MigrationStrategies } from 'rxdb';
import type { Payment, PaymentRequest, PaymentRequestStatus, ReceivedPayment } from '../payment/payment.ts';
import { defineCollectionSchema } from './define-schema.ts';
import { centsField, enumField, idField, instantField, nullable, rateField, textField } from './json-fields.ts';

/** A request's own status, or `received` for money received. */
export type PaymentStatusKey = PaymentRequestStatus | 'received';
export const PAYMENT_STATUS_KEYS: readonly PaymentStatusKey[] = ['queued', 'sent', 'paid', 'expired', 'cancelled', 'received'];

/**
 * A derived, indexed status for both kinds of payment (received payments have no `status` of their
 * own, and an index field must be present on every document). Written by `toPaymentDoc` (and the
 * collection hooks).
 */
export interface PaymentIndexKeys {
  readonly statusKey: PaymentStatusKey;
}

/** A document of the `payments` collection: a payment request or a received payment, by `type`. */
export type PaymentDoc = (PaymentRequest & PaymentIndexKeys) | (ReceivedPayment & PaymentIndexKeys);

/** The stored form of a payment: the domain shape plus its status key. */
export function toPaymentDoc(payment: Payment): PaymentDoc {
  return payment.type === 'request' ? { ...payment, statusKey: payment.status } : { ...payment, statusKey: 'received' };
}

/**
 * One member of the union: its discriminator, its own required fields, and the fields of the other
 * member forbidden. Required names are repeated as empty schemas because ajv's strict mode wants
 * every required name declared beside it.
 */
function variant(discriminator: Record<string, JsonSchema>, required: readonly string[], forbidden: readonly string[]): JsonSchema {
  const declared = Object.fromEntries(required.map((field) => [field, {}]));
  const absent = Object.fromEntries(forbidden.map((field) => [field, { not: {} }]));
  return { properties: { ...declared, ...absent, ...discriminator }, required: [...required] };
}

const COMMON = ['id', 'type', 'dossierId', 'quoteId', 'amount', 'createdAt', 'updatedAt', 'statusKey'] as const;

/**
 * Payment requests and received payments in one collection (DESIGN §3). Request statuses and links
 * are server-owned (see SERVER_OWNED_FIELDS). Each `type` has its own required fields, enforced by
 * the top-level `oneOf`.
 */
export const paymentSchema = defineCollectionSchema<PaymentDoc>()({
  version: 0,
  title: 'payments',
  description: 'Payment requests (deposit, balance, full) with server-owned status and link, and payments received.',
  properties: {
    id: idField(),
    type: enumField(['request', 'received']),
    dossierId: idField(),
    quoteId: idField(),
    kind: enumField(['deposit', 'balance', 'full']),
    amount: centsField(),
    rate: nullable(rateField()),
    status: enumField(['queued', 'sent', 'paid', 'expired', 'cancelled']),
    link: nullable(textField(2048)),
    expiresAt: nullable(instantField()),
    requestId: nullable(idField()),
    method: enumField(['card', 'transfer', 'cheque', 'cash', 'other']),
    receivedAt: instantField(),
    createdAt: instantField(),
    updatedAt: instantField(),
    statusKey: enumField(PAYMENT_STATUS_KEYS),
  },
  required: COMMON,
  variants: [
    variant(
      { type: { enum: ['request'] }, statusKey: { enum: ['queued', 'sent', 'paid', 'expired', 'cancelled'] } },
      [...COMMON, 'kind', 'rate', 'status', 'link', 'expiresAt'],
      ['requestId', 'method', 'receivedAt'],
    ),
    variant(
      { type: { enum: ['received'] }, statusKey: { enum: ['received'] } },
      [...COMMON, 'requestId', 'method', 'receivedAt'],
      ['kind', 'rate', 'status', 'link', 'expiresAt'],
    ),
  ],
  indexes: [
    // A dossier's payments in order (deposit, balance, received).
    ['dossierId', 'createdAt'],
    // Outstanding requests (queued/sent), received payments, per status over time.
    ['statusKey', 'createdAt'],
  ],
});

/** No migrations yet: version 0. */
export const paymentMigrationStrategies: MigrationStrategies = {};
