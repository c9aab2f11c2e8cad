import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aCommandDoc, aDepositRequestDoc, anInvoiceDoc } from '../../core/schemas/doc-builders.ts';
import { bearer, build, signedIn, type Tokens } from './support/build.ts';
import { dossier, edit, product } from './support/docs.ts';
import { injectClient, wire, type Doc, type SyncClient } from './support/sync-client.ts';
import { backends, openTestDatabase, resetDatabase, type TestDatabase } from './support/test-db.ts';

const BACKENDS = await backends();

describe.each(BACKENDS)('replication endpoints on %s', (backend) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let manager: Tokens;
  let sync: SyncClient;

  beforeAll(async () => {
    tdb = await openTestDatabase(backend, 'replication');
  }, 60_000);
  afterAll(async () => tdb.destroy());
  beforeEach(async () => {
    await resetDatabase(tdb.db);
    app = await build(tdb.db);
    manager = await signedIn(app, tdb.db, 'manager');
    sync = injectClient(app, manager);
  });
  afterEach(async () => app.close());

  it('round-trips a document: push, then pull it back with a server checkpoint', async () => {
    const doc = dossier('d1');
    expect(await sync.push('dossiers', [{ newDocumentState: doc }])).toEqual([]);
    const first = await sync.pull('dossiers', null);
    expect(first.documents).toEqual([doc]);
    expect(first.checkpoint).toEqual({ epoch: expect.any(String), seq: 1 });
    const again = await sync.pull('dossiers', first.checkpoint);
    expect(again).toEqual({ documents: [], checkpoint: first.checkpoint });
  });

  it('returns the server copy when the assumed master state is stale, and writes nothing', async () => {
    const original = dossier('d1', { subject: 'v1' });
    await sync.push('dossiers', [{ newDocumentState: original }]);
    const fromA = edit(original, { subject: 'A' });
    expect(await sync.push('dossiers', [{ assumedMasterState: original, newDocumentState: fromA }])).toEqual([]);
    const fromB = edit(original, { subject: 'B' });
    expect(await sync.push('dossiers', [{ assumedMasterState: original, newDocumentState: fromB }])).toEqual([fromA]);
    // A client that never saw the document cannot overwrite it either.
    expect(await sync.push('dossiers', [{ newDocumentState: fromB }])).toEqual([fromA]);
    expect((await sync.pull('dossiers', null)).documents).toEqual([fromA]);
  });

  it('treats a retried push (lost response) as a success without a new write', async () => {
    const original = dossier('d1', { subject: 'v1' });
    await sync.push('dossiers', [{ newDocumentState: original }]);
    const edited = edit(original, { subject: 'v2' });
    await sync.push('dossiers', [{ assumedMasterState: original, newDocumentState: edited }]);
    const before = await sync.pull('dossiers', null);
    expect(await sync.push('dossiers', [{ assumedMasterState: original, newDocumentState: edited }])).toEqual([]);
    expect(await sync.push('dossiers', [{ newDocumentState: edited }])).toEqual([]);
    expect(await sync.pull('dossiers', null)).toEqual(before);
  });

  it('accepts deleting a document it never had as a success that writes nothing', async () => {
    const tombstone = wire(dossier('never-synced'), true);
    expect(await sync.push('dossiers', [{ newDocumentState: tombstone }])).toEqual([]);
    expect(await sync.push('dossiers', [{ assumedMasterState: tombstone, newDocumentState: tombstone }])).toEqual([]);
    expect((await sync.pull('dossiers', null)).documents).toEqual([]);
  });

  it('keeps deletes as tombstones that replicate', async () => {
    const doc = dossier('d1');
    await sync.push('dossiers', [{ newDocumentState: doc }]);
    const after = (await sync.pull('dossiers', null)).checkpoint;
    const tombstone = wire(doc, true);
    expect(await sync.push('dossiers', [{ assumedMasterState: doc, newDocumentState: tombstone }])).toEqual([]);
    expect((await sync.pull('dossiers', after)).documents).toEqual([tombstone]);
    const rows = await tdb.db.query<{ deleted: boolean }>(`SELECT deleted FROM docs WHERE collection = 'dossiers' AND id = 'd1'`);
    expect(rows).toEqual([{ deleted: true }]);
    // Undelete is an ordinary update of the tombstone.
    expect(await sync.push('dossiers', [{ assumedMasterState: tombstone, newDocumentState: doc }])).toEqual([]);
  });

  it("drops RxDB's local bookkeeping (_meta, _rev, _attachments)", async () => {
    const doc = dossier('d1');
    const local = { ...doc, _meta: { lwt: 1 }, _rev: '1-abc', _attachments: {} } as unknown as Doc;
    await sync.push('dossiers', [{ newDocumentState: local }]);
    expect((await sync.pull('dossiers', null)).documents).toEqual([doc]);
    // …and compares states without it: the same document with another _rev is not a conflict.
    const retry = { ...doc, _rev: '2-def' } as unknown as Doc;
    expect(await sync.push('dossiers', [{ assumedMasterState: retry, newDocumentState: edit(doc, { subject: 'x' }) }])).toEqual([]);
  });

  it('pages through a collection delivering every document exactly once, in write order', async () => {
    const admin = injectClient(app, await signedIn(app, tdb.db, 'admin'));
    const ids = Array.from({ length: 250 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    for (let i = 0; i < ids.length; i += 50) {
      expect(await admin.push('products', ids.slice(i, i + 50).map((id) => ({ newDocumentState: product(id) })))).toEqual([]);
    }
    // Re-write some so that write order differs from id order.
    const rewritten = ['p010', 'p000', 'p200'];
    await admin.push('products', rewritten.map((id) => ({ assumedMasterState: product(id), newDocumentState: product(id, { label: 'new' }) })));
    const seen: string[] = [];
    let checkpoint = null;
    let lastSeq = 0;
    for (let pages = 0; pages < 100; pages++) {
      const page = await sync.pull('products', checkpoint, 7);
      seen.push(...page.documents.map((d) => d.id));
      expect(page.checkpoint.seq).toBeGreaterThanOrEqual(lastSeq);
      lastSeq = page.checkpoint.seq;
      checkpoint = page.checkpoint;
      if (page.documents.length < 7) break;
    }
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect(seen.slice(-3)).toEqual(rewritten);
  });

  it('serves a first sync newest first, then goes on oldest first from its head, missing no write made meanwhile', async () => {
    const pull = async (checkpoint: unknown, limit: number, order?: 'newest') => {
      const res = await app.inject({ method: 'POST', url: '/api/sync/dossiers/pull', headers: bearer(manager), payload: { checkpoint, limit, ...(order ? { order } : {}) } });
      expect(res.statusCode).toBe(200);
      return res.json<{ documents: Doc[]; checkpoint: { epoch: string; seq: number; newest?: { head: number; below: number } | null } }>();
    };
    const ids = ['n1', 'n2', 'n3', 'n4', 'n5'];
    for (const id of ids) expect(await sync.push('dossiers', [{ newDocumentState: dossier(id) }])).toEqual([]);
    const first = await pull(null, 2, 'newest');
    expect(first.documents.map((d) => d.id)).toEqual(['n5', 'n4']);
    expect(first.checkpoint).toEqual({ epoch: expect.any(String), seq: 0, newest: { head: 5, below: 4 } });
    // Meanwhile: a new dossier, and the oldest one written again (it moves past the head).
    expect(await sync.push('dossiers', [{ newDocumentState: dossier('n6') }])).toEqual([]);
    const [n1] = (await sync.pull('dossiers', null, 1)).documents;
    expect(await sync.push('dossiers', [{ assumedMasterState: n1!, newDocumentState: { ...n1!, subject: 'rewritten' } }])).toEqual([]);
    const second = await pull(first.checkpoint, 2);
    expect(second.documents.map((d) => d.id)).toEqual(['n3', 'n2']);
    const third = await pull(second.checkpoint, 2);
    expect(third).toEqual({ documents: [], checkpoint: { epoch: first.checkpoint.epoch, seq: 5, newest: null } });
    // Oldest first from the head: what was written during the first sync, each document once.
    const rest = await pull(third.checkpoint, 100);
    expect(rest.documents.map((d) => d.id)).toEqual(['n6', 'n1']);
    expect(rest.documents[1]).toMatchObject({ subject: 'rewritten' });
    expect(rest.checkpoint).toEqual({ epoch: first.checkpoint.epoch, seq: 7 });
  });

  it('keeps the rules in a newest-first sync: an agent gets their team only', async () => {
    for (const [id, team] of [['t1', 'alpes'], ['t2', 'mer'], ['t3', 'alpes'], ['t4', 'mer']] as const) {
      expect(await sync.push('dossiers', [{ newDocumentState: dossier(id, { team, assignedTo: null }) }])).toEqual([]);
    }
    const agent = await signedIn(app, tdb.db, 'agent', 'alpes');
    const res = await app.inject({ method: 'POST', url: '/api/sync/dossiers/pull', headers: bearer(agent), payload: { checkpoint: null, limit: 10, order: 'newest' } });
    expect(res.json<{ documents: Doc[] }>().documents.map((d) => d.id)).toEqual(['t3', 't1']);
    expect(res.json<{ checkpoint: unknown }>().checkpoint).toEqual({ epoch: expect.any(String), seq: 4, newest: null });
  });

  it('restarts from the beginning when the checkpoint belongs to another database epoch', async () => {
    await sync.push('dossiers', [{ newDocumentState: dossier('d1') }]);
    const { checkpoint } = await sync.pull('dossiers', null);
    const foreign = await sync.pull('dossiers', { epoch: 'restored-elsewhere', seq: checkpoint.seq });
    expect(foreign.documents.map((d) => d.id)).toEqual(['d1']);
  });

  it('ignores server-owned fields pushed by a client and keeps derived keys right', async () => {
    const request = wire({ ...aDepositRequestDoc({ status: 'paid', link: 'https://evil.example/pay' }), statusKey: 'paid' });
    await sync.push('payments', [{ newDocumentState: request }]);
    const stored = (await sync.pull('payments', null)).documents[0];
    expect(stored).toMatchObject({ status: 'queued', statusKey: 'queued', link: null, expiresAt: null });
    // The server later marks it paid (as the payment provider would).
    await tdb.db.query(
      `UPDATE docs SET doc = doc || '{"status":"sent","statusKey":"sent","link":"https://pay.example/1"}'::jsonb WHERE collection = 'payments'`,
    );
    const master = (await sync.pull('payments', null)).documents[0] as Doc;
    const tampered = edit(master, { status: 'cancelled', statusKey: 'cancelled', link: null, amount: 12_000 });
    expect(await sync.push('payments', [{ assumedMasterState: master, newDocumentState: tampered }])).toEqual([]);
    expect((await sync.pull('payments', null)).documents[0]).toMatchObject({ status: 'sent', link: 'https://pay.example/1', amount: 12_000 });

    await sync.push('commands', [{ newDocumentState: wire(aCommandDoc({ status: 'done', result: { forged: true } })) }]);
    expect((await sync.pull('commands', null)).documents[0]).toMatchObject({ status: 'queued', result: null, error: null });
    await sync.push('documents', [{ newDocumentState: wire(anInvoiceDoc({ number: 'F-2026-000001' })) }]);
    expect((await sync.pull('documents', null)).documents[0]).toMatchObject({ number: null });

    await sync.push('dossiers', [{ newDocumentState: { ...dossier('d9', { assignedTo: null }), assignedToKey: 'forged' } }]);
    expect((await sync.pull('dossiers', null)).documents[0]).toMatchObject({ assignedTo: null, assignedToKey: '' });
  });

  it('reports the sequences a push gave when asked, only when every document was stored as sent', async () => {
    const pushReport = async (collection: string, rows: object[]) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/sync/${collection}/push`,
        headers: { ...bearer(manager), accept: 'application/vnd.comptoir.push-report+json' },
        payload: rows,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/vnd.comptoir.push-report+json');
      return JSON.parse(res.body) as { conflicts: Doc[]; written: { epoch: string; from: number; to: number } | null };
    };
    const [d1, d2] = [dossier('d1', { subject: 'v1' }), dossier('d2')];
    const { epoch } = (await sync.pull('dossiers', null)).checkpoint;
    expect(await pushReport('dossiers', [{ newDocumentState: d1 }, { newDocumentState: d2 }])).toEqual({ conflicts: [], written: { epoch, from: 1, to: 2 } });
    // A conflict is not written and gets no sequence; the written row does.
    const stale = edit(d1, { subject: 'stale' });
    const d3 = dossier('d3');
    expect(await pushReport('dossiers', [{ newDocumentState: stale }, { newDocumentState: d3 }])).toEqual({ conflicts: [d1], written: { epoch, from: 3, to: 3 } });
    // Nothing written (a retry of what the server holds): no sequences.
    expect(await pushReport('dossiers', [{ newDocumentState: d3 }])).toEqual({ conflicts: [], written: null });
    // A server-owned field kept: the client's copy differs from the server's, it must pull it.
    const request = wire({ ...aDepositRequestDoc({ status: 'paid' }), statusKey: 'paid' });
    expect(await pushReport('payments', [{ newDocumentState: request }])).toEqual({ conflicts: [], written: null });
    // Without asking, the bare conflicts array, as before.
    expect(await sync.push('dossiers', [{ newDocumentState: stale }])).toEqual([d1]);
  });

  it('rejects an invalid document with 400 and writes nothing of the batch', async () => {
    const bad = edit(dossier('d2'), { stage: 'teleported' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/sync/dossiers/push',
      headers: bearer(manager),
      payload: [{ newDocumentState: dossier('d1') }, { newDocumentState: bad }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'INVALID_DOCUMENT', message: expect.stringContaining('/stage') });
    expect((await sync.pull('dossiers', null)).documents).toEqual([]);
  });

  it('validates bodies, sizes and collection names with 4xx { code, message }', async () => {
    const post = (url: string, payload: unknown) =>
      app.inject({ method: 'POST', url, headers: { ...bearer(manager), 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
    const cases: [string, unknown, number, string][] = [
      ['/api/sync/dossiers/push', { not: 'an array' }, 400, 'INVALID_BODY'],
      ['/api/sync/dossiers/push', [{ newDocumentState: { subject: 'no id' } }], 400, 'INVALID_BODY'],
      ['/api/sync/dossiers/push', [{ newDocumentState: dossier('d1'), extra: 1 }], 400, 'INVALID_BODY'],
      ['/api/sync/dossiers/push', Array.from({ length: 2001 }, () => ({ newDocumentState: { id: 'x' } })), 400, 'INVALID_BODY'],
      ['/api/sync/dossiers/pull', { checkpoint: null, limit: 0 }, 400, 'INVALID_BODY'],
      ['/api/sync/dossiers/pull', { checkpoint: null, limit: 100_000 }, 400, 'INVALID_BODY'],
      ['/api/sync/dossiers/pull', { checkpoint: { seq: '5' } }, 400, 'INVALID_BODY'],
      ['/api/sync/dossiers/pull', { limit: 10 }, 400, 'INVALID_BODY'],
      ['/api/sync/spaceships/pull', { checkpoint: null }, 404, 'UNKNOWN_COLLECTION'],
      ['/api/sync/spaceships/push', [], 404, 'UNKNOWN_COLLECTION'],
    ];
    for (const [url, payload, status, code] of cases) {
      const res = await post(url, payload);
      expect(res.statusCode, `${url} ${JSON.stringify(payload).slice(0, 80)}`).toBe(status);
      expect(res.json()).toEqual({ code, message: expect.any(String) });
    }
    const text = await app.inject({ method: 'POST', url: '/api/sync/dossiers/pull', headers: { ...bearer(manager), 'content-type': 'application/xml' }, payload: '<pull/>' });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const huge = [{ newDocumentState: edit(dossier('d1'), { subject: 'x'.repeat(5 * 1024 * 1024) }) }];
    const tooLarge = await post('/api/sync/dossiers/push', huge);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
  });

  it('reports health and Prometheus metrics', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok', database: tdb.db.kind });
    await sync.push('dossiers', [{ newDocumentState: dossier('d1') }]);
    await sync.pull('dossiers', null);
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('comptoir_sync_push_total{collection="dossiers"} 1');
    expect(metrics.body).toContain('comptoir_sync_push_documents_total{collection="dossiers",outcome="written"} 1');
    expect(metrics.body).toContain('comptoir_sync_pull_documents_total{collection="dossiers"} 1');
    expect(metrics.body).toMatch(/comptoir_sync_push_duration_seconds_count\{collection="dossiers"\} 1/);
    expect(metrics.body).toContain('comptoir_sync_open_streams 0');
    expect(metrics.body).toMatch(/process_resident_memory_bytes \d+/);
  });
});
