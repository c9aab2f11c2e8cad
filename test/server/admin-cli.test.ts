import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aClientDoc, aDossierDoc, aProductDoc, aReferenceDoc, anOfferDoc } from '../../core/schemas/doc-builders.ts';
import type { ClientId } from '../../core/shared/ids.ts';
import { restore } from '../../sync-server/admin/backup.ts';
import { importDocuments } from '../../sync-server/admin/import-docs.ts';
import { addUser, setDisabled } from '../../sync-server/admin/user-commands.ts';
import { readEpoch } from '../../sync-server/db/server-meta.ts';
import { aUser, bearer, build, login, signedIn } from './support/build.ts';
import { dossier } from './support/docs.ts';
import { runNode } from './support/run-node.ts';
import { injectClient } from './support/sync-client.ts';
import { backends, openTestDatabase, resetDatabase, type TestDatabase } from './support/test-db.ts';

const BACKENDS = await backends();
const CLI = 'sync-server/admin/cli.ts';

describe.each(BACKENDS)('admin CLI on %s', (backend) => {
  let tdb: TestDatabase;
  let files: string;

  beforeAll(async () => {
    tdb = await openTestDatabase(backend, 'admin');
    files = mkdtempSync(join(tmpdir(), 'comptoir-admin-'));
  }, 60_000);
  afterAll(async () => {
    await tdb.destroy();
    rmSync(files, { recursive: true, force: true });
  });
  beforeEach(async () => resetDatabase(tdb.db));

  /** Runs the CLI on this test's storage; PGlite allows one process, so the test lets go meanwhile. */
  async function cli(...args: string[]) {
    await tdb.db.close();
    try {
      return await runNode(CLI, args, tdb.env);
    } finally {
      await tdb.reopen();
    }
  }

  it('adds a user who can then sign in; lists and disables users', async () => {
    const added = await cli('user', 'add', '--email', 'Nadia@example.fr', '--name', 'Nadia Roux', '--password', 'ski de fond 2026', '--role', 'manager', '--team', 'alpes');
    expect(added.stderr).toBe('');
    expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('Created manager Nadia@example.fr') });
    const app = await build(tdb.db);
    const session = await login(app, 'nadia@example.fr', 'ski de fond 2026');
    expect(session.user).toMatchObject({ role: 'manager', team: 'alpes', name: 'Nadia Roux' });
    await app.close();

    const listed = await cli('user', 'list');
    expect(listed.stdout).toMatch(/Nadia@example.fr\tNadia Roux\tmanager\talpes\tactive/);
    expect((await cli('user', 'disable', 'nadia@example.fr')).code).toBe(0);
    const after = await build(tdb.db);
    const denied = await after.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nadia@example.fr', password: 'ski de fond 2026' } });
    expect(denied.json()).toMatchObject({ code: 'ACCOUNT_DISABLED' });
    await after.close();
  }, 60_000);

  it('explains bad arguments and unknown commands', async () => {
    const weak = await cli('user', 'add', '--email', 'x@example.fr', '--name', 'X', '--password', 'short', '--role', 'agent', '--team', 'alpes');
    expect(weak).toMatchObject({ code: 1, stderr: expect.stringContaining('INVALID_ARGUMENT: --password') });
    const base = { email: 'x@example.fr', name: 'X', password: 'long enough 123', role: 'agent', team: 'alpes' };
    expect(await addUser(tdb.db, { ...base, role: 'boss' })).toMatchObject({ error: { message: '--role must be agent, manager or admin' } });
    expect(await addUser(tdb.db, { ...base, email: 'not-an-email' })).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
    expect(await addUser(tdb.db, { ...base, team: 'a team' })).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
    expect((await addUser(tdb.db, base)).ok).toBe(true);
    expect(await addUser(tdb.db, { ...base, email: 'X@example.fr' })).toMatchObject({ error: { code: 'EMAIL_TAKEN' } });
    expect(await setDisabled(tdb.db, 'ghost@example.fr', true)).toMatchObject({ error: { code: 'NO_SUCH_USER' } });
    // Usage errors are found before the storage is opened.
    const unknown = await runNode(CLI, ['frobnicate'], tdb.env);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage:') });
    const badOption = await runNode(CLI, ['user', 'add', '--colour', 'blue'], tdb.env);
    expect(badOption).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--colour'") });
  }, 60_000);

  it('imports reference data all or nothing, and lists every problem', async () => {
    const good = {
      clients: [aClientDoc()],
      products: [aProductDoc()],
      offers: [anOfferDoc()],
      reference: [aReferenceDoc()],
    };
    const file = join(files, 'import.json');
    writeFileSync(file, JSON.stringify(good));
    const imported = await cli('import', file);
    expect(imported).toMatchObject({ code: 0, stdout: 'Imported 1 clients, 1 products, 1 offers, 1 reference\n' });
    const app = await build(tdb.db);
    const agent = injectClient(app, await signedIn(app, tdb.db, 'agent'));
    expect((await agent.pullAll('products')).documents).toEqual([{ ...aProductDoc(), _deleted: false }]);

    const bad = {
      clients: [aClientDoc({ id: 'c2' as ClientId }), { ...aClientDoc({ id: 'c3' as ClientId }), kind: 'alien' }],
      products: [{ ...aProductDoc(), unitPrice: 12.5 }],
      dossiers: [aDossierDoc()],
    };
    const result = await importDocuments(tdb.db, bad);
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain('clients[1] (id "c3"): /kind');
    expect(message).toContain('products[0]');
    expect(message).toContain('"dossiers": not importable');
    expect((await agent.pullAll('clients')).documents.map((d) => d.id)).toEqual([aClientDoc().id]);
    await app.close();
  }, 60_000);

  it('backs up and restores into an empty database: identical documents and users, new epoch', async () => {
    const app = await build(tdb.db);
    const manager = await signedIn(app, tdb.db, 'manager');
    await aUser(tdb.db, 'agent', 'mer', 'disabled@example.fr');
    await tdb.db.query(`UPDATE users SET disabled = true WHERE email = 'disabled@example.fr'`);
    const sync = injectClient(app, manager);
    await sync.push('dossiers', [{ newDocumentState: dossier('d1') }, { newDocumentState: dossier('d2', { team: 'mer' }) }]);
    await sync.push('dossiers', [{ assumedMasterState: dossier('d1'), newDocumentState: { ...dossier('d1'), _deleted: true } }]);
    await importDocuments(tdb.db, { products: [aProductDoc()], reference: [aReferenceDoc()] });
    await app.close();

    const file = join(files, 'backup.jsonl');
    const made = await cli('backup', file);
    expect(made).toMatchObject({ code: 0, stdout: expect.stringContaining('Backed up 4 documents and 2 users') });
    expect(readFileSync(file, 'utf8').split('\n')[0]).toContain('"kind":"comptoir-backup"');

    const target = await openTestDatabase(backend, 'restore');
    try {
      const restored = await restore(target.db, file);
      expect(restored).toEqual({ ok: true, value: { users: 2, docs: 4 } });
      const dump = (db: TestDatabase['db']) =>
        db.query('SELECT collection, id, seq::text, deleted, doc, team, owner, dossier_id FROM docs ORDER BY collection, id');
      expect(await dump(target.db)).toEqual(await dump(tdb.db));
      const users = (db: TestDatabase['db']) => db.query('SELECT id, email, name, password_hash, role, team, disabled FROM users ORDER BY id');
      expect(await users(target.db)).toEqual(await users(tdb.db));
      expect(await readEpoch(target.db)).not.toBe(await readEpoch(tdb.db));
      // Sequences continue after the restored ones, and restored passwords work.
      const restoredApp = await build(target.db);
      const session = await login(restoredApp, manager.user.email);
      const pulled = await injectClient(restoredApp, session).pullAll('dossiers');
      expect(pulled.documents.map((d) => [d.id, d._deleted])).toEqual([['d2', false], ['d1', true]]);
      await injectClient(restoredApp, session).push('dossiers', [{ newDocumentState: dossier('d3') }]);
      const seqs = await target.db.query<{ seq: string }>(`SELECT seq::text FROM docs WHERE collection = 'dossiers' ORDER BY seq`);
      expect(new Set(seqs.map((r) => r.seq)).size).toBe(3);
      const second = await restore(target.db, file);
      expect(second).toMatchObject({ ok: false, error: { code: 'NOT_EMPTY' } });
      const health = await restoredApp.inject({ method: 'GET', url: '/health', headers: bearer(session) });
      expect(health.statusCode).toBe(200);
      await restoredApp.close();
    } finally {
      await target.destroy();
    }
  }, 60_000);
});
