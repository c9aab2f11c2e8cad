import { describe, expect, it } from 'vitest';
import { backends } from '../server/support/test-db.ts';
import { eventually } from './support/eventually.ts';
import { at, dossier, quote } from './support/fixtures.ts';
import { syncSuite } from './support/suite.ts';

const BACKENDS = await backends();
const SYNC = { timeoutMs: 15_000 };

describe.each(BACKENDS)('live changes between connected clients, on %s', (backend) => {
  const suite = syncSuite(backend);

  it("applies a colleague's edits from the live stream alone, without pulling them", async () => {
    const { client: a } = await suite.signIn('A');
    const { client: b } = await suite.signIn('B');
    await a.send('awaitInSync', SYNC);
    await b.send('awaitInSync', SYNC);
    const pullsBefore = await b.send('pullRequests', { collection: 'dossiers' });
    const quotePullsBefore = await b.send('pullRequests', { collection: 'quotes' });

    await a.send('insert', { collection: 'dossiers', doc: dossier('live-new', { subject: 'Séminaire à Chamonix' }) });
    await eventually(async () => expect(await b.send('get', { collection: 'dossiers', id: 'live-new' })).toMatchObject({ subject: 'Séminaire à Chamonix' }));
    await a.send('patch', { collection: 'dossiers', id: 'live-new', patch: { partySize: 14, updatedAt: at(5) } });
    await eventually(async () => expect(await b.send('get', { collection: 'dossiers', id: 'live-new' })).toMatchObject({ partySize: 14 }));
    await a.send('insert', { collection: 'quotes', doc: quote('live-quote', 'live-new') });
    await eventually(async () => expect(await b.send('get', { collection: 'quotes', id: 'live-quote' })).not.toBeNull());

    expect(await b.send('pullRequests', { collection: 'dossiers' })).toBe(pullsBefore);
    expect(await b.send('pullRequests', { collection: 'quotes' })).toBe(quotePullsBefore);
    expect(await b.send('awaitInSync', SYNC)).toMatchObject({ pendingChanges: 0 });
  }, 60_000);

  it('pulls what it missed while offline, then takes live changes from the stream again', async () => {
    const { client: a } = await suite.signIn('A');
    const { client: b } = await suite.signIn('B');
    await a.send('insert', { collection: 'dossiers', doc: dossier('gap-1') });
    await eventually(async () => expect(await b.send('get', { collection: 'dossiers', id: 'gap-1' })).not.toBeNull());

    await b.send('pause');
    await a.send('insert', { collection: 'dossiers', doc: dossier('gap-2', { subject: 'Pendant la coupure' }) });
    await a.send('awaitInSync', SYNC);
    await b.send('resume');
    await eventually(async () => expect(await b.send('get', { collection: 'dossiers', id: 'gap-2' })).toMatchObject({ subject: 'Pendant la coupure' }));
    await b.send('awaitInSync', SYNC);

    const pullsBefore = await b.send('pullRequests', { collection: 'dossiers' });
    await a.send('patch', { collection: 'dossiers', id: 'gap-2', patch: { subject: 'Après la coupure', updatedAt: at(9) } });
    await eventually(async () => expect(await b.send('get', { collection: 'dossiers', id: 'gap-2' })).toMatchObject({ subject: 'Après la coupure' }));
    expect(await b.send('pullRequests', { collection: 'dossiers' })).toBe(pullsBefore);
  }, 60_000);

  it("does not deliver another team's dossiers on the stream", async () => {
    const { client: manager } = await suite.signIn('manager', 'manager', 'siege');
    const { client: mer } = await suite.signIn('mer', 'agent', 'mer');
    await mer.send('awaitInSync', SYNC);
    const pullsBefore = await mer.send('pullRequests', { collection: 'dossiers' });
    await manager.send('insert', { collection: 'dossiers', doc: dossier('alpes-only') });
    await manager.send('insert', { collection: 'dossiers', doc: dossier('mer-visible', { team: 'mer' }) });
    await eventually(async () => expect(await mer.send('get', { collection: 'dossiers', id: 'mer-visible' })).not.toBeNull());
    await manager.send('awaitInSync', SYNC);
    await mer.send('awaitInSync', SYNC);
    expect(await mer.send('get', { collection: 'dossiers', id: 'alpes-only' })).toBeNull();
    expect(await mer.send('all', { collection: 'dossiers' })).toEqual([expect.objectContaining({ id: 'mer-visible' })]);
    expect(await mer.send('pullRequests', { collection: 'dossiers' })).toBe(pullsBefore);
  }, 60_000);
});
