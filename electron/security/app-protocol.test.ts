import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from './app-protocol.ts';

let base: string;
let root: string;
const policy = "default-src 'self' app:";

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'comptoir-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Comptoir</title>');
  await writeFile(path.join(root, 'assets', 'app-3f2a.js'), 'console.log("comptoir")');
  await writeFile(path.join(root, 'assets', 'app-3f2a.css'), 'body{margin:0}');
  await writeFile(path.join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(root, 'assets', 'inter.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(path.join(base, 'secret.txt'), 'refresh token');
});
afterAll(() => rm(base, { recursive: true, force: true }));

const handler = () => createAppProtocolHandler({ rootDir: root, readFile: (file) => readFile(file), contentSecurityPolicy: () => policy });
const get = (url: string, method = 'GET') => handler()(new Request(url, { method }));

describe('app:// protocol handler (Electron security checklist §18)', () => {
  it.each([
    ['app://comptoir/index.html', 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://comptoir/', 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://comptoir/assets/app-3f2a.js', 'text/javascript; charset=utf-8', 'console.log'],
    ['app://comptoir/assets/app-3f2a.css', 'text/css; charset=utf-8', 'margin'],
    ['app://comptoir/assets/logo.svg', 'image/svg+xml', '<svg'],
    ['app://comptoir/assets/inter.woff2', 'font/woff2', 'wOF2'],
  ])('serves %s as %s', async (url, type, start) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(policy);
    expect(await response.text()).toContain(start);
  });

  it('serves the single page for client-side routes', async () => {
    const response = await get('app://comptoir/dossiers/D-2026-000042');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Comptoir</title>');
  });

  it('answers 404 for a missing asset rather than the page', async () => {
    expect((await get('app://comptoir/assets/missing.js')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://comptoir/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://comptoir/index.html', 'POST')).status).toBe(405);
  });

  it.each([
    'app://comptoir/%2e%2e%2fsecret.txt',
    'app://comptoir/..%2fsecret.txt',
    'app://comptoir/assets/..%2F..%2Fsecret.txt',
    'app://comptoir/..%5csecret.txt',
    'app://comptoir/assets%5c..%5c..%5csecret.txt',
    'app://comptoir/%2fetc%2fpasswd',
    'app://comptoir//etc/passwd',
    'app://comptoir/C:/Windows/win.ini',
    'app://comptoir/c%3a%5cWindows%5cwin.ini',
    'app://comptoir/index.html%00.js',
    'app://comptoir/%E0%A4%A',
  ])('refuses %s and never reads outside the build directory', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('refresh token');
  });

  it.each(['app://comptoir/../secret.txt', 'app://comptoir/%2E%2E/%2E%2E/secret.txt', 'app://comptoir/assets/.%2e/.%2e/secret.txt'])(
    'keeps %s inside the root: the URL parser folds its dot segments first',
    async (url) => {
      // `/../secret.txt` becomes `/secret.txt` before the handler sees it: under the root, so 404.
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('refresh token');
    },
  );

  it('answers 404 for another host', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
  });

  it('resolves paths without touching the disk', () => {
    expect(resolveAppPath('/srv/renderer', 'app://comptoir/assets/a.js')).toEqual({ ok: true, value: path.resolve('/srv/renderer/assets/a.js') });
    expect(resolveAppPath('/srv/renderer', 'app://comptoir/a%20b.js')).toEqual({ ok: true, value: path.resolve('/srv/renderer/a b.js') });
    expect(resolveAppPath('/srv/renderer', 'https://comptoir/a.js')).toMatchObject({ ok: false, error: { code: 'NOT_APP_ORIGIN' } });
  });
});
