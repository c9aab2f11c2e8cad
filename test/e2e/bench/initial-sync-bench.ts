// DESIGN §13's second sync target, in Debian's Chromium: "initial sync of 50k docs into
// Chromium/Dexie: ≥ 5,000 docs/s; first 100 dossiers on screen < 300 ms after start".
//
// A real `node sync-server/server.ts` (test/bench/comptoir-server.ts) on a fresh PGlite data
// directory (`COMPTOIR_BENCH_BACKENDS=postgres` for PostgreSQL), seeded with the sync benchmarks'
// `largeDataset` dossiers through the server's push path (`COMPTOIR_BENCH_SCALE` scales them), serves
// the built renderer (`dist/renderer`) and the API on one origin. Chromium opens it with an empty
// persistent profile (IndexedDB on disk, as in the product; an incognito context would keep it in
// memory), on `#/pipeline`, and a manager — who reads every dossier — signs in through the form.
//
// Page instrumentation (an init script, nothing in the product): `performance` marks for the form's
// submit, the first `/api/sync/` request (the live stream: replication starts), the board's first
// card and its first 100 cards (MutationObserver), and the moment the sync state (debug hook
// `comptoirDebug.sync`) says the first sync is over. Run alone: `node test/e2e/bench/initial-sync-bench.ts`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import type { BackendName } from '../../server/support/test-db.ts';
import { createUser, openBenchDatabase, seed, startServerProcess } from '../../bench/comptoir-server.ts';
import { dataset, dossierBatches, workload } from '../../bench/workload.ts';
// For the `window.comptoirDebug` type (erased at run time).
import type { SyncSnapshot } from '../../../renderer/db/debug-hook.ts';
import type { Figure } from '../../../scripts/bench/figure.ts';


const root = path.resolve(import.meta.dirname, '../../..');
const shots = path.join(root, 'test-results/screenshots');
const TIMEOUT = 300_000;
const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISS');
const load = (): string => loadavg()[0]!.toFixed(1);

/** What the init script keeps on `window.__bench`. */
interface BenchProbe {
  readonly firstCard: Promise<number>;
  readonly cards: Promise<number>;
  readonly inSync: Promise<number>;
  readonly requests: { url: string; start: number; answered: number }[];
  readonly samples: [number, number][];
  /** [time, cards on the board, dossiers the columns count] at each change of the card count. */
  readonly board: [number, number, number][];
}

declare global {
  interface Window {
    __bench?: BenchProbe;
  }
}

/** Installed before the app's scripts: marks and probes only, the app runs unchanged. */
function instrument(wanted: number): void {
  localStorage.setItem('comptoir.debug', '1');
  const mark = (name: string): void => {
    if (performance.getEntriesByName(name).length === 0) performance.mark(name);
  };
  let firstCardReached: (count: number) => void = () => undefined;
  let cardsReached: (count: number) => void = () => undefined;
  let inSyncReached: (at: number) => void = () => undefined;
  const probe: BenchProbe = {
    firstCard: new Promise((resolve) => (firstCardReached = resolve)),
    cards: new Promise((resolve) => (cardsReached = resolve)),
    inSync: new Promise((resolve) => (inSyncReached = resolve)),
    requests: [],
    samples: [],
    board: [],
  };
  window.__bench = probe;

  document.addEventListener('submit', () => mark('bench:submit'), true);

  const originalFetch = window.fetch;
  window.fetch = function benchFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/api/sync/')) mark('bench:sync-start');
    const entry = { url: url.replace(/^https?:\/\/[^/]+/, ''), start: performance.now(), answered: Number.NaN };
    if (url.includes('/api/')) probe.requests.push(entry);
    const answer = originalFetch.call(this, input, init);
    void answer.then(() => (entry.answered = performance.now())).catch(() => undefined);
    return answer;
  };

  new MutationObserver((_, observer) => {
    const count = document.querySelectorAll('.board .card').length;
    if (count !== (probe.board[probe.board.length - 1]?.[1] ?? 0)) {
      const counted = [...document.querySelectorAll('.board .column-header .badge')].reduce((sum, badge) => sum + Number((badge.textContent ?? '').replace(/\D/g, '')), 0);
      probe.board.push([performance.now(), count, counted]);
    }
    if (count > 0) {
      mark('bench:first-card');
      firstCardReached(count);
    }
    if (count < wanted) return;
    mark('bench:cards');
    observer.disconnect();
    cardsReached(count);
  }).observe(document, { childList: true, subtree: true });

  // The debug hook appears when the signed-in shell mounts: watch the sync state from that moment.
  let hook: Window['comptoirDebug'];
  Object.defineProperty(window, 'comptoirDebug', {
    configurable: true,
    get: () => hook,
    set(value: Window['comptoirDebug']) {
      hook = value;
      if (value === undefined) return;
      const watch = (state: SyncSnapshot): void => {
        if (state.progress !== null) probe.samples.push([performance.now(), state.progress.done]);
        // The first sync is over when the progress is gone again after a successful request.
        if (state.progress === null && state.lastSyncAt !== null && performance.getEntriesByName('bench:in-sync').length === 0) {
          mark('bench:in-sync');
          inSyncReached(performance.now());
        }
      };
      watch(value.sync.state());
      value.sync.subscribe(watch);
      // The first dossiers written to Dexie by the replication (what the board's projection is fed from).
      const stored = value.db.dossiers.eventBulks$.subscribe(() => {
        mark('bench:first-dossiers-stored');
        stored.unsubscribe();
      });
    },
  });
}

