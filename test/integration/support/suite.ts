import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Role } from '../../../sync-server/auth/principal.ts';
import type { BackendName } from '../../server/support/test-db.ts';
import type { TestClient } from './client-proxy.ts';
import { signedInClient } from './fixtures.ts';
import { startTestServer, type TestServer } from './server.ts';

/** A signed-in client worker of a suite, with its user. */
export interface SuiteClient {
  readonly client: TestClient;
  readonly userId: string;
  readonly email: string;
}

/**
 * The usual shape of a multi-client suite, registered on the enclosing `describe`: one real sync
 * server on `backend` for the whole suite, and client workers that end after the test that signed
 * them in.
 */
export function syncSuite(backend: BackendName): {
  /** The suite's server (started before the first test). */
  server(): TestServer;
  /** Signs a new user of `role` and `team` in, in a worker of its own (ended after this test). */
  signIn(name: string, role?: Role, team?: string, online?: boolean): Promise<SuiteClient>;
  /** `signIn`, for tests that need only the client. */
  client(name: string, role?: Role, team?: string): Promise<TestClient>;
} {
  let server: TestServer | undefined;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startTestServer(backend);
  }, 60_000);
  afterAll(async () => server?.destroy());
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.terminate()));
  });
  const started = (): TestServer => {
    if (server === undefined) throw new Error('the suite server is not started yet');
    return server;
  };
  const signIn = async (name: string, role: Role = 'agent', team = 'alpes', online = true): Promise<SuiteClient> => {
    const signed = await signedInClient(started(), name, role, team, online);
    clients.push(signed.client);
    return signed;
  };
  return { server: started, signIn, client: async (name, role, team) => (await signIn(name, role, team)).client };
}
