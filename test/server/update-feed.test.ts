// GET /updates/<file>: the update feed's HTTP contract (docs/it-deployment.md §6). The desktop's
// real electron-updater against this route: test/electron/update-feed-server.test.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishRelease } from '../../sync-server/updates/publish.ts';
import { build } from './support/build.ts';
import { writeBuild } from './support/release-builds.ts';
import { listen } from './support/sync-client.ts';
import { openTestDatabase, type TestDatabase } from './support/test-db.ts';

function rawGet(base: string, rawPath: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: rawPath }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('the update feed route', () => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let feed: string;
  let built: ReturnType<typeof writeBuild>;
  let installer: Buffer;

  beforeAll(async () => {
    feed = mkdtempSync(path.join(tmpdir(), 'comptoir-feed-'));
    built = writeBuild('1.5.0', { stagingPercentage: 25 });
    const published = await publishRelease({ sourceDir: built.dir, releasesDir: feed });
    if (!published.ok) throw new Error(published.error.message);
    installer = readFileSync(path.join(feed, built.installer));
    // Put there by hand: the route must not serve it even so.
    writeFileSync(path.join(feed, 'builder-debug.yml'), 'secret: build machine paths');
    tdb = await openTestDatabase('pglite', 'feed');
    app = await build(tdb.db, { releasesDir: feed });
    base = await listen(app);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await tdb.destroy();
    rmSync(feed, { recursive: true, force: true });
    rmSync(built.dir, { recursive: true, force: true });
  });

  it('serves channel files unchanged (the client applies stagingPercentage), never cached', async () => {
    for (const stagingId of ['00000000-0000-4000-8000-000000000000', 'ffffffff-ffff-4fff-bfff-ffffffffffff', undefined]) {
      const response = await app.inject({ method: 'GET', url: '/updates/latest-linux.yml', headers: stagingId ? { 'x-user-staging-id': stagingId } : {} });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(built.channelFile);
      expect(response.headers).toMatchObject({ 'content-type': 'text/yaml; charset=utf-8', 'cache-control': 'no-cache', 'accept-ranges': 'bytes' });
      expect(response.body).toContain('stagingPercentage: 25');
    }
  });

  it('serves installers whole, with validators, length and a long cache', async () => {
    const response = await fetch(`${base}/updates/${built.installer}`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(installer);
    expect(response.headers.get('content-length')).toBe(String(installer.byteLength));
    expect(response.headers.get('content-type')).toBe('application/vnd.debian.binary-package');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('etag')).toMatch(/^"/);
    expect(Date.parse(response.headers.get('last-modified') ?? '')).not.toBeNaN();
    const head = await fetch(`${base}/updates/${built.installer}`, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(installer.byteLength));
    const notModified = await fetch(`${base}/updates/${built.installer}`, { headers: { 'if-none-match': response.headers.get('etag') ?? '' } });
    expect(notModified.status).toBe(304);
  });

  it('answers single byte ranges with 206, past the end with 416', async () => {
    const size = installer.byteLength;
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      ['bytes=100-', 100, size - 1],
      ['bytes=-10', size - 10, size - 1],
      [`bytes=${size - 5}-${size + 100}`, size - 5, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const response = await fetch(`${base}/updates/${built.installer}`, { headers: { range } });
      expect(response.status, range).toBe(206);
      expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers.get('content-length')).toBe(String(end - start + 1));
      expect(Buffer.from(await response.arrayBuffer())).toEqual(installer.subarray(start, end + 1));
    }
    const outside = await fetch(`${base}/updates/${built.installer}`, { headers: { range: `bytes=${size}-` } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${size}`);
    expect(await outside.json()).toMatchObject({ code: 'RANGE_NOT_SATISFIABLE' });
    // Several ranges, or a resume against another version of the file: the whole file.
    expect((await fetch(`${base}/updates/${built.installer}`, { headers: { range: 'bytes=0-1,5-6' } })).status).toBe(200);
    expect((await fetch(`${base}/updates/${built.installer}`, { headers: { range: 'bytes=0-1', 'if-range': '"stale"' } })).status).toBe(200);
  });

  it('serves nothing but channel files and installers', async () => {
    for (const rawPath of [
      '/updates/builder-debug.yml',
      '/updates/nightly.yml',
      '/updates/..%2f..%2fetc%2fpasswd',
      '/updates/../../etc/passwd',
      '/updates/linux-unpacked/comptoir',
      '/updates/.publishing-x',
      '/updates/latest-mac.yml',
      '/updates/Comptoir-9.9.9-linux-x64.deb',
    ]) {
      expect(await rawGet(base, rawPath), rawPath).toBe(404);
    }
  });
});
