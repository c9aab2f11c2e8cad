// `admin demo`: the demo desk loaded through the push path, its accounts, idempotence, and the
// number counters raised above the demo's numbers — on PGlite and PostgreSQL.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../core/pipeline/dossier.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmptyDatabase, loadDemo } from '../../sync-server/admin/demo.ts';
import { quoteTotalsError } from '../../sync-server/quotes/totals-check.ts';
import { bearer, build, login, TEST_SCRYPT } from './support/build.ts';
import { runNode } from './support/run-node.ts';
import { injectClient, type Doc } from './support/sync-client.ts';
import { backends, openTestDatabase, type TestDatabase } from './support/test-db.ts';

const BACKENDS = await backends();
const NOW = '2026-01-15T09:00:00.000Z';

describe.each(BACKENDS)('demo desk on %s', (backend) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    tdb = await openTestDatabase(backend, 'demo');
    expect(await isEmptyDatabase(tdb.db)).toBe(true);
    await loadDemo(tdb.db, { now: NOW, scrypt: TEST_SCRYPT });
    app = await build(tdb.db, { now: () => new Date(NOW) });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await tdb?.destroy();
  });

  it("signs an agent in with the demo password to their team's dossiers, in every pipeline stage", async () => {
    const claire = DEMO_ACCOUNTS.find((account) => account.email.startsWith('claire'));
    const session = await login(app, claire?.email ?? '', DEMO_PASSWORD);
    expect(session.user).toMatchObject({ id: 'user-claire', role: 'agent', team: 'accueil' });
    const sync = injectClient(app, session);
    const { documents: dossiers } = await sync.pullAll('dossiers');
    expect(dossiers.length).toBeGreaterThan(0);
    expect(new Set(dossiers.map((d) => d.team))).toEqual(new Set(['accueil']));
    expect(new Set(dossiers.map((d) => d.stage))).toEqual(new Set(STAGES));
    // Her own dossiers are writable: assigned to her id, the one the demo account has.
    expect(dossiers.some((d) => d.assignedTo === 'user-claire')).toBe(true);

    const { documents: quotes } = await sync.pullAll('quotes');
    const ids = new Set(dossiers.map((d) => d.id));
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((q) => ids.has(String(q.dossierId)))).toBe(true);
    // What the server re-checks on every push holds for every demo quote.
    expect(quotes.map((q) => quoteTotalsError(q)).filter((problem) => problem !== null)).toEqual([]);
    expect((await sync.pullAll('products')).documents.length).toBeGreaterThan(0);
  });

  it('creates a manager and an administrator who see both teams', async () => {
    for (const role of ['manager', 'admin'] as const) {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role);
      const session = await login(app, account?.email ?? '', DEMO_PASSWORD);
      const { documents } = await injectClient(app, session).pullAll('dossiers');
      expect(new Set(documents.map((d) => d.team))).toEqual(new Set(['accueil', 'groupes']));
    }
  });

  it('changes nothing when run again, even on another day', async () => {
    const admin = await login(app, 'admin@comptoir-des-neiges.fr', DEMO_PASSWORD);
    const before = await injectClient(app, admin).pullAll('quotes', 1000);
    const again = await loadDemo(tdb.db, { now: '2026-03-01T09:00:00.000Z', scrypt: TEST_SCRYPT });
    expect(again).toMatchObject({ added: {}, accountsCreated: [] });
    expect(again.kept).toBeGreaterThan(0);
    const after = await injectClient(app, admin).pullAll('quotes', 1000);
    expect(after.checkpoint).toEqual(before.checkpoint);
    expect(after.documents.map((q: Doc) => q.updatedAt)).toEqual(before.documents.map((q: Doc) => q.updatedAt));
    const users = await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    expect(users[0]?.n).toBe(DEMO_ACCOUNTS.length);
  });

  it('never hands out the demo numbers again in a number block', async () => {
    const admin = await login(app, 'admin@comptoir-des-neiges.fr', DEMO_PASSWORD);
    const { documents: quotes } = await injectClient(app, admin).pullAll('quotes', 1000);
    const highest = Math.max(...quotes.filter((q) => String(q.number).startsWith('Q-2025-')).map((q) => Number(String(q.number).slice(-6))));
    const response = await app.inject({ method: 'POST', url: '/api/numbers/reserve', headers: bearer(admin), payload: { series: 'Q', year: 2025, deviceId: 'dev-demo' } });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ start: number }>().start).toBe(highest + 1);
  });
});

describe('admin demo command', () => {
  it('loads the demo and prints the demo credentials', async () => {
    const tdb = await openTestDatabase('pglite', 'demo-cli');
    await tdb.db.close();
    try {
      const first = await runNode('sync-server/admin/cli.ts', ['demo', '--now', NOW], tdb.env);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('32 dossiers');
      expect(first.stdout).toContain(DEMO_PASSWORD);
      for (const account of DEMO_ACCOUNTS) expect(first.stdout).toContain(account.email);
      const second = await runNode('sync-server/admin/cli.ts', ['demo'], tdb.env);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('no document');
      expect(second.stdout).toContain('no new account');
    } finally {
      await tdb.reopen();
      await tdb.destroy();
    }
  }, 120_000);
});
