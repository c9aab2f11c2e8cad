import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../sync-server/auth/users.ts';
import { bearer, PASSWORD, TEST_SCRYPT, type Tokens } from './support/build.ts';
import { runNode, startNode } from './support/run-node.ts';
import { openSse } from './support/sse.ts';
import { openTestDatabase, type TestDatabase } from './support/test-db.ts';

/**
 * `node sync-server/server.ts` as an operator runs it, on the embedded database: listens, serves,
 * locks its data directory against a second process, and shuts down cleanly on SIGTERM.
 */
describe('the server process (PGlite)', () => {
  let tdb: TestDatabase;

  beforeAll(async () => {
    tdb = await openTestDatabase('pglite', 'process');
    await createUser(tdb.db, { email: 'ops@example.fr', name: 'Ops', password: PASSWORD, role: 'admin', team: 'siege' }, TEST_SCRYPT);
    await tdb.db.close();
  }, 60_000);
  afterAll(async () => tdb.destroy());

  it('serves, refuses a second opener of its data directory, and stops gracefully on SIGTERM', async () => {
    const server = startNode('sync-server/server.ts', { ...tdb.env, PORT: '0', LOG_LEVEL: 'info' });
    let logs = '';
    server.stdout?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    const exited = once(server, 'exit');
    try {
      const base = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${logs}`)), 30_000);
        server.stdout?.on('data', () => {
          const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(logs);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      // Structured JSON logs.
      expect(() => logs.trim().split('\n').map((line) => JSON.parse(line))).not.toThrow();
      expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok', database: 'pglite' });

      const busy = await runNode('sync-server/admin/cli.ts', ['user', 'list'], tdb.env);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain('DATA_DIR_LOCKED');
      expect(busy.stderr).toContain('in use by the server');

      const session = (await (
        await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ops@example.fr', password: PASSWORD }) })
      ).json()) as Tokens;
      const stream = await openSse(`${base}/api/sync/stream`, bearer(session));
      await stream.waitFor((data) => data === 'RESYNC');
      expect(logs).not.toContain(session.accessToken);

      server.kill('SIGTERM');
      await stream.ended;
      const [code] = await exited;
      expect(code).toBe(0);
      expect(logs).toContain('"msg":"stopped"');
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    // The lock went with the process: the CLI can use the data directory now.
    const free = await runNode('sync-server/admin/cli.ts', ['user', 'list'], tdb.env);
    expect(free.stdout).toContain('ops@example.fr');
    await tdb.reopen();
  }, 60_000);
});
