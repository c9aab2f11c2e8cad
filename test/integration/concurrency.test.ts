import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../core/model/json.ts';
import { backends } from '../server/support/test-db.ts';
import type { TestClient } from './support/client-proxy.ts';
import { eventually } from './support/eventually.ts';
import { at, dossier } from './support/fixtures.ts';
import { syncSuite } from './support/suite.ts';

const BACKENDS = await backends();
const SYNC = { timeoutMs: 20_000 };
const byId = (docs: JsonObject[]): Map<string, JsonObject> => new Map(docs.map((d) => [String(d.id), d]));

describe.each(BACKENDS)('concurrent pushes and lost responses, on %s', (backend) => {
  const suite = syncSuite(backend);
  const client = suite.client;

  it('converges when two clients write the same documents at the same time, losing no field edit', async () => {
    const [a, b] = [await client('A'), await client('B')];
    const ids = Array.from({ length: 20 }, (_, i) => `conc-${i}`);
    for (const id of ids) await a.send('insert', { collection: 'dossiers', doc: dossier(id) });
    await a.send('awaitInSync', SYNC);
    await eventually(async () => expect((await b.send('all', { collection: 'dossiers' })).filter((d) => ids.includes(String(d.id)))).toHaveLength(20));

    // Rounds of interleaved writes: A edits subjects, B party sizes, both the tags of the first five.
    const rounds = 3;
    const writer = (c: TestClient, name: 'A' | 'B') => async () => {
      for (let round = 1; round <= rounds; round++) {
        await Promise.all(
          ids.map((id, i) => {
            const patch: Record<string, JsonObject[string]> = { updatedAt: at(round) };
            if (name === 'A') patch.subject = `A${round}`;
            else patch.partySize = round;
            if (i < 5) patch.tags = [`${name}${round}`];
            return c.send('patch', { collection: 'dossiers', id, patch });
          }),
        );
      }
    };
    await Promise.all([writer(a, 'A')(), writer(b, 'B')()]);
    // Two passes: a merge written by one client after the other's last pull needs one more round trip.
    for (let pass = 0; pass < 2; pass++) await Promise.all([a.send('awaitInSync', SYNC), b.send('awaitInSync', SYNC)]);

    const onA = await eventually(async () => {
      const [docsA, docsB] = [byId(await a.send('all', { collection: 'dossiers' })), byId(await b.send('all', { collection: 'dossiers' }))];
      for (const id of ids) expect(docsB.get(id), id).toEqual(docsA.get(id));
      return docsA;
    });
    for (const [i, id] of ids.entries()) {
      const doc = onA.get(id);
      expect(doc, id).toMatchObject({ subject: `A${rounds}`, partySize: rounds });
      if (i < 5) expect([['A3'], ['B3']]).toContainEqual(doc?.tags);
    }
    // What a client recorded as lost is never what the documents ended with.
    for (const c of [a, b]) {
      for (const conflict of await c.send('conflicts')) {
        expect(conflict.path).toBe('tags');
        expect(conflict.mine.value).not.toEqual(onA.get(conflict.docId)?.tags);
      }
    }
    // The server holds the same: a fresh client's initial sync gets exactly these documents.
    const fresh = await client('fresh');
    await fresh.send('awaitInSync', SYNC);
    const onFresh = byId(await fresh.send('all', { collection: 'dossiers' }));
    for (const id of ids) expect(onFresh.get(id), id).toEqual(onA.get(id));
    expect((await fresh.send('state')).initialSync).toMatchObject({ done: true, collections: { dossiers: { done: true } } });
  }, 120_000);

  it('treats a push whose response was lost as done: retried, accepted, no conflict', async () => {
    const [a, b] = [await client('A'), await client('B')];
    await a.send('insert', { collection: 'dossiers', doc: dossier('lost-1') });
    await a.send('awaitInSync', SYNC);

    await a.send('dropNextPushResponse', { collection: 'dossiers' });
    await a.send('patch', { collection: 'dossiers', id: 'lost-1', patch: { subject: 'after a lost response', updatedAt: at(5) } });
    await a.send('dropNextPushResponse', { collection: 'dossiers' });
    await a.send('insert', { collection: 'dossiers', doc: dossier('lost-2', { subject: 'inserted, response lost' }) });
    const state = await a.send('awaitInSync', SYNC);

    expect(await a.send('droppedResponses')).toBe(2);
    expect(await a.send('conflicts')).toEqual([]);
    expect(state).toMatchObject({ pendingChanges: 0, lastError: null });
    await eventually(async () => {
      expect(await b.send('get', { collection: 'dossiers', id: 'lost-1' })).toMatchObject({ subject: 'after a lost response' });
      expect(await b.send('get', { collection: 'dossiers', id: 'lost-2' })).toMatchObject({ subject: 'inserted, response lost' });
    });
    expect(await a.send('get', { collection: 'dossiers', id: 'lost-1' })).toMatchObject({ subject: 'after a lost response' });
  }, 60_000);
});
