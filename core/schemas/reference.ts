import type { MigrationStrategies } from 'rxdb';
import { REFERENCE_TYPES, type ReferenceEntry } from '../model/reference.ts';
import { defineCollectionSchema } from './define-schema.ts';
import { enumField, idField, instantField, jsonObjectField } from './json-fields.ts';

/** A document of the `reference` collection. */
export type ReferenceDoc = ReferenceEntry;

/** Admin-written configuration, read by everyone; `number_blocks` documents are server-written. */
export const referenceSchema = defineCollectionSchema<ReferenceDoc>()({
  version: 0,
  title: 'reference',
  description: 'Small configuration documents keyed by type: settings, order states, templates, families, groups, users, number blocks.',
  properties: {
    id: idField(),
    type: enumField(REFERENCE_TYPES),
    data: jsonObjectField(),
    updatedAt: instantField(),
  },
  required: ['id', 'type', 'data', 'updatedAt'],
  // Every reader asks for one type.
  indexes: ['type'],
});

/** No migrations yet: version 0. */
export const referenceMigrationStrategies: MigrationStrategies = {};
