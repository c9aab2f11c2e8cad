import { describe, expect, it } from 'vitest';
import { backends } from '../server/support/test-db.ts';
import { eventually } from './support/eventually.ts';
import { at, dossier, message } from './support/fixtures.ts';
import { syncSuite } from './support/suite.ts';

const BACKENDS = await backends();
const SYNC = { timeoutMs: 30_000 };
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(BACKENDS)('a server restart in the middle of traffic, on %s', (backend) => {
  const suite = syncSuite(backend);

  it('clients keep writing, reconnect by themselves and converge; nothing is lost or duplicated', async () => {
    const { client: a } = await suite.signIn('A');
    const { client: b } = await suite.signIn('B');
    await a.send('insert', { collection: 'dossiers', doc: dossier('restart-1') });
    await a.send('awaitInSync', SYNC);
    await eventually(async () => expect(await b.send('get', { collection: 'dossiers', id: 'restart-1' })).not.toBeNull());

    const total = 45;
    const writeA = async (from: number, to: number): Promise<void> => {
      for (let i = from; i < to; i++) {
        await a.send('insert', { collection: 'messages', doc: message(`restart-msg-${i}`, 'restart-1', `note ${i}`) });
        await pause(15);
      }
    };
    const writeB = async (from: number, to: number): Promise<void> => {
      for (let i = from; i < to; i++) {
        await b.send('patch', { collection: 'dossiers', id: 'restart-1', patch: { partySize: i, updatedAt: at(i) } });
        await pause(25);
      }
    };

    await Promise.all([writeA(0, 15), writeB(0, 10)]);
    const stopping = suite.server().stop();
    await Promise.all([writeA(15, 30), writeB(10, 20)]);
    await stopping;
    await eventually(async () => expect(await a.send('state')).toMatchObject({ connection: 'offline' }));
    expect((await a.send('state')).pendingChanges).toBeGreaterThan(0);
    await suite.server().start();
    await Promise.all([writeA(30, total), writeB(20, 30)]);

    for (let pass = 0; pass < 2; pass++) await Promise.all([a.send('awaitInSync', SYNC), b.send('awaitInSync', SYNC)]);
    await eventually(async () => {
      const messages = (await b.send('all', { collection: 'messages' })).filter((m) => String(m.dossierId) === 'restart-1');
      expect(messages.map((m) => m.body).sort()).toEqual(Array.from({ length: total }, (_, i) => `note ${i}`).sort());
      expect(await a.send('get', { collection: 'dossiers', id: 'restart-1' })).toMatchObject({ partySize: 29 });
    }, 20_000);
    for (const c of [a, b]) {
      await eventually(async () => expect(await c.send('state')).toMatchObject({ connection: 'online', pendingChanges: 0, lastError: null }));
      expect(await c.send('conflicts')).toEqual([]);
    }
    // A live change after the restart still travels over the re-opened stream.
    await b.send('patch', { collection: 'dossiers', id: 'restart-1', patch: { subject: 'after restart', updatedAt: at(100) } });
    await eventually(async () => expect(await a.send('get', { collection: 'dossiers', id: 'restart-1' })).toMatchObject({ subject: 'after restart' }));
  }, 120_000);
});
