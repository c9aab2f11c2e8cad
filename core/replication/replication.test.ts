import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aDossierDoc } from '../schemas/doc-builders.ts';
import { fixedClock } from '../shared/clock.ts';
import { sequentialIds, type DossierId } from '../shared/ids.ts';
import { ok } from '../shared/result.ts';
import type { SyncAuth } from './auth-session.ts';
import { createClientDatabase, type ClientDatabase } from './client-database.ts';
import { startReplication, type Replication } from './start-replication.ts';
import type { SyncTransports } from './transport.ts';

// The replication client without a server: what it reports when the server cannot be reached, and
// how it counts pending changes across a restart. Exchanges with the real server are covered by
// test/integration.

beforeAll(() => {
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
});

const clock = fixedClock('2026-03-02T09:30:00.000Z');
const auth: SyncAuth = { accessToken: () => 'token', refresh: async () => ok('token') };
const unreachable: SyncTransports = {
  http: { postJson: () => Promise.reject(new Error('ECONNREFUSED')) },
  stream: {
    open(_url, _headers, handlers) {
      const timer = setTimeout(() => handlers.onClose({ message: 'ECONNREFUSED' }), 1);
      return { close: () => clearTimeout(timer) };
    },
  },
};

let db: ClientDatabase | null = null;
let replication: Replication | null = null;
let count = 0;

async function open(name: string): Promise<ClientDatabase> {
  db = await createClientDatabase({
    name,
    storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
    clock,
    ids: sequentialIds('conflict'),
    onConflictRecordError: (error) => {
      throw error;
    },
  });
  return db;
}

async function start(database: ClientDatabase, online: boolean): Promise<Replication> {
  replication = await startReplication({ db: database, baseUrl: 'http://sync.invalid', transports: unreachable, auth, clock, online, backoff: { initialMs: 5, maxMs: 20 } });
  return replication;
}

afterEach(async () => {
  await replication?.stop();
  await db?.close();
  replication = null;
  db = null;
});

const waitFor = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
};

describe('replication without a reachable server', () => {
  it('says it is offline and why, and counts local writes as pending', async () => {
    const database = await open(`offline-${++count}`);
    const running = await start(database, true);
    await database.dossiers.insert(aDossierDoc());
    await waitFor(() => running.state().connection === 'offline' && running.state().pendingChanges === 1);
    expect(running.state()).toMatchObject({ lastError: { code: 'UNREACHABLE' }, lastSyncedAt: null, pendingByCollection: { dossiers: 1, quotes: 0 } });
    expect(running.state().initialSync).toMatchObject({ done: false, received: 0 });
    await running.pause();
    expect(running.state().connection).toBe('paused');
  });

  it('still counts unpushed changes after the app restarts on the same storage', async () => {
    const name = `restart-${++count}`;
    const first = await open(name);
    const running = await start(first, false);
    await first.dossiers.bulkInsert([aDossierDoc({ id: 'd-1' as DossierId }), aDossierDoc({ id: 'd-2' as DossierId })]);
    await (await first.dossiers.findOne('d-1').exec())?.incrementalPatch({ subject: 'edited' });
    await waitFor(() => running.state().pendingChanges === 2);
    await running.stop();
    await first.close();
    replication = null;

    const second = await open(name);
    const restarted = await start(second, false);
    expect(restarted.state()).toMatchObject({ connection: 'paused', pendingChanges: 2 });
  });
});
