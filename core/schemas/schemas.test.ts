import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, type MangoQuery, type RxCollection, type RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DossierId, UserId } from '../shared/ids.ts';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName, type ComptoirCollections, type ComptoirDatabase } from './collections.ts';
import { installDerivedFieldHooks } from './derived-fields.ts';
import {
  aClientDoc, aCommandDoc, aDepositRequestDoc, aDossierDoc, anOfferDoc, aProductDoc, aReceivedPaymentDoc, SAMPLE_DOCS,
} from './doc-builders.ts';
import { aQuote, aQuoteLines } from './quote-builder.ts';

// Dev-mode is test-only (DESIGN §3): it checks every schema against RxDB's rules when the
// collections are created. It insists on a validating storage, hence the ajv wrapper.
beforeAll(() => {
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
});

const STORAGES: Record<'memory' | 'dexie', () => RxStorage<unknown, unknown>> = {
  memory: () => wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
  dexie: () => wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) }),
};

let opened: ComptoirDatabase | undefined;
let dbCount = 0;

/** The free RxDB build allows 13 open collections per realm: one database at a time, removed after each test. */
async function openDatabase(storage: keyof typeof STORAGES): Promise<ComptoirDatabase> {
  const db = await createRxDatabase<ComptoirCollections>({
    name: `comptoir-schemas-${storage}-${++dbCount}-${Date.now()}`,
    storage: STORAGES[storage](),
    multiInstance: false,
  });
  opened = db;
  await db.addCollections(COLLECTIONS);
  installDerivedFieldHooks(db);
  return db;
}

afterEach(async () => {
  await opened?.remove();
  opened = undefined;
});

/** For each collection, a real query of the app, the index it must use and what it must return. */
const INDEXED_QUERIES: { readonly [K in CollectionName]: { readonly query: MangoQuery; readonly index: readonly string[] } } = {
  dossiers: { query: { selector: { stage: 'in_progress' }, sort: [{ updatedAt: 'desc' }] }, index: ['stage', 'updatedAt'] },
  quotes: { query: { selector: { dossierId: 'dossier-1' }, sort: [{ version: 'asc' }] }, index: ['dossierId', 'version'] },
  messages: { query: { selector: { dossierId: 'dossier-1' }, sort: [{ createdAt: 'asc' }] }, index: ['dossierId', 'createdAt'] },
  events: { query: { selector: { dossierId: 'dossier-1' }, sort: [{ at: 'asc' }] }, index: ['dossierId', 'at'] },
  clients: { query: { selector: { reference: 'CLI-000731' } }, index: ['reference'] },
  products: { query: { selector: { familyKey: { $gte: 'SKI/ESF/', $lt: 'SKI/ESF/\uffff' } } }, index: ['familyKey', 'ref'] },
  offers: { query: { selector: { scopeKey: { $in: ['ALL:', 'GROUP:CE-RENAULT', 'CLIENT:CLI-000731'] } } }, index: ['scopeKey'] },
  payments: { query: { selector: { statusKey: { $in: ['queued', 'sent'] } }, sort: [{ createdAt: 'asc' }] }, index: ['statusKey', 'createdAt'] },
  documents: { query: { selector: { quoteId: 'quote-1' } }, index: ['quoteId'] },
  commands: { query: { selector: { status: 'queued' }, sort: [{ createdAt: 'asc' }] }, index: ['status', 'createdAt'] },
  reference: { query: { selector: { type: 'settings' } }, index: ['type'] },
};

/** The document as the app wrote it, without RxDB's own `_rev`, `_meta`, `_deleted`, `_attachments`. */
function plain(doc: { toJSON(withMetaFields: true): object }): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc.toJSON(true)).filter(([key]) => !key.startsWith('_')));
}

