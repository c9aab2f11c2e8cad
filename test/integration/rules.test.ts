import { describe, expect, it } from 'vitest';
import { backends } from '../server/support/test-db.ts';
import { eventually } from './support/eventually.ts';
import { dossier, offer, product, quote } from './support/fixtures.ts';
import { syncSuite } from './support/suite.ts';

const BACKENDS = await backends();
const SYNC = { timeoutMs: 15_000 };

describe.each(BACKENDS)('role rules seen from clients, on %s', (backend) => {
  const suite = syncSuite(backend);
  const client = suite.client;

  it("an agent never receives another team's dossiers nor their quotes", async () => {
    const alpes = await client('alpes agent', 'agent', 'alpes');
    const mer = await client('mer agent', 'agent', 'mer');
    await alpes.send('insert', { collection: 'dossiers', doc: dossier('team-alpes-1', { team: 'alpes' }) });
    await alpes.send('insert', { collection: 'quotes', doc: quote('team-alpes-q1', 'team-alpes-1') });
    await mer.send('insert', { collection: 'dossiers', doc: dossier('team-mer-1', { team: 'mer' }) });
    await Promise.all([alpes.send('awaitInSync', SYNC), mer.send('awaitInSync', SYNC)]);
    // A manager sees both teams: once it has both, the agents have had every chance to receive them.
    const manager = await client('manager', 'manager', 'siege');
    await manager.send('awaitInSync', SYNC);
    const managerIds = (await manager.send('all', { collection: 'dossiers' })).map((d) => d.id);
    expect(managerIds).toEqual(expect.arrayContaining(['team-alpes-1', 'team-mer-1']));
    await Promise.all([alpes.send('awaitInSync', SYNC), mer.send('awaitInSync', SYNC)]);
    const merIds = (await mer.send('all', { collection: 'dossiers' })).map((d) => d.id);
    expect(merIds).toContain('team-mer-1');
    expect(merIds).not.toContain('team-alpes-1');
    expect(await mer.send('get', { collection: 'quotes', id: 'team-alpes-q1' })).toBeNull();
    expect((await alpes.send('all', { collection: 'dossiers' })).map((d) => d.id)).not.toContain('team-mer-1');
  }, 60_000);

  it('refuses an offer written by an agent: the local copy goes away, the refusal is recorded, nothing loops', async () => {
    const admin = await client('admin', 'admin', 'siege');
    const agent = await client('agent', 'agent', 'alpes');
    await admin.send('insert', { collection: 'offers', doc: offer('offer-admin', 'ADMIN-2026') });
    await admin.send('awaitInSync', SYNC);
    await eventually(async () => expect(await agent.send('get', { collection: 'offers', id: 'offer-admin' })).not.toBeNull());

    await agent.send('insert', { collection: 'offers', doc: offer('offer-agent', 'AGENT-2026') });
    const synced = await agent.send('awaitInSync', SYNC);
    expect(synced).toMatchObject({ pendingChanges: 0, lastError: null });
    expect(await agent.send('get', { collection: 'offers', id: 'offer-agent' })).toBeNull();
    const [refusal] = await agent.send('conflicts');
    expect(refusal).toMatchObject({ collectionName: 'offers', docId: 'offer-agent', path: '', reason: 'refused', mine: { present: true, value: { code: 'AGENT-2026' } } });
    expect(await agent.send('resolveConflict', { id: refusal?.id ?? '', choice: 'mine' })).toEqual({ ok: false, code: 'CHANGE_REFUSED' });
    expect(await agent.send('resolveConflict', { id: refusal?.id ?? '', choice: 'theirs' })).toEqual({ ok: true, code: null });
    await admin.send('awaitInSync', SYNC);
    expect(await admin.send('get', { collection: 'offers', id: 'offer-agent' })).toBeNull();
    // Quiet afterwards: the refused write is not pushed again and again.
    const pushes = await suite.server().pushCount('offers');
    expect(pushes).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await suite.server().pushCount('offers')).toBe(pushes);
    expect(await agent.send('state')).toMatchObject({ pendingChanges: 0, lastError: null });
  }, 60_000);

  it("reverts an agent's edit of the catalog to the server copy and records the refused field", async () => {
    const admin = await client('admin', 'admin', 'siege');
    const agent = await client('agent', 'agent', 'alpes');
    await admin.send('insert', { collection: 'products', doc: product('prod-rules', 'Forfait 6 jours') });
    await admin.send('awaitInSync', SYNC);
    await eventually(async () => expect(await agent.send('get', { collection: 'products', id: 'prod-rules' })).not.toBeNull());
    await agent.send('patch', { collection: 'products', id: 'prod-rules', patch: { label: 'Forfait gratuit' } });
    await agent.send('awaitInSync', SYNC);
    expect(await agent.send('get', { collection: 'products', id: 'prod-rules' })).toMatchObject({ label: 'Forfait 6 jours' });
    expect(await agent.send('conflicts')).toEqual([
      expect.objectContaining({ path: 'label', reason: 'refused', mine: { present: true, value: 'Forfait gratuit' }, theirs: { present: true, value: 'Forfait 6 jours' } }),
    ]);
  }, 60_000);
});