/** Waits in the page (no polling) for one of the probe's moments. */
async function settled(page: Page, moment: 'firstCard' | 'cards' | 'inSync'): Promise<number> {
  return page.evaluate(
    ([name, ms]) =>
      Promise.race([
        window.__bench?.[name] ?? Promise.reject(new Error('bench probe missing')),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${name}: not reached in ${ms} ms`)), ms)),
      ]),
    [moment, TIMEOUT] as const,
  );
}

async function marks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((entry) => [entry.name, entry.startTime])),
  );
}

/** Documents per collection in the page's local database (IndexedDB through RxDB's Dexie storage). */
async function localCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = window.comptoirDebug?.db;
    if (db === undefined) throw new Error('debug hook missing');
    const entries = await Promise.all(Object.entries(db.collections).map(async ([name, collection]) => [name, await collection.count().exec()] as const));
    return Object.fromEntries(entries);
  });
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The renderer main thread's time by function (self time) and by script, largest first. */
function summarize(profile: CpuProfile, log: (line: string) => void): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const functions = new Map<string, number>();
  const scripts = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) continue;
    const file = frame.url.replace(/^.*\/(assets\/)?/, '') || frame.functionName;
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
    scripts.set(file, (scripts.get(file) ?? 0) + ms);
  }
  const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  log(`profile: ${total.toFixed(0)} ms sampled`);
  for (const [file, ms] of top(scripts, 8)) log(`  ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${file}`);
  for (const [fn, ms] of top(functions, 30)) log(`  ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${fn}`);
}

/** Client floors, in docs/s, on the dossiers the sync just stored (not timed with the sync). */
interface Floors {
  readonly docs: number;
  /** RxDB's Dexie storage alone: `bulkWrite` into a fresh instance, one write per document. */
  readonly rxdbDexie: number;
  /** IndexedDB alone: `put` of the values as Dexie stored them, into a store with the same indexes. */
  readonly indexedDb: number;
  readonly indexes: number;
  /** The same without any index. */
  readonly indexedDbNoIndex: number;
}

/**
 * What Chromium's IndexedDB and RxDB's Dexie storage take for the same dossiers on this machine, in
 * the same page and pages of the same size as the pull's: the ceiling for the initial sync, which
 * also stores a replication meta row per document and reads before each write.
 */
async function measureFloors(page: Page, batch: number): Promise<Floors> {
  return page.evaluate(async (size) => {
    const db = window.comptoirDebug?.db;
    if (db === undefined) throw new Error('debug hook missing');
    const request = <T>(r: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
      });
    const done = (tx: IDBTransaction): Promise<void> =>
      new Promise((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('transaction failed'));
      });
    const open = (name: string, upgrade?: (idb: IDBDatabase) => void): Promise<IDBDatabase> => {
      const r = upgrade === undefined ? indexedDB.open(name) : indexedDB.open(name, 1);
      if (upgrade !== undefined) r.onupgradeneeded = () => upgrade(r.result);
      return request(r);
    };

    // The dossiers as RxDB holds them, and as Dexie stored them in IndexedDB.
    const collection = db.dossiers;
    const { documents } = await collection.storageInstance.query(collection.find({ selector: {}, sort: [{ id: 'asc' }], index: ['id'] }).getPreparedQuery());
    const appDbName = (await indexedDB.databases()).map((d) => d.name ?? '').find((name) => name.startsWith('rxdb-dexie-') && name.endsWith('--dossiers'));
    if (appDbName === undefined) throw new Error('no Dexie database of the dossiers');
    const appDb = await open(appDbName);
    const source = appDb.transaction('docs', 'readonly').objectStore('docs');
    const stored = await request(source.getAll());
    const keyPath = source.keyPath;
    const indexes = [...source.indexNames].map((name) => {
      const index = source.index(name);
      return { name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    });
    appDb.close();

    const token = `${Date.now()}`;
    // 1. RxDB's Dexie storage alone.
    const instance = await db.storage.createStorageInstance({
      databaseInstanceToken: `bench-${token}`,
      databaseName: `benchfloor${token}`,
      collectionName: 'dossiers',
      schema: collection.schema.jsonSchema,
      options: {},
      multiInstance: false,
      devMode: false,
    });
    const started = performance.now();
    for (let i = 0; i < documents.length; i += size) await instance.bulkWrite(documents.slice(i, i + size).map((document) => ({ document })), 'bench-floor');
    const rxdbMs = performance.now() - started;
    await instance.remove();

    // 2. IndexedDB alone, with and without the indexes.
    const raw = async (withIndexes: boolean): Promise<number> => {
      const name = `bench-floor-idb-${withIndexes ? 'indexed' : 'plain'}-${token}`;
      const idb = await open(name, (target) => {
        const store = target.createObjectStore('docs', { keyPath });
        if (withIndexes) for (const index of indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
      });
      const t0 = performance.now();
      for (let i = 0; i < stored.length; i += size) {
        const tx = idb.transaction('docs', 'readwrite');
        const store = tx.objectStore('docs');
        for (const value of stored.slice(i, i + size)) store.put(value);
        await done(tx);
      }
      const ms = performance.now() - t0;
      idb.close();
      await request(indexedDB.deleteDatabase(name));
      return ms;
    };
    const indexedMs = await raw(true);
    const plainMs = await raw(false);
    const perSecond = (ms: number) => stored.length / (ms / 1000);
    return {
      docs: documents.length,
      rxdbDexie: documents.length / (rxdbMs / 1000),
      indexedDb: perSecond(indexedMs),
      indexes: indexes.length,
      indexedDbNoIndex: perSecond(plainMs),
    };
  }, batch);
}

function backend(): BackendName {
  const wanted = process.env.COMPTOIR_BENCH_BACKENDS?.split(',').find(Boolean) ?? 'pglite';
  if (wanted !== 'pglite' && wanted !== 'postgres') throw new Error(`COMPTOIR_BENCH_BACKENDS: unknown backend "${wanted}"`);
  return wanted;
}

export interface InitialSyncOptions {
  /** The built renderer the server serves (renderer-bench.ts builds `dist/renderer`). */
  readonly webDir: string;
  readonly log?: (line: string) => void;
  /** Records a CPU profile of the page from sign-in to "in sync" there (`.cpuprofile`) and prints a summary. */
  readonly profile?: string;
}

/** The initial-sync figures. */
export async function measureInitialSync(options: InitialSyncOptions): Promise<Figure[]> {
  const log = options.log ?? (() => undefined);
  const w = workload();
  const ds = dataset(w);
  const wanted = Math.min(100, Math.floor(w.docs / 5));
  const backendName = backend();
  const database = await openBenchDatabase(backendName);
  const profile = mkdtempSync(path.join(tmpdir(), 'comptoir-bench-chromium-'));
  try {
    const seeded = await seed(database.db, 'dossiers', dossierBatches(ds, 0, w.docs, 2000));
    log(`${backendName}: seeded ${seeded.docs} dossiers in ${seeded.ms.toFixed(0)} ms`);
    const manager = await createUser(database.db, 'manager', 'renderer');
    await database.db.close();
    const server = await startServerProcess(database, { COMPTOIR_WEB_DIR: options.webDir });
    try {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        locale: 'fr-FR',
        viewport: { width: 1440, height: 900 },
      });
      try {
        await context.addInitScript(instrument, wanted);
        const page = context.pages()[0] ?? (await context.newPage());
        page.on('pageerror', (error) => log(`page error: ${error.message}`));
        await page.goto(`${server.baseUrl}/#/pipeline`);
        await page.getByLabel('Adresse e-mail').fill(manager.email);
        await page.getByLabel('Mot de passe').fill(manager.password);
        let cdp: CDPSession | null = null;
        if (options.profile !== undefined) {
          cdp = await context.newCDPSession(page);
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        const loadAtStart = load();
        await page.getByRole('button', { name: 'Se connecter' }).click();

        // During the sync: the board with its first cards, then with the first `wanted` (for whoever
        // runs the bench to look at; each screenshot costs the page a few tens of ms).
        mkdirSync(shots, { recursive: true });
        log(`${await settled(page, 'firstCard')} cards on the board`);
        await page.screenshot({ path: path.join(shots, 'bench-first-sync-first-cards.png') });
        log(`${await settled(page, 'cards')} cards on the board`);
        await page.screenshot({ path: path.join(shots, 'bench-first-sync-cards.png') });
        await settled(page, 'inSync');
        const loadAtEnd = load();
        if (cdp !== null && options.profile !== undefined) {
          const { profile } = await cdp.send('Profiler.stop');
          writeFileSync(options.profile, JSON.stringify(profile));
          log(`CPU profile written to ${options.profile}`);
          summarize(profile as CpuProfile, log);
        }
        const counts = await localCounts(page);
        const m = await marks(page);
        const probe = await page.evaluate(() => ({ requests: window.__bench?.requests ?? [], samples: window.__bench?.samples ?? [], board: window.__bench?.board ?? [] }));
        await page.waitForTimeout(500);
        await page.screenshot({ path: path.join(shots, 'bench-first-sync-done.png') });
        const loadAtFloors = load();
        const floors = await measureFloors(page, 5000);
        log(`floors: RxDB Dexie ${floors.rxdbDexie.toFixed(0)}/s, IndexedDB ${floors.indexedDb.toFixed(0)}/s (${floors.indexes} indexes), ${floors.indexedDbNoIndex.toFixed(0)}/s without`);

        const replicated = Object.entries(counts).filter(([name]) => name !== 'conflicts');
        const docs = replicated.reduce((sum, [, n]) => sum + n, 0);
        if (counts.dossiers !== w.docs) throw new Error(`Dexie holds ${counts.dossiers} of ${w.docs} dossiers after the first sync`);
        const at = (name: string): number => m[name] ?? Number.NaN;
        const submit = at('bench:submit');
        const since = (name: string): string => (at(name) - submit).toFixed(0);
        const syncStart = at('bench:sync-start');
        const inSync = at('bench:in-sync');
        const hundred = at('bench:cards') - submit;
        const firstCard = at('bench:first-card') - submit;
        const [, firstCount = 0, firstCounted = 0] = probe.board[0] ?? [];
        const syncMs = inSync - syncStart;
        const rate = docs / (syncMs / 1000);
        const pulls = probe.requests.filter((r) => r.url.includes('/pull'));
        const dossierPulls = pulls.filter((r) => r.url.includes('/dossiers/'));
        const firstPull = dossierPulls[0];
        const others = replicated.filter(([name, n]) => name !== 'dossiers' && n > 0).map(([name, n]) => `${name} ${n}`);
        if (process.env.COMPTOIR_BENCH_VERBOSE === '1' || options.profile !== undefined) {
          for (const r of probe.requests) log(`  ${(r.start - submit).toFixed(0).padStart(6)} → ${(r.answered - submit).toFixed(0).padStart(6)} ms  ${r.url}`);
          for (const [t, n] of probe.samples.filter((_, i) => i % 10 === 0)) log(`  ${(t - submit).toFixed(0).padStart(6)} ms  ${n} received`);
          for (const [t, n, counted] of probe.board) log(`  ${(t - submit).toFixed(0).padStart(6)} ms  ${n} cards, ${counted} dossiers counted`);
          for (const [name, t] of Object.entries(m).sort((a, b) => a[1] - b[1])) log(`  ${(t - submit).toFixed(0).padStart(6)} ms  mark ${name}`);
        }
        return [
          {
            name: `first ${wanted} dossiers on the board, first sign-in (Chromium/Dexie)`,
            value: hundred,
            unit: 'ms',
            target: '< 300 ms (DESIGN §13)',
            note: `${verdict(hundred < 300)}; from sign-in submitted to ${wanted} cards in the DOM (${(at('bench:cards') - syncStart).toFixed(0)} ms from the first sync request); ${backendName}; load ${loadAtStart}`,
          },
          {
            name: 'first dossier cards on the board, first sign-in',
            value: firstCard,
            unit: 'ms',
            note:
              `${firstCount} cards, columns counting ${firstCounted} dossiers; from submit: database open ${since('comptoir:db-open')} ms, first sync request ${since('bench:sync-start')}, ` +
              `dossiers pull sent ${firstPull === undefined ? '?' : (firstPull.start - submit).toFixed(0)} and answered ${firstPull === undefined ? '?' : (firstPull.answered - submit).toFixed(0)}, ` +
              `first dossiers in Dexie ${since('bench:first-dossiers-stored')}`,
          },
          {
            name: `initial sync of ${w.docs} dossiers into Chromium/Dexie`,
            value: rate,
            unit: 'docs/s',
            target: '≥ 5,000 docs/s (DESIGN §13)',
            note:
              `${verdict(rate >= 5000)}; ${docs} docs (dossiers ${counts.dossiers}${others.length > 0 ? `, ${others.join(', ')}` : ''}) in ${(syncMs / 1000).toFixed(1)} s ` +
              `from the first sync request to "in sync" (${(docs / ((inSync - submit) / 1000)).toFixed(0)}/s from sign-in; ${pulls.length} pulls, ${dossierPulls.length} of dossiers); load ${loadAtStart}→${loadAtEnd}`,
          },
          {
            name: `client floor: RxDB Dexie storage bulkWrite of the ${floors.docs} dossiers`,
            value: floors.rxdbDexie,
            unit: 'docs/s',
            note: `pages of 5000, one write per document (the sync also writes a meta row per document and reads before each write); load ${loadAtFloors}`,
          },
          {
            name: `client floor: IndexedDB put of the ${floors.docs} dossiers`,
            value: floors.indexedDb,
            unit: 'docs/s',
            note: `the values Dexie stored, same ${floors.indexes} indexes, transactions of 5000; ${floors.indexedDbNoIndex.toFixed(0)}/s without indexes`,
          },
        ];
      } finally {
        await context.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    await database.destroy();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Builds the renderer into `outDir` (unminified: readable names in a profile). */
export function buildRenderer(outDir: string, minify = true): void {
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', ...(minify ? [] : ['--minify', 'false'])], { cwd: root, stdio: 'ignore' });
}

// Alone: `node test/e2e/bench/initial-sync-bench.ts`; COMPTOIR_BENCH_PROFILE=1 profiles an unminified build.
if (import.meta.filename === process.argv[1]) {
  const verbose = process.env.COMPTOIR_BENCH_VERBOSE === '1';
  const profiling = process.env.COMPTOIR_BENCH_PROFILE === '1';
  const webDir = profiling ? mkdtempSync(path.join(tmpdir(), 'comptoir-bench-web-')) : path.join(root, 'dist/renderer');
  buildRenderer(webDir, !profiling);
  mkdirSync(path.join(root, 'test-results'), { recursive: true });
  const figures = await measureInitialSync({
    webDir,
    log: verbose || profiling ? (line) => console.error(line) : undefined,
    profile: profiling ? path.join(root, 'test-results/bench-first-sync.cpuprofile') : undefined,
  });
  if (profiling) rmSync(webDir, { recursive: true, force: true });
  for (const figure of figures) {
    console.log(`${figure.name}: ${figure.value.toFixed(1)} ${figure.unit} ${figure.target ?? ''} ${figure.note ?? ''}`);
  }
}
