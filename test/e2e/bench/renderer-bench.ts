// Renderer benchmarks in Debian's Chromium (issue 4 "Benchmarks"): time to the first interactive
// screen with the large dataset (DESIGN §13) in the local database, the dossier table's filter
// and sort over 50,000 dossiers, then the first sync of 50,000 dossiers from a real sync server
// (initial-sync-bench.ts). Exports `run()` like scripts/bench/*.bench.ts; run it alone with
// `node test/e2e/bench/renderer-bench.ts`.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { largeDataset } from '../../../core/demo/large-dataset.ts';
// For the `window.comptoirDebug` type (erased at run time).
import type {} from '../../../renderer/db/debug-hook.ts';
import type { Figure } from '../../../scripts/bench/figure.ts';
import { buildRenderer, measureInitialSync } from './initial-sync-bench.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const USER = { id: 'user-bench', email: 'bench@example.fr', name: 'Bench', role: 'manager', team: 'accueil' };
const BATCH = 2000;
const shots = path.join(root, 'test-results/screenshots');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** Loads the large dataset's dossiers, quotes and clients into the page's database. */
async function load(page: Page): Promise<{ docs: number; ms: number }> {
  const data = largeDataset({ seed: 13, now: '2026-11-01T09:00:00.000Z' });
  const started = performance.now();
  let docs = 0;
  for (const collection of ['clients', 'dossiers', 'quotes'] as const) {
    for (const batch of data.batches(collection, BATCH)) {
      await page.evaluate(
        async ({ name, rows }) => {
          const db = window.comptoirDebug?.db;
          if (db === undefined) throw new Error('debug hook missing');
          await db.collections[name as 'clients'].bulkInsert(rows as never[]);
        },
        { name: collection, rows: batch },
      );
      docs += batch.length;
    }
  }
  return { docs, ms: performance.now() - started };
}

async function tableTiming(page: Page): Promise<number> {
  const text = (await page.getByTestId('table-timing').textContent()) ?? '';
  return Number((/([\d.,]+) ms/.exec(text)?.[1] ?? 'NaN').replace(',', '.'));
}

