// Number blocks (DESIGN §8): POST /api/numbers/reserve, on PGlite and PostgreSQL.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blocksOverlap, formatNumber, type NumberBlock } from '../../core/numbering/index.ts';
import { blockDocumentId } from '../../sync-server/numbers/number-blocks.ts';
import { bearer, build, signedIn, type Tokens } from './support/build.ts';
import { injectClient, listen, wire } from './support/sync-client.ts';
import { backends, openTestDatabase, resetDatabase, type TestDatabase } from './support/test-db.ts';

const BACKENDS = await backends();
const NOW = new Date('2026-03-10T08:00:00.000Z');

describe.each(BACKENDS)('number blocks on %s', (backend) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let agent: Tokens;

  beforeAll(async () => {
    tdb = await openTestDatabase(backend, 'numbers');
    app = await build(tdb.db, { now: () => NOW });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await tdb.destroy();
  });
  beforeEach(async () => {
    await resetDatabase(tdb.db);
    await tdb.db.exec('TRUNCATE number_counters');
    agent = await signedIn(app, tdb.db, 'agent');
  });

  const reserve = (tokens: Tokens, body: object) => app.inject({ method: 'POST', url: '/api/numbers/reserve', headers: bearer(tokens), payload: body });

  it('reserves consecutive blocks for a device, 50 numbers by default', async () => {
    const first = await reserve(agent, { series: 'Q', year: 2026, deviceId: 'dev-a' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ id: 'Q-2026-1', series: 'Q', year: 2026, start: 1, end: 50, deviceId: 'dev-a', reservedAt: NOW.toISOString() });
    const second = await reserve(agent, { series: 'Q', year: 2026, size: 10, deviceId: 'dev-b' });
    expect(second.json()).toMatchObject({ start: 51, end: 60, deviceId: 'dev-b' });
    // Series and years are counted apart.
    expect((await reserve(agent, { series: 'D', year: 2026, deviceId: 'dev-a' })).json()).toMatchObject({ start: 1, end: 50 });
    expect((await reserve(agent, { series: 'Q', year: 2027, deviceId: 'dev-a' })).json()).toMatchObject({ start: 1 });
  });

  it('never gives two concurrent reservations the same number', async () => {
    const devices = Array.from({ length: 24 }, (_, i) => `dev-${i}`);
    const responses = await Promise.all(devices.map((deviceId, i) => reserve(agent, { series: 'D', year: 2026, size: 7 + (i % 5), deviceId })));
    expect(responses.map((r) => r.statusCode)).toEqual(devices.map(() => 200));
    const blocks = responses.map((r) => r.json<NumberBlock>());
    for (const [i, a] of blocks.entries()) for (const b of blocks.slice(i + 1)) expect(blocksOverlap(a, b), `${a.id} / ${b.id}`).toBe(false);
    // No gap either: the high-water mark moved by exactly what was handed out.
    const total = blocks.reduce((sum, b) => sum + b.end - b.start + 1, 0);
    expect(Math.max(...blocks.map((b) => b.end))).toBe(total);
  });

  it('never overlaps across two server processes on one database', async () => {
    // Two apps stand for two processes behind a load balancer (on PGlite they share the one instance).
    const other = await build(tdb.db, { now: () => NOW });
    try {
      const urls = [await listen(app), await listen(other)];
      const responses = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          fetch(`${urls[i % 2]}/api/numbers/reserve`, {
            method: 'POST',
            headers: { ...bearer(agent), 'content-type': 'application/json' },
            body: JSON.stringify({ series: 'Q', year: 2026, size: 5, deviceId: `dev-${i}` }),
          }).then((r) => r.json() as Promise<NumberBlock>),
        ),
      );
      const starts = responses.map((b) => b.start).sort((x, y) => x - y);
      expect(starts).toEqual(Array.from({ length: 16 }, (_, i) => 1 + 5 * i));
    } finally {
      await other.close();
    }
  });

  it('delivers the block to the device through replication too, written by the server only', async () => {
    const block = (await reserve(agent, { series: 'Q', year: 2026, size: 3, deviceId: 'dev-a' })).json<NumberBlock>();
    expect(formatNumber(block.series, block.year, block.start)).toBe('Q-2026-000001');
    const { documents } = await injectClient(app, agent).pullAll('reference');
    const doc = documents.find((d) => d.id === blockDocumentId(block));
    expect(doc).toMatchObject({ type: 'number_blocks', data: block, _deleted: false });

    // Not even an admin may write or change a block: it would overlap one in use offline.
    const admin = await signedIn(app, tdb.db, 'admin');
    const sync = injectClient(app, admin);
    const forged = wire({ id: 'number-block-Q-2026-2', type: 'number_blocks', data: { ...block, id: 'Q-2026-2', start: 2 }, updatedAt: NOW.toISOString() });
    expect(await sync.push('reference', [{ newDocumentState: forged }])).toEqual([{ ...forged, _deleted: true }]);
    const taken = await sync.push('reference', [{ assumedMasterState: doc ?? null, newDocumentState: { ...doc!, data: { ...block, deviceId: 'dev-mine' } } }]);
    expect(taken).toEqual([doc]);
    // Other reference documents stay the admin's to write.
    expect(await sync.push('reference', [{ newDocumentState: wire({ id: 'settings', type: 'settings', data: {}, updatedAt: NOW.toISOString() }) }])).toEqual([]);
  });

  it('refuses what is not a reservation', async () => {
    const cases: [object, number, string][] = [
      [{ series: 'F', year: 2026, deviceId: 'dev-a' }, 400, 'INVALID_BODY'],
      [{ series: 'Q', year: 2026 }, 400, 'INVALID_BODY'],
      [{ series: 'Q', year: 2026, deviceId: 'dev a/..' }, 400, 'INVALID_BODY'],
      [{ series: 'Q', year: 2026, size: 0, deviceId: 'dev-a' }, 400, 'INVALID_BODY'],
      [{ series: 'Q', year: 2026, size: 1001, deviceId: 'dev-a' }, 400, 'INVALID_BODY'],
      [{ series: 'Q', year: '2026', deviceId: 'dev-a' }, 400, 'INVALID_BODY'],
      [{ series: 'Q', year: 2031, deviceId: 'dev-a' }, 400, 'INVALID_YEAR'],
    ];
    for (const [body, status, code] of cases) {
      const response = await reserve(agent, body);
      expect({ body, status: response.statusCode, code: response.json<{ code: string }>().code }).toEqual({ body, status, code });
    }
    const anonymous = await app.inject({ method: 'POST', url: '/api/numbers/reserve', payload: { series: 'Q', year: 2026, deviceId: 'dev-a' } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('says when a year of a series is used up, and shortens the last block', async () => {
    await tdb.db.query('INSERT INTO number_counters (series, year, next_start) VALUES ($1, $2, $3)', ['D', 2026, 999_990]);
    expect((await reserve(agent, { series: 'D', year: 2026, deviceId: 'dev-a' })).json()).toMatchObject({ start: 999_990, end: 999_999 });
    const exhausted = await reserve(agent, { series: 'D', year: 2026, deviceId: 'dev-a' });
    expect(exhausted.statusCode).toBe(409);
    expect(exhausted.json()).toMatchObject({ code: 'SERIES_EXHAUSTED' });
  });
});
