import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aCommandDoc, aMessageDoc, anOfferDoc, aReferenceDoc } from '../../core/schemas/doc-builders.ts';
import { aQuote } from '../../core/schemas/quote-builder.ts';
import type { DossierId, QuoteId, UserId } from '../../core/shared/ids.ts';
import { build, signedIn, type Tokens } from './support/build.ts';
import { dossier, edit, product } from './support/docs.ts';
import { injectClient, wire, type Doc, type SyncClient } from './support/sync-client.ts';
import { backends, openTestDatabase, resetDatabase, type TestDatabase } from './support/test-db.ts';

const BACKENDS = await backends();

function quote(id: string, dossierId: string): Doc {
  return wire(aQuote({ id: id as QuoteId, dossierId: dossierId as DossierId, number: `Q-${id}` }));
}

describe.each(BACKENDS)('row-level rules on %s', (backend) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let admin: SyncClient;
  let alice: Tokens; // agent, team alpes
  let bruno: Tokens; // agent, team alpes
  let chloe: Tokens; // agent, team mer
  let asAlice: SyncClient;
  let asChloe: SyncClient;

  beforeAll(async () => {
    tdb = await openTestDatabase(backend, 'rules');
  }, 60_000);
  afterAll(async () => tdb.destroy());
  beforeEach(async () => {
    await resetDatabase(tdb.db);
    app = await build(tdb.db);
    admin = injectClient(app, await signedIn(app, tdb.db, 'admin', 'siege'));
    alice = await signedIn(app, tdb.db, 'agent', 'alpes');
    bruno = await signedIn(app, tdb.db, 'agent', 'alpes');
    chloe = await signedIn(app, tdb.db, 'agent', 'mer');
    asAlice = injectClient(app, alice);
    asChloe = injectClient(app, chloe);
    // Seeded as the server would hold them.
    await admin.push('dossiers', [
      { newDocumentState: dossier('alpes-alice', { team: 'alpes', assignedTo: alice.user.id }) },
      { newDocumentState: dossier('alpes-bruno', { team: 'alpes', assignedTo: bruno.user.id }) },
      { newDocumentState: dossier('alpes-open', { team: 'alpes', assignedTo: null }) },
      { newDocumentState: dossier('mer-chloe', { team: 'mer', assignedTo: chloe.user.id }) },
    ]);
    await admin.push('quotes', [
      { newDocumentState: quote('q-alpes', 'alpes-bruno') },
      { newDocumentState: quote('q-mer', 'mer-chloe') },
    ]);
  });
  afterEach(async () => app.close());

  const ids = async (client: SyncClient, collection: string) => (await client.pullAll(collection)).documents.map((d) => d.id).sort();

  it("shows an agent their team's dossiers and the documents of those dossiers only", async () => {
    expect(await ids(asAlice, 'dossiers')).toEqual(['alpes-alice', 'alpes-bruno', 'alpes-open']);
    expect(await ids(asAlice, 'quotes')).toEqual(['q-alpes']);
    expect(await ids(asChloe, 'dossiers')).toEqual(['mer-chloe']);
    expect(await ids(asChloe, 'quotes')).toEqual(['q-mer']);
  });

  it('shows a manager every team', async () => {
    const manager = injectClient(app, await signedIn(app, tdb.db, 'manager', 'alpes'));
    expect(await ids(manager, 'dossiers')).toEqual(['alpes-alice', 'alpes-bruno', 'alpes-open', 'mer-chloe']);
    expect(await ids(manager, 'quotes')).toEqual(['q-alpes', 'q-mer']);
    // …and lets them reassign across teams.
    const mer = (await manager.pullAll('dossiers')).documents.find((d) => d.id === 'mer-chloe') as Doc;
    expect(await manager.push('dossiers', [{ assumedMasterState: mer, newDocumentState: edit(mer, { assignedTo: alice.user.id, assignedToKey: alice.user.id }) }])).toEqual([]);
  });

  it('lets an agent write dossiers assigned to them or unassigned, and refuses the rest with the server copy', async () => {
    const all = (await asAlice.pullAll('dossiers')).documents;
    const byId = (id: string) => all.find((d) => d.id === id) as Doc;
    const mine = byId('alpes-alice');
    const open = byId('alpes-open');
    const brunos = byId('alpes-bruno');
    const conflicts = await asAlice.push('dossiers', [
      { assumedMasterState: mine, newDocumentState: edit(mine, { subject: 'mine, edited' }) },
      { assumedMasterState: open, newDocumentState: edit(open, { assignedTo: alice.user.id }) },
      { assumedMasterState: brunos, newDocumentState: edit(brunos, { subject: 'taken over' }) },
      { newDocumentState: dossier('alpes-new', { team: 'alpes', assignedTo: null }) },
    ]);
    expect(conflicts).toEqual([brunos]);
    expect((await ids(asAlice, 'dossiers'))).toContain('alpes-new');
    // Giving a dossier away to another team is refused too.
    const current = (await asAlice.pullAll('dossiers')).documents.find((d) => d.id === 'alpes-alice') as Doc;
    expect(await asAlice.push('dossiers', [{ assumedMasterState: current, newDocumentState: edit(current, { team: 'mer' }) }])).toEqual([current]);
  });

  it("answers a write to another team's dossier with a tombstone, not with their data", async () => {
    const guess = dossier('mer-chloe', { team: 'alpes', assignedTo: alice.user.id, subject: 'probe' });
    const [reply] = await asAlice.push('dossiers', [{ newDocumentState: guess }]);
    expect(reply).toEqual({ ...guess, _deleted: true });
    expect((await asChloe.pullAll('dossiers')).documents[0]).toMatchObject({ id: 'mer-chloe', subject: dossier('x').subject });
  });

  it("keeps agents out of other teams' quotes and messages, in writing too", async () => {
    const merQuote = quote('q-mer', 'mer-chloe');
    expect(await asAlice.push('quotes', [{ newDocumentState: edit(merQuote, { number: 'Q-hijack' }) }])).toEqual([{ ...edit(merQuote, { number: 'Q-hijack' }), _deleted: true }]);
    const note = wire(aMessageDoc({ id: 'm1' as never, dossierId: 'mer-chloe' as DossierId }));
    expect(await asAlice.push('messages', [{ newDocumentState: note }])).toEqual([{ ...note, _deleted: true }]);
    const ownNote = wire(aMessageDoc({ id: 'm2' as never, dossierId: 'alpes-alice' as DossierId }));
    expect(await asAlice.push('messages', [{ newDocumentState: ownNote }])).toEqual([]);
    expect(await ids(asChloe, 'messages')).toEqual([]);
  });

  it('refuses catalog, offers and settings writes from agents and managers, not from admins', async () => {
    const manager = injectClient(app, await signedIn(app, tdb.db, 'manager'));
    const offer = wire(anOfferDoc());
    for (const client of [asAlice, manager]) {
      expect(await client.push('offers', [{ newDocumentState: offer }])).toEqual([{ ...offer, _deleted: true }]);
      expect(await client.push('products', [{ newDocumentState: product('p1') }])).toEqual([{ ...product('p1'), _deleted: true }]);
    }
    expect(await admin.push('offers', [{ newDocumentState: offer }])).toEqual([]);
    expect(await asAlice.push('offers', [{ assumedMasterState: offer, newDocumentState: edit(offer, { title: 'cheaper' }) }])).toEqual([offer]);
    const settings = wire(aReferenceDoc());
    expect(await admin.push('reference', [{ newDocumentState: settings }])).toEqual([]);
    expect(await ids(asAlice, 'offers')).toEqual(['offer-1']);
    expect(await ids(asAlice, 'reference')).toEqual(['settings']);
  });

  it('keeps messages and events append-only', async () => {
    const note = wire(aMessageDoc({ id: 'm1' as never, dossierId: 'alpes-alice' as DossierId }));
    await asAlice.push('messages', [{ newDocumentState: note }]);
    expect(await asAlice.push('messages', [{ assumedMasterState: note, newDocumentState: edit(note, { body: 'rewritten' }) }])).toEqual([note]);
    expect(await asAlice.push('messages', [{ assumedMasterState: note, newDocumentState: wire(note, true) }])).toEqual([note]);
  });

  it("shows agents their own commands only", async () => {
    const mine = wire(aCommandDoc({ id: 'c1' as never, createdBy: alice.user.id as UserId }));
    const forged = wire(aCommandDoc({ id: 'c2' as never, createdBy: chloe.user.id as UserId }));
    expect(await asAlice.push('commands', [{ newDocumentState: mine }, { newDocumentState: forged }])).toEqual([{ ...forged, _deleted: true }]);
    expect(await ids(asAlice, 'commands')).toEqual(['c1']);
    expect(await ids(asChloe, 'commands')).toEqual([]);
  });

  it('delivers a quote that arrived before its dossier once the dossier arrives', async () => {
    // Alice created dossier + quote offline; the quotes replication happens to push first.
    const early = quote('q-early', 'alpes-later');
    expect(await asAlice.push('quotes', [{ newDocumentState: early }])).toEqual([]);
    const brunoSync = injectClient(app, bruno);
    const brunoQuotes = await brunoSync.pullAll('quotes');
    expect(brunoQuotes.documents.map((d) => d.id)).toEqual(['q-alpes']);
    await asAlice.push('dossiers', [{ newDocumentState: dossier('alpes-later', { team: 'alpes', assignedTo: alice.user.id }) }]);
    const next = await brunoSync.pull('quotes', brunoQuotes.checkpoint);
    expect(next.documents.map((d) => d.id)).toEqual(['q-early']);
  });

  it("re-delivers a dossier's documents to its new team when a manager moves it", async () => {
    const manager = injectClient(app, await signedIn(app, tdb.db, 'manager'));
    const chloeQuotes = await asChloe.pullAll('quotes');
    const moving = (await manager.pullAll('dossiers')).documents.find((d) => d.id === 'alpes-bruno') as Doc;
    await manager.push('dossiers', [{ assumedMasterState: moving, newDocumentState: edit(moving, { team: 'mer', assignedTo: chloe.user.id }) }]);
    expect((await asChloe.pull('quotes', chloeQuotes.checkpoint)).documents.map((d) => d.id)).toEqual(['q-alpes']);
    expect(await ids(asAlice, 'quotes')).toEqual([]);
  });
});
