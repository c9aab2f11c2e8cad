import type { MigrationStrategies, RxCollection, RxDatabase } from 'rxdb';
import type { CollectionSchema } from './define-schema.ts';
import type { KeysOfUnion } from './json-fields.ts';
import { clientMigrationStrategies, clientSchema, type ClientDoc } from './clients.ts';
import { commandMigrationStrategies, commandSchema, type CommandDoc } from './commands.ts';
import { salesDocumentMigrationStrategies, salesDocumentSchema, type SalesDocumentDoc } from './documents.ts';
import { dossierMigrationStrategies, dossierSchema, type DossierDoc } from './dossiers.ts';
import { eventMigrationStrategies, eventSchema, type EventDoc } from './events.ts';
import { messageMigrationStrategies, messageSchema, type MessageDoc } from './messages.ts';
import { offerMigrationStrategies, offerSchema, type OfferDoc } from './offers.ts';
import { paymentMigrationStrategies, paymentSchema, type PaymentDoc } from './payments.ts';
import { productMigrationStrategies, productSchema, type ProductDoc } from './products.ts';
import { quoteMigrationStrategies, quoteSchema, type QuoteDoc } from './quotes.ts';
import { referenceMigrationStrategies, referenceSchema, type ReferenceDoc } from './reference.ts';

/** The document type stored in each collection, by collection name. */
export interface ComptoirDocTypes {
  readonly dossiers: DossierDoc;
  readonly quotes: QuoteDoc;
  readonly messages: MessageDoc;
  readonly events: EventDoc;
  readonly clients: ClientDoc;
  readonly products: ProductDoc;
  readonly offers: OfferDoc;
  readonly payments: PaymentDoc;
  readonly documents: SalesDocumentDoc;
  readonly commands: CommandDoc;
  readonly reference: ReferenceDoc;
}

export type CollectionName = keyof ComptoirDocTypes;

/** The typed collections of a Comptoir database: `createRxDatabase<ComptoirCollections>(…)`. */
export type ComptoirCollections = { readonly [K in CollectionName]: RxCollection<ComptoirDocTypes[K]> };
export type ComptoirDatabase = RxDatabase<ComptoirCollections>;

/** What `db.addCollections` needs for one collection. */
export interface CollectionDefinition<Doc> {
  readonly schema: CollectionSchema<Doc>;
  readonly migrationStrategies: MigrationStrategies;
}

/**
 * The free RxDB build refuses a 14th open collection per JS realm (DESIGN §3); 12 leaves one spare
 * for a tool or test that opens its own.
 */
export const MAX_COLLECTIONS = 12;

/** Every collection of the client database: `await db.addCollections(COLLECTIONS)`. */
export const COLLECTIONS: { readonly [K in CollectionName]: CollectionDefinition<ComptoirDocTypes[K]> } = {
  dossiers: { schema: dossierSchema, migrationStrategies: dossierMigrationStrategies },
  quotes: { schema: quoteSchema, migrationStrategies: quoteMigrationStrategies },
  messages: { schema: messageSchema, migrationStrategies: messageMigrationStrategies },
  events: { schema: eventSchema, migrationStrategies: eventMigrationStrategies },
  clients: { schema: clientSchema, migrationStrategies: clientMigrationStrategies },
  products: { schema: productSchema, migrationStrategies: productMigrationStrategies },
  offers: { schema: offerSchema, migrationStrategies: offerMigrationStrategies },
  payments: { schema: paymentSchema, migrationStrategies: paymentMigrationStrategies },
  documents: { schema: salesDocumentSchema, migrationStrategies: salesDocumentMigrationStrategies },
  commands: { schema: commandSchema, migrationStrategies: commandMigrationStrategies },
  reference: { schema: referenceSchema, migrationStrategies: referenceMigrationStrategies },
};

/** Collection names in a stable order (replication, server tables, tests). */
export const COLLECTION_NAMES: readonly CollectionName[] = [
  'dossiers', 'quotes', 'messages', 'events', 'clients', 'products', 'offers', 'payments', 'documents', 'commands', 'reference',
];

/** Collections whose documents are inserted once and never changed: they never conflict (DESIGN §9). */
export const APPEND_ONLY_COLLECTIONS: readonly CollectionName[] = ['messages', 'events'];

/**
 * Fields only the server writes (DESIGN §9). A client inserts them with their initial value
 * (`queued`, `null`); on a push the server keeps its own value of these fields whatever the client
 * sent. Portal tokens appear in no client collection: they live only in the server's tables.
 * `number_blocks` reference documents are server-written as a whole (DESIGN §8).
 */
export const SERVER_OWNED_FIELDS: { readonly [K in CollectionName]: readonly KeysOfUnion<ComptoirDocTypes[K]>[] } = {
  dossiers: [],
  quotes: [],
  messages: [],
  events: [],
  clients: [],
  products: [],
  offers: [],
  // Request status, payment link and its expiry; statusKey follows status.
  payments: ['status', 'link', 'expiresAt', 'statusKey'],
  // Gapless chronological invoice numbers (DESIGN §8).
  documents: ['number'],
  commands: ['status', 'result', 'error'],
  reference: [],
};
