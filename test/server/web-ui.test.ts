// The built renderer served at `/` (browser mode: UI and API on one origin), from a temporary
// directory standing for dist/renderer. HTTP-layer behaviour: run on PGlite.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from './support/build.ts';
import { listen } from './support/sync-client.ts';
import { openTestDatabase, type TestDatabase } from './support/test-db.ts';

const INDEX = '<!doctype html><title>Comptoir</title><script type="module" src="./assets/index-Bl7dTRd1.js"></script>';
const SECRET = 'DATABASE PASSWORD';

/** A GET with the path sent exactly as written (fetch and inject would normalise `..`). */
function rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web UI at /', () => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let sandbox: string;

  beforeAll(async () => {
    sandbox = mkdtempSync(path.join(tmpdir(), 'comptoir-web-'));
    const webDir = path.join(sandbox, 'renderer');
    mkdirSync(path.join(webDir, 'assets'), { recursive: true });
    writeFileSync(path.join(webDir, 'index.html'), INDEX);
    writeFileSync(path.join(webDir, 'assets', 'index-Bl7dTRd1.js'), 'console.log("comptoir")');
    writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(webDir, '.env'), SECRET);
    writeFileSync(path.join(sandbox, 'secret.txt'), SECRET);
    tdb = await openTestDatabase('pglite', 'web');
    app = await build(tdb.db, { webDir });
    base = await listen(app);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await tdb.destroy();
    rmSync(sandbox, { recursive: true, force: true });
  });

  it('serves the app shell at / and for client routes, revalidated on every load', async () => {
    for (const url of ['/', '/index.html', '/dossiers/dossier-42', '/?server=x']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toBe(INDEX);
      expect(response.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    }
    expect((await app.inject({ method: 'GET', url: '/' })).headers['x-frame-options']).toBe('DENY');
  });

  it('caches hashed assets for a year, other files until they change', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-Bl7dTRd1.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers).toMatchObject({ 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' });
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers).toMatchObject({ 'content-type': 'image/svg+xml', 'cache-control': 'no-cache' });
    const etag = icon.headers.etag;
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await app.inject({ method: 'GET', url: '/favicon.svg', headers: { 'if-none-match': String(etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('answers HEAD with the headers only', async () => {
    const response = await fetch(`${base}/`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(INDEX)));
    expect(await response.text()).toBe('');
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/.env',
    '/assets/%2e%2e/.env',
    '/%00index.html',
  ])('refuses %s', async (rawPath) => {
    const response = await rawGet(base, rawPath);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a path that is not valid percent-encoding', async () => {
    const response = await rawGet(base, '/%E0%A4%A.txt');
    expect(response.status).toBe(400);
    expect(response.body).not.toContain(SECRET);
  });

  it('keeps the API and the update feed out of the UI fallback', async () => {
    expect((await app.inject({ method: 'GET', url: '/missing.png' })).json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.inject({ method: 'GET', url: '/api/nothing-here' })).json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.inject({ method: 'GET', url: '/updates/a/b' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toMatchObject({ status: 'ok' });
    expect((await app.inject({ method: 'POST', url: '/', payload: {} })).statusCode).toBe(404);
  });

  it('says so when the UI is not built', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'comptoir-web-empty-'));
    const bare = await build(tdb.db, { webDir: empty });
    try {
      const response = await bare.inject({ method: 'GET', url: '/' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'UI_NOT_BUILT' });
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
