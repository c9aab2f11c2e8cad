import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../../core/demo/index.ts';
import type { JsonObject } from '../../core/model/json.ts';
import { fixedClock } from '../../core/shared/clock.ts';
import { importDocuments } from '../../sync-server/admin/import-docs.ts';
import { storedOffers } from '../../sync-server/admin/offers-commands.ts';
import { startOfferPurge } from '../../sync-server/jobs/offer-purge.ts';
import { backends, openTestDatabase, type TestDatabase } from './support/test-db.ts';

const BACKENDS = await backends();

describe.each(BACKENDS)('the server purges expired deleted offers by itself on %s', (backend) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend, 'offer_purge');
    const demo = demoDataset({ seed: 1, now: '2026-11-23T10:00:00.000Z' });
    expect((await importDocuments(tdb.db, { offers: demo.offers as unknown as JsonObject[] })).ok).toBe(true);
  }, 60_000);
  afterAll(async () => tdb.destroy());

  it('keeps a restorable offer at start, and drops it once its 30 days have passed', async () => {
    const logged: object[] = [];
    const log = { info: (details: object) => logged.push(details), error: (details: object) => logged.push(details) };
    const stopEarly = await startOfferPurge(tdb.db, log, fixedClock('2026-11-23T10:00:00.000Z'));
    stopEarly();
    expect((await storedOffers(tdb.db)).map((o) => o.code)).toContain('NOEL2025');

    const stop = await startOfferPurge(tdb.db, log, fixedClock('2026-12-20T10:00:00.000Z'));
    stop();
    expect((await storedOffers(tdb.db)).map((o) => o.code)).not.toContain('NOEL2025');
    expect(logged).toEqual([{ purged: ['NOEL2025'] }]);
  });
});
