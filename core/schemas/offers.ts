import type { MigrationStrategies } from 'rxdb';
import {
  FAMILY_LEVELS, OFFER_SCOPES, OFFER_TYPES,
  type Offer, type OfferDiscount, type OfferDiscountTarget, type OfferDiscountValue, type OfferEngagement,
} from '../model/offer.ts';
import { defineCollectionSchema } from './define-schema.ts';
import {
  arrayOf, booleanField, centsField, dateField, enumField, idField, instantField, integerField, milliField, nullable,
  objectOf, rateField, textField, unionOf, type TypedSchema,
} from './json-fields.ts';

const CODE_MAX = 64;
export const SCOPE_KEY_MAX_LENGTH = 'CLIENT:'.length + CODE_MAX;

/**
 * A derived, indexed scope: `ALL:`, `GROUP:<group code>`, `CLIENT:<client reference>` or
 * `PLACE:<place code>`. The offers applying to a client are one `$in` query on this index.
 * Written by `toOfferDoc` (and the collection hooks).
 */
export interface OfferIndexKeys {
  readonly scopeKey: string;
}

/** A document of the `offers` collection. */
export type OfferDoc = Offer & OfferIndexKeys;

/** The scope key of an offer (see `OfferIndexKeys`). */
export function offerScopeKey(offer: Pick<Offer, 'scope' | 'scopeCode'>): string {
  return `${offer.scope}:${offer.scopeCode ?? ''}`;
}

/** The stored form of an offer: the domain shape plus its scope key. */
export function toOfferDoc(offer: Offer): OfferDoc {
  return { ...offer, scopeKey: offerScopeKey(offer) };
}

function discountSchema(): TypedSchema {
  const target = unionOf([
    objectOf<Extract<OfferDiscountTarget, { kind: 'product' }>>({ kind: enumField(['product']), ref: textField(64, 1) }),
    objectOf<Extract<OfferDiscountTarget, { kind: 'family' }>>({
      kind: enumField(['family']),
      level: enumField(FAMILY_LEVELS),
      code: textField(CODE_MAX, 1),
    }),
    objectOf<Extract<OfferDiscountTarget, { kind: 'catalog' }>>({ kind: enumField(['catalog']) }),
  ]);
  const value = unionOf([
    objectOf<Extract<OfferDiscountValue, { kind: 'fixed' }>>({ kind: enumField(['fixed']), unitPrice: centsField() }),
    objectOf<Extract<OfferDiscountValue, { kind: 'percent' }>>({ kind: enumField(['percent']), rate: rateField() }),
  ]);
  return objectOf<OfferDiscount>({ code: textField(CODE_MAX, 1), target, value, minQuantity: milliField() }, ['minQuantity']);
}

function engagementSchema(): TypedSchema {
  return objectOf<OfferEngagement>({
    number: integerField(1, 1_000_000),
    startDate: nullable(dateField()),
    endDate: nullable(dateField()),
    discounts: arrayOf(discountSchema(), 5000),
  });
}

/** Admin-written; soft-deleted through `deletedAt` (restorable 30 days, DESIGN §6). */
export const offerSchema = defineCollectionSchema<OfferDoc>()({
  version: 0,
  title: 'offers',
  description: 'Offers (seed 002) with embedded engagements and discounts, scope and validity dates.',
  properties: {
    id: idField(),
    code: textField(CODE_MAX, 1),
    type: enumField(OFFER_TYPES),
    title: textField(500),
    scope: enumField(OFFER_SCOPES),
    scopeCode: nullable(textField(CODE_MAX)),
    scopeLabel: textField(200),
    startDate: nullable(dateField()),
    endDate: nullable(dateField()),
    showInShop: booleanField(),
    deletedAt: nullable(instantField()),
    engagements: arrayOf(engagementSchema(), 500),
    updatedAt: instantField(),
    scopeKey: textField(SCOPE_KEY_MAX_LENGTH),
  },
  required: [
    'id', 'code', 'type', 'title', 'scope', 'scopeCode', 'scopeLabel', 'startDate', 'endDate', 'showInShop',
    'deletedAt', 'engagements', 'updatedAt', 'scopeKey',
  ],
  indexes: [
    // Unique code: CSV import upserts by it.
    'code',
    // Offers applying to a client: ALL:, GROUP:<g>, CLIENT:<ref>, PLACE:<p>.
    'scopeKey',
  ],
});

/** No migrations yet: version 0. */
export const offerMigrationStrategies: MigrationStrategies = {};
