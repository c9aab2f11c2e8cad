import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoDataset } from '../../core/demo/index.ts';
import type { JsonObject } from '../../core/model/json.ts';
import { fixedClock } from '../../core/shared/clock.ts';
import { sequentialIds } from '../../core/shared/ids.ts';
import { importDocuments } from '../../sync-server/admin/import-docs.ts';
import { exportOffersFile, importOffersFile, purgeOffers, storedOffers } from '../../sync-server/admin/offers-commands.ts';
import { runNode } from './support/run-node.ts';
import { backends, openTestDatabase, resetDatabase, type TestDatabase } from './support/test-db.ts';

const BACKENDS = await backends();
const CLI = 'sync-server/admin/cli.ts';
const NOW = '2026-11-23T10:00:00.000Z';
const HEADER = "Code;Type;Libelle type;Intitulé;Type de périmètre;Code périmètre;Libellé périmètre;Date début;Date fin;Afficher l'offre sur la boutique virtuelle";

describe.each(BACKENDS)('offers administration on %s', (backend) => {
  let tdb: TestDatabase;
  let files: string;
  const ctx = { clock: fixedClock(NOW), ids: sequentialIds('offer'), dryRun: false };

  beforeAll(async () => {
    tdb = await openTestDatabase(backend, 'offers_admin');
    files = mkdtempSync(join(tmpdir(), 'comptoir-offers-'));
  }, 60_000);
  afterAll(async () => {
    await tdb.destroy();
    rmSync(files, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await resetDatabase(tdb.db);
    const demo = demoDataset({ seed: 1, now: NOW });
    const loaded = await importDocuments(tdb.db, {
      clients: demo.clients as unknown as JsonObject[],
      products: demo.products as unknown as JsonObject[],
      offers: demo.offers as unknown as JsonObject[],
    });
    expect(loaded.ok).toBe(true);
  });

  /** Runs the CLI on this test's storage; PGlite allows one process, so the test lets go meanwhile. */
  async function cli(...args: string[]) {
    await tdb.db.close();
    try {
      return await runNode(CLI, args, tdb.env);
    } finally {
      await tdb.reopen();
    }
  }

  it('exports in the seed format and re-imports it byte-identically, changing nothing', async () => {
    const first = join(files, `${backend}-first.csv`);
    const exported = await cli('offers', 'export', first);
    expect(exported).toMatchObject({ code: 0 });
    const bytes = readFileSync(first);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe(HEADER);

    const dry = await cli('offers', 'import', first, '--dry-run');
    expect(dry.stdout).toMatch(/to create: 0, to update: 0, unchanged: \d+, errors: 0/);
    const again = await exportOffersFile(tdb.db, 'offers');
    expect(Buffer.from(again.text, 'utf8')).toEqual(bytes);
  }, 60_000);

  it('refuses a malformed file naming the line and column, and writes nothing', async () => {
    const before = await storedOffers(tdb.db);
    const bad = join(files, `${backend}-bad.csv`);
    writeFileSync(bad, `${HEADER}\r\nPROMO1;0;Offre commerciale;Promo printemps;TOUS;;Tous les clients;31/02/2027;30/04/2027;0\r\nPROMO2;0;Offre commerciale;Promo été;PARTOUT;;;01/06/2027;30/06/2027;0\r\n`);
    const result = await cli('offers', 'import', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 2, column "Date début"/);
    expect(result.stderr).toMatch(/line 3, column "Type de périmètre"/);
    expect(await storedOffers(tdb.db)).toEqual(before);
  }, 60_000);

  it('creates and updates offers by code from a valid file', async () => {
    const file = `${HEADER}\r\nPRINTEMPS27;0;Offre commerciale;Printemps 2027;TOUS;;Tous les clients;01/03/2027;30/04/2027;1\r\nCE2027;0;Offre commerciale;CE partenaires 2027 (révisée);GROUPE;CEPART;CE partenaires;24/10/2026;11/06/2027;0\r\n`;
    const result = await importOffersFile(tdb.db, 'offers', file, ctx);
    expect(result.ok && result.value).toMatchObject({ written: 2 });
    const offers = await storedOffers(tdb.db);
    expect(offers.find((o) => o.code === 'PRINTEMPS27')).toMatchObject({ scope: 'ALL', startDate: '2027-03-01', showInShop: true });
    const ce = offers.find((o) => o.code === 'CE2027');
    expect(ce?.title).toBe('CE partenaires 2027 (révisée)');
    expect(ce?.engagements.length).toBeGreaterThan(0);
  });

  it('explains why a client gets a price: its own offer beats an all-clients one', async () => {
    const result = await cli('offers', 'explain', '--client', 'CLI-000107', '--product', 'HEB-APP6-7N', '--date', '15/01/2027', '--qty', '2');
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.resolution.unitPrice).toBe(95000);
    expect(answer.resolution.winner).toMatchObject({ offerCode: 'ALTITUDE27', scope: 'CLIENT' });
    expect(answer.resolution.explanation.en).toMatch(/HIVER27/);
    expect(answer.resolution.explanation.fr).toMatch(/ALTITUDE27/);

    const unknown = await cli('offers', 'explain', '--client', 'CLI-NOPE', '--product', 'HEB-APP6-7N');
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('UNKNOWN_CLIENT') });
  }, 60_000);

  it('purges offers deleted more than 30 days ago, not the restorable ones', async () => {
    expect(await purgeOffers(tdb.db, fixedClock(NOW))).toEqual([]);
    expect(await purgeOffers(tdb.db, fixedClock('2026-12-15T00:00:00.000Z'))).toEqual(['NOEL2025']);
    expect((await storedOffers(tdb.db)).map((o) => o.code)).not.toContain('NOEL2025');
  });
});