/** Runs one table operation and returns [in-app filter+sort ms, end-to-end ms until the rows changed]. */
async function timed(page: Page, action: () => Promise<void>): Promise<[number, number]> {
  const before = await page.locator('.table-status').textContent();
  const started = performance.now();
  await action();
  await page.waitForFunction((previous) => document.querySelector('.table-status')?.textContent !== previous, before);
  return [await tableTiming(page), performance.now() - started];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function medians(pairs: readonly [number, number][]): [number, number] {
  return [median(pairs.map((p) => p[0])), median(pairs.map((p) => p[1]))];
}

/** First screen and table over the large dataset loaded straight into Dexie (the renderer is built). */
async function measureScreens(): Promise<Figure[]> {
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  mkdirSync(shots, { recursive: true });
  const port = await freePort();
  // vite itself, not through npx: killing an npx wrapper leaves its child server running.
  const preview = spawn(process.execPath, [vite, 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await waitFor(base);
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
    await context.addInitScript((user) => {
      localStorage.setItem('comptoir.user', JSON.stringify(user));
      localStorage.setItem('comptoir.debug', '1');
      // The instant the first dossier card is in the DOM, without waiting for a polling round trip
      // (on the board: the "loading" placeholder while the database opens is a `.card` too).
      new MutationObserver((_, observer) => {
        if (document.querySelector('.board .card') === null) return;
        performance.mark('bench:first-card');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    }, USER);
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForFunction(() => window.comptoirDebug !== undefined);
    const loaded = await load(page);

    // A fresh start on the loaded database: time to the board's first cards, then to all 50k.
    await page.goto(`${base}#/pipeline`);
    await page.reload();
    await page.locator('.board .card').first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => performance.getEntriesByName('comptoir:quotes-scanned').length > 0, null, { timeout: 300_000 });
    const mark = (name: string) => page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN, name);
    const firstCards = await mark('bench:first-card');
    const allDossiers = await mark('comptoir:dossiers-scanned');
    const allQuotes = await mark('comptoir:quotes-scanned');
    // The last amounts arrive with the projection's next render.
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(shots, 'bench-pipeline-50k.png') });

    await page.goto(`${base}#/table`);
    await page.locator('.dtable-row').first().waitFor();
    const search = page.getByLabel('Recherche dans le tableau');
    const clientHeader = page.getByRole('columnheader', { name: /Client/ }).getByRole('button');
    const filter: [number, number][] = [];
    const clear: [number, number][] = [];
    const sort: [number, number][] = [];
    // Five rounds each, medians reported: the machine has two cores and other work on them.
    for (let round = 0; round < 5; round += 1) {
      filter.push(await timed(page, () => search.fill(round % 2 === 0 ? 'martin' : 'dupont')));
      clear.push(await timed(page, () => search.fill('')));
      sort.push(await timed(page, () => clientHeader.click()));
    }
    const [stageApp, stageEnd] = await timed(page, async () => {
      await page.locator('summary', { hasText: 'Étape' }).click();
      await page.getByRole('group', { name: 'Étape' }).getByLabel('Acompte versé').check();
    });
    const [filterApp, filterEnd] = medians(filter);
    const [clearApp, clearEnd] = medians(clear);
    const [sortApp, sortEnd] = medians(sort);
    await page.screenshot({ path: path.join(shots, 'bench-table-50k.png') });
    await page.goto(`${base}#/dashboard`);
    await page.getByRole('region', { name: 'Entonnoir par étape' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'bench-dashboard-50k.png') });
    return [
      { name: 'load large dataset into Dexie (clients, dossiers, quotes)', value: loaded.docs / (loaded.ms / 1000), unit: 'docs/s', note: `${loaded.docs} docs` },
      { name: 'first dossier cards on the board after start', value: firstCards, unit: 'ms', target: '< 300 ms (DESIGN §13, first 100 dossiers)', note: 'from navigation start' },
      { name: 'all 50k dossiers in the board projection', value: allDossiers, unit: 'ms', note: 'counts per column complete' },
      { name: 'all 60k quotes in the projection', value: allQuotes, unit: 'ms', note: 'amounts per column complete' },
      { name: 'table text filter over 50k (filter+sort, median of 5)', value: filterApp, unit: 'ms', target: '< 100 ms', note: `${filterEnd.toFixed(0)} ms to screen` },
      { name: 'table clear filter, 50k rows back (median of 5)', value: clearApp, unit: 'ms', target: '< 100 ms', note: `${clearEnd.toFixed(0)} ms to screen` },
      { name: 'table sort by client over 50k (median of 5)', value: sortApp, unit: 'ms', target: '< 100 ms', note: `${sortEnd.toFixed(0)} ms to screen` },
      { name: 'table stage filter over 50k', value: stageApp, unit: 'ms', target: '< 100 ms', note: `${stageEnd.toFixed(0)} ms to screen` },
    ];
  } finally {
    await browser.close();
    preview.kill('SIGTERM');
  }
}

export async function run(): Promise<Figure[]> {
  buildRenderer(path.join(root, 'dist/renderer'));
  const screens = await measureScreens();
  // DESIGN §13 "same into Chromium/Dexie": a first sign-in against a real sync server (initial-sync-bench.ts).
  const verbose = process.env.COMPTOIR_BENCH_VERBOSE === '1';
  const sync = await measureInitialSync({ webDir: path.join(root, 'dist/renderer'), log: verbose ? (line) => console.error(line) : undefined });
  return [...screens, ...sync];
}

if (import.meta.filename === process.argv[1]) {
  for (const figure of await run()) console.log(`${figure.name}: ${figure.value.toFixed(1)} ${figure.unit} ${figure.target ?? ''} ${figure.note ?? ''}`);
}
