import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aClientDoc } from '../../core/schemas/doc-builders.ts';
import type { ClientId } from '../../core/shared/ids.ts';
import { resolveJwtSecret } from '../../sync-server/auth/jwt-secret.ts';
import type { Checkpoint } from '../../sync-server/sync/checkpoint.ts';
import { aUser, bearer, build, login } from './support/build.ts';
import { httpClient, listen, wire, type Doc } from './support/sync-client.ts';
import { backends, openTestDatabase, type TestDatabase } from './support/test-db.ts';

const BACKENDS = await backends();

function client(id: string): Doc {
  return wire(aClientDoc({ id: id as ClientId, reference: id }));
}

describe.each(BACKENDS)('server restart on %s', (backend) => {
  let tdb: TestDatabase;

  beforeAll(async () => {
    tdb = await openTestDatabase(backend, 'restart');
  }, 60_000);
  afterAll(async () => tdb.destroy());

  /** A server on the current database with the generated (stored) signing secret, as in production. */
  async function start(): Promise<{ app: FastifyInstance; base: string }> {
    const app = await build(tdb.db, { jwtSecret: await resolveJwtSecret(tdb.db, null) });
    return { app, base: await listen(app) };
  }
  async function restart(app: FastifyInstance): Promise<{ app: FastifyInstance; base: string }> {
    await app.close();
    await tdb.db.close();
    await tdb.reopen();
    return start();
  }

  it('keeps documents, users, tokens and checkpoints', async () => {
    let server = await start();
    const user = await aUser(tdb.db, 'manager');
    const tokens = await login(server.app, user.email);
    await httpClient(server.base, tokens).push('clients', [{ newDocumentState: client('before-1') }, { newDocumentState: client('before-2') }]);
    const first = await httpClient(server.base, tokens).pullAll('clients');

    server = await restart(server.app);
    // The generated signing key was stored: tokens issued before the restart still work.
    const sync = httpClient(server.base, tokens);
    expect(await sync.pull('clients', first.checkpoint)).toEqual({ documents: [], checkpoint: first.checkpoint });
    await sync.push('clients', [{ newDocumentState: client('after-1') }]);
    const next = await sync.pull('clients', first.checkpoint);
    expect(next.documents.map((d) => d.id)).toEqual(['after-1']);
    expect(next.checkpoint.seq).toBeGreaterThan((first.checkpoint as Checkpoint).seq);
    expect((await sync.pullAll('clients')).documents.map((d) => d.id)).toEqual(['before-1', 'before-2', 'after-1']);
    const refreshed = await server.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: tokens.refreshToken } });
    expect(refreshed.statusCode).toBe(200);
    await server.app.close();
  });

  it('loses nothing when restarted in the middle of traffic (clients retry unanswered pushes)', async () => {
    let server = await start();
    const user = await aUser(tdb.db, 'manager');
    const tokens = await login(server.app, user.email);
    const total = 60;
    let stop = false;
    const seen = new Map<string, number>();
    let written = 0;

    /** Retries a call against whichever server is up, as a replicating client does. */
    async function retrying<T>(call: (base: string) => Promise<T>): Promise<T> {
      for (;;) {
        try {
          return await call(server.base);
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    }
    const writer = (async () => {
      for (let i = 0; i < total; i += 2) {
        const rows = [i, i + 1].map((n) => ({ newDocumentState: client(`mid-${String(n).padStart(3, '0')}`) }));
        // A retry may follow a push that did commit (response lost): it must come back as success.
        expect(await retrying((base) => httpClient(base, tokens).push('clients', rows))).toEqual([]);
        written += rows.length;
      }
    })();
    const reader = (async () => {
      let checkpoint: Checkpoint | null = null;
      for (;;) {
        const finishing = stop;
        const page = await retrying((base) => httpClient(base, tokens).pull('clients', checkpoint, 10));
        for (const doc of page.documents) if (doc.id.startsWith('mid-')) seen.set(doc.id, (seen.get(doc.id) ?? 0) + 1);
        checkpoint = page.checkpoint;
        if (finishing && page.documents.length < 10) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    while (written < total / 3) await new Promise((resolve) => setTimeout(resolve, 2));
    server = await restart(server.app);
    expect(written).toBeLessThan(total);
    await writer;
    stop = true;
    await reader;

    const ids = Array.from({ length: total }, (_, n) => `mid-${String(n).padStart(3, '0')}`);
    const everything = (await httpClient(server.base, tokens).pullAll('clients')).documents.map((d) => d.id).filter((id) => id.startsWith('mid-'));
    expect(everything.sort()).toEqual(ids);
    expect([...seen.keys()].sort()).toEqual(ids);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    const health = await server.app.inject({ method: 'GET', url: '/health', headers: bearer(tokens) });
    expect(health.statusCode).toBe(200);
    await server.app.close();
  }, 60_000);

  it('treats the retry of a push whose response was lost as a success', async () => {
    const app = await build(tdb.db);
    let dropNext = true;
    // The push commits, then the connection dies before the response leaves: a lost response.
    app.addHook('onSend', async (request, _reply, payload) => {
      if (dropNext && request.url.endsWith('/push')) {
        dropNext = false;
        request.raw.socket.destroy();
      }
      return payload;
    });
    const base = await listen(app);
    const user = await aUser(tdb.db, 'manager');
    const tokens = await login(app, user.email);
    const sync = httpClient(base, tokens);
    const doc = client('lost-response');
    const before = await sync.pullAll('clients');
    await expect(sync.push('clients', [{ newDocumentState: doc }])).rejects.toThrow();
    expect(await sync.push('clients', [{ newDocumentState: doc }])).toEqual([]);
    const after = await sync.pull('clients', before.checkpoint);
    expect(after.documents).toEqual([doc]);
    await app.close();
  });
});
