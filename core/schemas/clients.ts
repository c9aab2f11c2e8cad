import type { MigrationStrategies } from 'rxdb';
import type { Client } from '../clients/client.ts';
import { defineCollectionSchema } from './define-schema.ts';
import { arrayOf, enumField, idField, instantField, nullable, textField } from './json-fields.ts';

/** Long enough for three names and a few phone numbers; longer keys are cut, never rejected. */
export const SEARCH_KEY_MAX_LENGTH = 512;

/**
 * A derived, indexed search string: lowercased accent-free names, then the digits of each phone
 * number, separated by `|`, e.g. `dupont marie acme|33612345678`. Written by `toClientDoc` (and
 * the collection hooks), never edited by hand.
 */
export interface ClientIndexKeys {
  readonly searchKey: string;
}

/** A document of the `clients` collection. */
export type ClientDoc = Client & ClientIndexKeys;

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The search key of a client (see `ClientIndexKeys`). */
export function clientSearchKey(client: Pick<Client, 'lastName' | 'firstName' | 'companyName' | 'phones'>): string {
  const names = fold([client.lastName, client.firstName, client.companyName].join(' '));
  const phones = client.phones.map((phone) => phone.replace(/\D/g, '')).filter((digits) => digits.length > 0);
  return [names, ...phones].join('|').slice(0, SEARCH_KEY_MAX_LENGTH);
}

/** The stored form of a client: the domain shape plus its search key. */
export function toClientDoc(client: Client): ClientDoc {
  return { ...client, searchKey: clientSearchKey(client) };
}

/** Mutable; merged field by field on conflict (DESIGN §9). */
export const clientSchema = defineCollectionSchema<ClientDoc>()({
  version: 0,
  title: 'clients',
  description: 'Customers: kind, names, contacts, E.164 phone numbers, group, reference, places, sales rep.',
  properties: {
    id: idField(),
    reference: textField(64),
    kind: enumField(['person', 'company', 'public_body']),
    companyName: textField(200),
    firstName: textField(100),
    lastName: textField(100),
    email: textField(254),
    phones: arrayOf({ type: 'string', maxLength: 16, pattern: '^\\+[1-9]\\d{1,14}$' }, 10),
    groupCode: nullable(textField(64)),
    places: arrayOf(textField(64), 50),
    salesRep: nullable(idField()),
    language: enumField(['fr', 'en']),
    updatedAt: instantField(),
    searchKey: textField(SEARCH_KEY_MAX_LENGTH),
  },
  required: [
    'id', 'reference', 'kind', 'companyName', 'firstName', 'lastName', 'email', 'phones', 'groupCode', 'places',
    'salesRep', 'language', 'updatedAt', 'searchKey',
  ],
  indexes: [
    // Seed 002 CLIENT-scoped offers and imports refer to clients by reference.
    'reference',
    // Alphabetical client list.
    'lastName',
    // Instant search by name prefix; phone digits are matched by a scan of this field.
    'searchKey',
  ],
});

/** No migrations yet: version 0. */
export const clientMigrationStrategies: MigrationStrategies = {};
