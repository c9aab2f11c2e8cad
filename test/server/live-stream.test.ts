import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../sync-server/db/postgres-db.ts';
import { bearer, build, signedIn } from './support/build.ts';
import { dossier } from './support/docs.ts';
import { aQuote } from '../../core/schemas/quote-builder.ts';
import type { DossierId, QuoteId } from '../../core/shared/ids.ts';
import { httpClient, listen, wire } from './support/sync-client.ts';
import { openSse } from './support/sse.ts';
import { backends, openTestDatabase, PG_URL, type TestDatabase } from './support/test-db.ts';

const BACKENDS = await backends();
const isNotice = (collection: string) => (data: string) => data.startsWith('{') && JSON.parse(data).collection === collection;

describe.each(BACKENDS)('live stream (Server-Sent Events) on %s', (backend) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    tdb = await openTestDatabase(backend, 'stream');
    app = await build(tdb.db, { heartbeatMs: 100 });
    base = await listen(app);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await tdb.destroy();
  });

  it('sends RESYNC on connect, then a notice with the checkpoint after another client pushes', async () => {
    const watcher = await signedIn(app, tdb.db, 'agent');
    const writer = await signedIn(app, tdb.db, 'manager');
    const stream = await openSse(`${base}/api/sync/stream`, bearer(watcher));
    expect(stream.status).toBe(200);
    expect(await stream.waitFor(() => true)).toBe('RESYNC');
    await httpClient(base, writer).push('dossiers', [{ newDocumentState: dossier('live-1') }]);
    const notice = JSON.parse(await stream.waitFor(isNotice('dossiers')));
    const { checkpoint, documents } = await httpClient(base, writer).pull('dossiers', null);
    // A one-document commit comes with its document, as a pull returns it.
    expect(notice).toEqual({ collection: 'dossiers', checkpoint, from: checkpoint.seq, documents });
    // Idle streams get heartbeat comments so proxies keep them open.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(stream.raw()).toContain(': heartbeat');
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/comptoir_sync_open_streams [1-9]/);
    stream.close();
  });

  it('greets with every collection\'s head when asked (?heads=1), read after the stream joined the notices', async () => {
    const watcher = await signedIn(app, tdb.db, 'agent');
    const writer = await signedIn(app, tdb.db, 'manager');
    await httpClient(base, writer).push('dossiers', [{ newDocumentState: dossier('heads-1') }]);
    const { checkpoint } = await httpClient(base, writer).pull('dossiers', null);
    const stream = await openSse(`${base}/api/sync/stream?heads=1`, bearer(watcher));
    const greeting = JSON.parse(await stream.waitFor(() => true)) as { resync: { epoch: string; heads: Record<string, number> } };
    expect(greeting.resync.epoch).toBe(checkpoint.epoch);
    expect(greeting.resync.heads.dossiers).toBe(checkpoint.seq);
    // Every collection is named, 0 for those never written.
    expect(Object.keys(greeting.resync.heads).sort()).toEqual(
      ['clients', 'commands', 'documents', 'dossiers', 'events', 'messages', 'offers', 'payments', 'products', 'quotes', 'reference'].sort(),
    );
    await httpClient(base, writer).push('dossiers', [{ newDocumentState: dossier('heads-2') }]);
    expect(JSON.parse(await stream.waitFor(isNotice('dossiers')))).toMatchObject({ collection: 'dossiers', checkpoint: { epoch: checkpoint.epoch, seq: checkpoint.seq + 1 } });
    stream.close();
  });

  it('delivers a small commit with its notice, each caller getting what a pull from before it returns them', async () => {
    const alpes = await signedIn(app, tdb.db, 'agent', 'alpes');
    const mer = await signedIn(app, tdb.db, 'agent', 'mer');
    const manager = await signedIn(app, tdb.db, 'manager', 'mer');
    const streams = await Promise.all([alpes, mer, manager].map((who) => openSse(`${base}/api/sync/stream`, bearer(who))));
    await Promise.all(streams.map((stream) => stream.waitFor(() => true)));
    const before = (await httpClient(base, manager).pull('dossiers', null)).checkpoint;
    const pushed = await httpClient(base, manager).push('dossiers', [
      { newDocumentState: dossier('deliver-alpes', { team: 'alpes', assignedTo: null }) },
      { newDocumentState: dossier('deliver-mer', { team: 'mer', assignedTo: null }) },
    ]);
    expect(pushed).toEqual([]);
    for (const [who, stream] of [alpes, mer, manager].map((w, i) => [w, streams[i]] as const)) {
      const notice = JSON.parse(await stream!.waitFor((data) => isNotice('dossiers')(data) && JSON.parse(data).checkpoint.seq === before.seq + 2));
      const pulled = await httpClient(base, who).pull('dossiers', before);
      expect(notice).toEqual({ collection: 'dossiers', checkpoint: pulled.checkpoint, from: before.seq + 1, documents: pulled.documents });
    }
    const ids = (i: number): string[] => JSON.parse(streams[i]!.events.filter(isNotice('dossiers')).at(-1)!).documents.map((d: { id: string }) => d.id);
    expect(ids(0)).toEqual(['deliver-alpes']);
    expect(ids(1)).toEqual(['deliver-mer']);
    expect(ids(2)).toEqual(['deliver-alpes', 'deliver-mer']);

    // A larger commit (an import, a reconnecting client's backlog) is announced alone: clients pull it.
    const many = Array.from({ length: 60 }, (_, i) => ({ newDocumentState: dossier(`deliver-many-${i}`, { team: 'alpes', assignedTo: null }) }));
    await httpClient(base, manager).push('dossiers', many);
    const plain = JSON.parse(await streams[0]!.waitFor((data) => isNotice('dossiers')(data) && JSON.parse(data).checkpoint.seq === before.seq + 62));
    expect(plain).toEqual({ collection: 'dossiers', checkpoint: { epoch: before.epoch, seq: before.seq + 62 } });
    for (const stream of streams) stream.close();
  });

  it("delivers related documents by their dossier's team, also when a dossier's arrival re-stamps them", async () => {
    const alpes = await signedIn(app, tdb.db, 'agent', 'alpes');
    const mer = await signedIn(app, tdb.db, 'agent', 'mer');
    const manager = await signedIn(app, tdb.db, 'manager', 'mer');
    const alpesStream = await openSse(`${base}/api/sync/stream`, bearer(alpes));
    const merStream = await openSse(`${base}/api/sync/stream`, bearer(mer));
    await Promise.all([alpesStream.waitFor(() => true), merStream.waitFor(() => true)]);
    // The quote arrives before its dossier (each collection replicates on its own).
    const quote = wire(aQuote({ id: 'deliver-quote' as QuoteId, dossierId: 'deliver-late' as DossierId, number: 'Q-deliver' }));
    expect(await httpClient(base, manager).push('quotes', [{ newDocumentState: quote }])).toEqual([]);
    const first = JSON.parse(await alpesStream.waitFor(isNotice('quotes')));
    expect(first.documents).toEqual([]);
    expect(await httpClient(base, manager).push('dossiers', [{ newDocumentState: dossier('deliver-late', { team: 'alpes', assignedTo: null }) }])).toEqual([]);
    // The dossier's arrival gives the quote a new sequence: announced with it for the team that now sees it.
    const restamped = JSON.parse(await alpesStream.waitFor((data) => isNotice('quotes')(data) && JSON.parse(data).checkpoint.seq > first.checkpoint.seq));
    expect(restamped.documents.map((d: { id: string }) => d.id)).toEqual(['deliver-quote']);
    expect(restamped.from).toBe(restamped.checkpoint.seq);
    const merNotice = JSON.parse(await merStream.waitFor((data) => isNotice('quotes')(data) && JSON.parse(data).checkpoint.seq === restamped.checkpoint.seq));
    expect(merNotice.documents).toEqual([]);
    alpesStream.close();
    merStream.close();
  });

  it('accepts the token as ?access_token= (EventSource cannot set headers) and refuses no token', async () => {
    const watcher = await signedIn(app, tdb.db, 'agent');
    const stream = await openSse(`${base}/api/sync/stream?access_token=${encodeURIComponent(watcher.accessToken)}`);
    expect(await stream.waitFor(() => true)).toBe('RESYNC');
    stream.close();
    const refused = await fetch(`${base}/api/sync/stream`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('ends the stream when its access token expires', async () => {
    let now = new Date();
    const timed = await build(tdb.db, { heartbeatMs: 50, now: () => now });
    const timedBase = await listen(timed);
    const watcher = await signedIn(timed, tdb.db, 'agent');
    const stream = await openSse(`${timedBase}/api/sync/stream`, bearer(watcher));
    await stream.waitFor(() => true);
    now = new Date(now.getTime() + 16 * 60_000);
    await stream.ended;
    await timed.close();
  });

  it('ends open streams when the app closes, without waiting for clients', async () => {
    const other = await build(tdb.db);
    const otherBase = await listen(other);
    const watcher = await signedIn(other, tdb.db, 'agent');
    const stream = await openSse(`${otherBase}/api/sync/stream`, bearer(watcher));
    await stream.waitFor(() => true);
    const started = Date.now();
    await other.close();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.runIf(backend === 'postgres')('fans a push on one server process out to streams on another (LISTEN/NOTIFY)', async () => {
    // A second instance with its own connections to the same database, as behind a load balancer.
    const secondDb = await openPostgres({ url: PG_URL, schema: tdb.db.schema });
    const second = await build(secondDb);
    const secondBase = await listen(second);
    try {
      const watcher = await signedIn(second, secondDb, 'agent');
      const writer = await signedIn(app, tdb.db, 'manager');
      const stream = await openSse(`${secondBase}/api/sync/stream`, bearer(watcher));
      await stream.waitFor(() => true);
      await httpClient(base, writer).push('dossiers', [{ newDocumentState: dossier('fan-out-1') }]);
      const notice = JSON.parse(await stream.waitFor(isNotice('dossiers')));
      expect(notice.checkpoint.seq).toBeGreaterThan(0);
      // This process did not write it: it read the commit back to deliver its document.
      expect(notice.documents.map((d: { id: string }) => d.id)).toEqual(['fan-out-1']);
      // The other instance serves the document the notice announced.
      const pulled = await httpClient(secondBase, watcher).pullAll('dossiers');
      expect(pulled.documents.map((d) => d.id)).toContain('fan-out-1');
      stream.close();
    } finally {
      await second.close();
      await secondDb.close();
    }
  });

  it.runIf(backend === 'postgres')('re-opens a lost LISTEN connection and tells streams to RESYNC', async () => {
    const watcher = await signedIn(app, tdb.db, 'agent');
    const writer = await signedIn(app, tdb.db, 'manager');
    const stream = await openSse(`${base}/api/sync/stream`, bearer(watcher));
    await stream.waitFor((data) => data === 'RESYNC');
    const started = Date.now();
    // Kill the listening session the way a PostgreSQL restart or a network cut would.
    const killed = await tdb.db.query<{ ok: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE query = $1`,
      [`LISTEN comptoir_changes_${tdb.db.schema}`],
    );
    expect(killed.length).toBeGreaterThan(0);
    await stream.waitFor(() => stream.events.filter((e) => e === 'RESYNC').length >= 2, 10_000);
    const notices = () => stream.events.filter(isNotice('dossiers')).length;
    const before = notices();
    await httpClient(base, writer).push('dossiers', [{ newDocumentState: dossier('after-reconnect') }]);
    await stream.waitFor(() => notices() > before);
    expect(Date.now() - started).toBeLessThan(15_000);
    stream.close();
  }, 30_000);
});
