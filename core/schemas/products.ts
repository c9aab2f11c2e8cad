import type { MigrationStrategies } from 'rxdb';
import type { FamilyPath, Product } from '../catalog/product.ts';
import { defineCollectionSchema } from './define-schema.ts';
import { arrayOf, booleanField, centsField, enumField, idField, instantField, nullable, objectOf, rateField, textField } from './json-fields.ts';

const FAMILY_CODE_MAX = 64;
/** Three codes and three separators. */
export const FAMILY_KEY_MAX_LENGTH = 3 * (FAMILY_CODE_MAX + 1);

/**
 * A derived, indexed family path: the codes present, each followed by `/`, e.g. `SKI/ESF/6J/`,
 * `SKI/` or `` for an unclassified product. A prefix query (`SKI/ESF/`) finds a family at any
 * level with one index. Written by `toProductDoc` (and the collection hooks).
 */
export interface ProductIndexKeys {
  readonly familyKey: string;
}

/** A document of the `products` collection. */
export type ProductDoc = Product & ProductIndexKeys;

/** The family key of a path (see `ProductIndexKeys`); a level without its parent ends the key. */
export function familyKey(path: FamilyPath): string {
  let key = '';
  for (const code of [path.superFamily, path.family, path.subFamily]) {
    if (code === null || code === '') break;
    key += `${code}/`;
  }
  return key;
}

/** The stored form of a product: the domain shape plus its family key. */
export function toProductDoc(product: Product): ProductDoc {
  return { ...product, familyKey: familyKey(product.family) };
}

/** Admin-written; read by everyone. */
export const productSchema = defineCollectionSchema<ProductDoc>()({
  version: 0,
  title: 'products',
  description: 'Catalog items and services: ref, labels, family path, tags, unit price, VAT rate, unit, stock.',
  properties: {
    id: idField(),
    ref: textField(64, 1),
    label: textField(500),
    labelEn: textField(500),
    family: objectOf<FamilyPath>({
      superFamily: nullable(textField(FAMILY_CODE_MAX)),
      family: nullable(textField(FAMILY_CODE_MAX)),
      subFamily: nullable(textField(FAMILY_CODE_MAX)),
    }),
    tags: arrayOf(textField(64), 50),
    unitPrice: centsField(),
    vatRate: rateField(),
    unit: textField(32),
    sellable: booleanField(),
    stock: enumField(['in_stock', 'low', 'out_of_stock', 'not_tracked']),
    updatedAt: instantField(),
    familyKey: textField(FAMILY_KEY_MAX_LENGTH),
  },
  required: ['id', 'ref', 'label', 'labelEn', 'family', 'tags', 'unitPrice', 'vatRate', 'unit', 'sellable', 'stock', 'updatedAt', 'familyKey'],
  indexes: [
    // Lookup and sort by catalog reference (quote lines, offers, imports).
    'ref',
    // Browse a family at any level, sorted by reference.
    ['familyKey', 'ref'],
  ],
});

/** No migrations yet: version 0. */
export const productMigrationStrategies: MigrationStrategies = {};