describe.each(['memory', 'dexie'] as const)('all collections on %s storage', (storage) => {
  it('stores a realistic document in every collection and finds it again through an index', async () => {
    const db = await openDatabase(storage);
    expect(Object.keys(db.collections).sort()).toEqual([...COLLECTION_NAMES].sort());
    for (const name of COLLECTION_NAMES) {
      const sample = SAMPLE_DOCS[name]();
      // Each collection is typed by its own document; a loop over all of them sees them as plain records.
      const collection = db.collections[name] as unknown as RxCollection<object>;
      await collection.insert(sample);
      const { query, index } = INDEXED_QUERIES[name];
      const rxQuery = collection.find(query);
      expect(rxQuery.getPreparedQuery().queryPlan.index, `${name} query plan`).toEqual(['_deleted', ...index, 'id']);
      const found = await rxQuery.exec();
      expect(found.map(plain), name).toEqual([sample]);
    }
  });

  it('keeps both kinds of payment, a quote with every line kind and a soft-deleted offer', async () => {
    const db = await openDatabase(storage);
    await db.payments.bulkInsert([aDepositRequestDoc(), aReceivedPaymentDoc()]);
    const byDossier = await db.payments.find({ selector: { dossierId: 'dossier-1' as DossierId }, sort: [{ createdAt: 'asc' }] }).exec();
    expect(byDossier.map((p) => p.statusKey).sort()).toEqual(['queued', 'received']);
    const quote = await db.quotes.insert(aQuote());
    expect(quote.lines.map((line) => line.kind)).toEqual(['product', 'misc', 'fee', 'comment']);
    expect(quote.totals.totalGross).toBe(37_965);
    await db.offers.insert(anOfferDoc({ deletedAt: '2026-03-03T08:00:00.000Z' }));
    const offer = await db.offers.findOne({ selector: { code: 'GROUPE-CE2026' } }).exec();
    expect(offer?.engagements[0]?.discounts.map((d) => d.code)).toEqual(['ESF6', 'LOC5']);
  });

  it('recomputes derived index keys on every local write, so the unassigned inbox stays right', async () => {
    const db = await openDatabase(storage);
    await db.dossiers.insert({ ...aDossierDoc(), assignedToKey: 'stale', clientIdKey: 'stale' });
    const mine = await db.dossiers.find({ selector: { assignedToKey: 'user-claire' } }).exec();
    expect(mine).toHaveLength(1);
    await mine[0]?.incrementalPatch({ assignedTo: null });
    const unassigned = await db.dossiers.find({ selector: { assignedToKey: '' }, sort: [{ updatedAt: 'desc' }] }).exec();
    expect(unassigned.map((d) => d.id)).toEqual(['dossier-1']);
    await db.clients.insert(aClientDoc({ phones: ['+33612345678'] }));
    const byName = await db.clients.find({ selector: { searchKey: { $regex: '^dupre' } } }).exec();
    expect(byName.map((c) => c.searchKey)).toEqual(['dupre helene|33612345678']);
    await db.products.insert(aProductDoc({ family: { superFamily: 'SKI', family: null, subFamily: null } }));
    expect((await db.products.findOne('prod-ski-esf-6j').exec())?.familyKey).toBe('SKI/');
  });

  it('rejects invalid documents before they reach the storage', async () => {
    const db = await openDatabase(storage);
    const { stage: _stage, ...withoutStage } = aDossierDoc();
    const line = aQuoteLines()[0];
    const invalid: readonly [string, () => Promise<unknown>][] = [
      ['missing required index field', () => db.dossiers.insert(withoutStage as never)],
      ['float money', () => db.quotes.insert(aQuote({ lines: [{ ...line, unitPrice: 12.5 } as never] }))],
      ['float quantity', () => db.quotes.insert(aQuote({ lines: [{ ...line, quantity: 1.0005 } as never] }))],
      ['string too long', () => db.dossiers.insert(aDossierDoc({ team: 'x'.repeat(65) }))],
      ['unknown top-level property', () => db.dossiers.insert({ ...aDossierDoc(), colour: 'red' } as never)],
      ['unknown line property', () => db.quotes.insert(aQuote({ lines: [{ ...line, margin: 3 } as never] }))],
      ['unknown line kind', () => db.quotes.insert(aQuote({ lines: [{ ...line, kind: 'bundle' } as never] }))],
      ['VAT rate above 100 %', () => db.products.insert(aProductDoc({ vatRate: 20_000 as never }))],
      ['instant not in toISOString form', () => db.commands.insert(aCommandDoc({ createdAt: '2026-03-02 09:30' }))],
      ['stage outside the pipeline', () => db.dossiers.insert(aDossierDoc({ stage: 'won' as never }))],
      ['request without status', () => db.payments.insert({ ...aDepositRequestDoc(), status: undefined } as never)],
      ['received payment with a status', () => db.payments.insert({ ...aReceivedPaymentDoc(), status: 'paid' } as never)],
      ['null where a value is required', () => db.clients.insert(aClientDoc({ reference: null as never }))],
    ];
    for (const [what, write] of invalid) {
      await expect(write(), what).rejects.toMatchObject({ code: 'VD2' });
    }
    expect(await db.dossiers.count().exec()).toBe(0);
  });

  it('accepts only ids matching ID_PATTERN, in primary keys and references alike', async () => {
    const db = await openDatabase(storage);
    for (const bad of ['', 'dossier 1', 'dossier/1', 'dossiér', 'x'.repeat(65)]) {
      await expect(db.dossiers.insert(aDossierDoc({ id: bad as never })), JSON.stringify(bad)).rejects.toThrow();
    }
    await expect(db.dossiers.insert(aDossierDoc({ assignedTo: 'claire@desk' as UserId }))).rejects.toMatchObject({ code: 'VD2' });
    await db.dossiers.insert(aDossierDoc({ id: `D_${'9'.repeat(62)}` as never }));
    await db.dossiers.insert(aDossierDoc({ id: 'a-Z_0' as never }));
    expect(await db.dossiers.count().exec()).toBe(2);
  });
});
