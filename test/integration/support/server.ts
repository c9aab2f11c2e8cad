import type { FastifyInstance } from 'fastify';
import type { Role } from '../../../sync-server/auth/principal.ts';
import { aUser, build, PASSWORD } from '../../server/support/build.ts';
import { openTestDatabase, type BackendName, type TestDatabase } from '../../server/support/test-db.ts';

/** A real sync server listening on 127.0.0.1, restartable on the same port and the same data. */
export interface TestServer {
  readonly baseUrl: string;
  readonly database: TestDatabase;
  readonly app: FastifyInstance;
  /** Creates a user; every test user has the password `PASSWORD`. */
  user(role: Role, team?: string): Promise<{ email: string; password: string; id: string }>;
  /** Moves the server's clock forward (access tokens expire, live streams close at expiry). */
  advanceClock(ms: number): void;
  /** Push requests this server process has answered for `collection` (from `/metrics`). */
  pushCount(collection: string): Promise<number>;
  /** Stops the server (streams end, connections refused) and closes the database. */
  stop(): Promise<void>;
  /** Opens the same data again and listens on the same port. */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

let users = 0;

export async function startTestServer(backend: BackendName): Promise<TestServer> {
  const database = await openTestDatabase(backend, 'integration');
  let offsetMs = 0;
  const now = (): Date => new Date(Date.now() + offsetMs);
  let app = await build(database.db, { now });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const port = address.port;
  let running = true;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    get app() {
      return app;
    },
    async user(role, team = 'alpes') {
      const created = await aUser(database.db, role, team, `it${++users}-${role}-${team}@example.fr`);
      return { email: created.email, password: PASSWORD, id: created.id };
    },
    advanceClock(ms) {
      offsetMs += ms;
    },
    async pushCount(collection) {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith(`comptoir_sync_push_total{collection="${collection}"}`));
      return line === undefined ? 0 : Number(line.split(' ').pop());
    },
    async stop() {
      if (!running) return;
      running = false;
      await app.close();
      await database.db.close();
    },
    async start() {
      if (running) return;
      const db = await database.reopen();
      app = await build(db, { now });
      await app.listen({ host: '127.0.0.1', port });
      running = true;
    },
    async destroy() {
      if (running) await app.close();
      running = false;
      await database.destroy();
    },
  };
}
