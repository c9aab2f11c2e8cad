import type { MigrationStrategies } from 'rxdb';
import { STAGES, type Dossier } from '../pipeline/dossier.ts';
import { defineCollectionSchema } from './define-schema.ts';
import { arrayOf, booleanField, dateField, enumField, idField, instantField, integerField, nullable, textField } from './json-fields.ts';

/**
 * Indexable copies of nullable fields: RxDB refuses a nullable type in an index and IndexedDB leaves
 * a null key out of it, so "unassigned dossiers" would be unfindable. `''` stands for null. Derived:
 * written by `toDossierDoc` (and the collection hooks), never edited by hand.
 */
export interface DossierIndexKeys {
  readonly clientIdKey: string;
  readonly assignedToKey: string;
}

/** A document of the `dossiers` collection. */
export type DossierDoc = Dossier & DossierIndexKeys;

/** The stored form of a dossier: the domain shape plus its index keys. */
export function toDossierDoc(dossier: Dossier): DossierDoc {
  return { ...dossier, clientIdKey: dossier.clientId ?? '', assignedToKey: dossier.assignedTo ?? '' };
}

/** Mutable; merged field by field on conflict (DESIGN §9). */
export const dossierSchema = defineCollectionSchema<DossierDoc>()({
  version: 0,
  title: 'dossiers',
  description: 'Commercial files: client, source, subject, stay dates, assignee, team, pipeline stage.',
  properties: {
    id: idField(),
    number: textField(32, 1),
    clientId: nullable(idField()),
    source: enumField(['phone', 'web_form', 'email', 'walk_in']),
    subject: textField(500),
    startDate: nullable(dateField()),
    endDate: nullable(dateField()),
    partySize: nullable(integerField(0, 100000)),
    assignedTo: nullable(idField()),
    team: textField(64),
    stage: enumField(STAGES),
    processed: booleanField(),
    tags: arrayOf(textField(64), 50),
    createdAt: instantField(),
    updatedAt: instantField(),
    clientIdKey: textField(64),
    assignedToKey: textField(64),
  },
  required: [
    'id', 'number', 'clientId', 'source', 'subject', 'startDate', 'endDate', 'partySize', 'assignedTo', 'team',
    'stage', 'processed', 'tags', 'createdAt', 'updatedAt', 'clientIdKey', 'assignedToKey',
  ],
  indexes: [
    // Pipeline board and table: one stage, most recently touched first.
    ['stage', 'updatedAt'],
    // A team's board (managers), optionally narrowed to a stage.
    ['team', 'stage', 'updatedAt'],
    // "My dossiers" and the unassigned-requests inbox (assignedToKey = '').
    ['assignedToKey', 'updatedAt'],
    // A client's dossiers.
    ['clientIdKey', 'updatedAt'],
    // Lookup by the number read out on the phone.
    'number',
  ],
});

/** No migrations yet: version 0. */
export const dossierMigrationStrategies: MigrationStrategies = {};
