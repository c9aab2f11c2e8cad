import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importDocuments } from '../../sync-server/admin/import-docs.ts';
import type { SyncState } from '../../core/replication/sync-status.ts';
import { backends } from '../server/support/test-db.ts';
import type { TestClient } from './support/client-proxy.ts';
import { product, signedInClient } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const BACKENDS = await backends();
const PRODUCTS = 4000;

describe.each(BACKENDS)('first sync of a fresh client, on %s', (backend) => {
  let server: TestServer;
  let client: TestClient | undefined;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const imported = await importDocuments(server.database.db, { products: Array.from({ length: PRODUCTS }, (_, i) => product(`catalog-${i}`, `Article ${i}`)) });
    if (!imported.ok) throw new Error(imported.error.message);
  }, 60_000);
  afterAll(async () => server.destroy());
  afterEach(async () => client?.terminate());

  it('reports progress per collection while it downloads, and nothing as pending', async () => {
    const { client: created } = await signedInClient(server, 'fresh');
    client = created;
    const seen: SyncState[] = [];
    let done = false;
    const watching = (async () => {
      while (!done) {
        seen.push(await created.send('state'));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const started = performance.now();
    const final = await created.send('awaitInSync', { timeoutMs: 60_000 });
    const seconds = (performance.now() - started) / 1000;
    done = true;
    await watching;

    expect(final.initialSync).toMatchObject({ done: true, collections: { products: { received: PRODUCTS, done: true }, offers: { received: 0, done: true } } });
    expect(final.pendingChanges).toBe(0);
    const received = seen.map((s) => s.initialSync.collections.products?.received ?? 0);
    expect(received).toEqual([...received].sort((x, y) => x - y));
    expect(seen.every((s) => s.pendingChanges === 0)).toBe(true);
    expect((await created.send('all', { collection: 'products' })).length).toBe(PRODUCTS);
    console.info(`${backend}: first sync of ${PRODUCTS} products in ${seconds.toFixed(2)} s (worker, validating memory storage, dev-mode)`);
  }, 90_000);
});
