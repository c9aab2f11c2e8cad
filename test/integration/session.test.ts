import { describe, expect, it } from 'vitest';
import { setUserDisabled } from '../../sync-server/auth/users.ts';
import { backends } from '../server/support/test-db.ts';
import { eventually } from './support/eventually.ts';
import { at, dossier } from './support/fixtures.ts';
import { syncSuite } from './support/suite.ts';

const BACKENDS = await backends();
const SYNC = { timeoutMs: 15_000 };
const SIXTEEN_MINUTES = 16 * 60_000;

describe.each(BACKENDS)('sessions of syncing clients, on %s', (backend) => {
  const suite = syncSuite(backend);

  it('renews expired access tokens by itself: requests and the live stream carry on', async () => {
    const { client: a } = await suite.signIn('A');
    const { client: b } = await suite.signIn('B');
    await a.send('insert', { collection: 'dossiers', doc: dossier('session-1') });
    await a.send('awaitInSync', SYNC);
    await eventually(async () => expect(await b.send('get', { collection: 'dossiers', id: 'session-1' })).not.toBeNull());

    // Access tokens live 15 minutes: the server now refuses them and ends the streams at its next heartbeat.
    suite.server().advanceClock(SIXTEEN_MINUTES);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await b.send('patch', { collection: 'dossiers', id: 'session-1', patch: { subject: 'after expiry (B)', updatedAt: at(1) } });
    await eventually(async () => expect(await a.send('get', { collection: 'dossiers', id: 'session-1' })).toMatchObject({ subject: 'after expiry (B)' }));
    await a.send('patch', { collection: 'dossiers', id: 'session-1', patch: { partySize: 9, updatedAt: at(2) } });
    await eventually(async () => expect(await b.send('get', { collection: 'dossiers', id: 'session-1' })).toMatchObject({ partySize: 9 }));
    for (const c of [a, b]) await eventually(async () => expect(await c.send('state')).toMatchObject({ connection: 'online', lastError: null }));
  }, 60_000);

  it('keeps the session when the answer to a token refresh is lost: the retry with the same token is accepted', async () => {
    const { client: a } = await suite.signIn('A');
    const { client: b } = await suite.signIn('B');
    await a.send('insert', { collection: 'dossiers', doc: dossier('session-lost-refresh') });
    await a.send('awaitInSync', SYNC);
    await a.send('dropNextRefreshResponse');
    suite.server().advanceClock(SIXTEEN_MINUTES);
    await eventually(async () => expect(await a.send('droppedResponses')).toBe(1), 15_000);
    await a.send('patch', { collection: 'dossiers', id: 'session-lost-refresh', patch: { subject: 'after a lost refresh', updatedAt: at(3) } });
    await eventually(async () => expect(await b.send('get', { collection: 'dossiers', id: 'session-lost-refresh' })).toMatchObject({ subject: 'after a lost refresh' }), 15_000);
    expect(await a.send('state')).toMatchObject({ connection: 'online', lastError: null });
  }, 60_000);

  it('stops syncing and says so when the session cannot be renewed (account disabled)', async () => {
    const { client: a, email } = await suite.signIn('A');
    await a.send('awaitInSync', SYNC);
    await setUserDisabled(suite.server().database.db, email, true);
    suite.server().advanceClock(SIXTEEN_MINUTES);
    await a.send('insert', { collection: 'dossiers', doc: dossier('session-2') });
    await eventually(async () => expect(await a.send('state')).toMatchObject({ connection: 'signed_out', pendingChanges: 1, lastError: { code: 'SESSION_ENDED' } }));
  }, 60_000);
});
