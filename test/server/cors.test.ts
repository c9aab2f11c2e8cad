// CORS for the API and the live stream: the desktop's app://comptoir and COMPTOIR_ALLOWED_ORIGINS.
// HTTP-layer behaviour, the same on both storages: run on PGlite.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, PASSWORD, signedIn } from './support/build.ts';
import { listen } from './support/sync-client.ts';
import { openTestDatabase, type TestDatabase } from './support/test-db.ts';

const PREFLIGHT_HEADERS = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' };

describe('cross-origin requests', () => {
  let tdb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    tdb = await openTestDatabase('pglite', 'cors');
    app = await build(tdb.db, { allowedOrigins: ['https://desk.example.com/', 'http://localhost:5173'] });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await tdb.destroy();
  });

  it.each(['app://comptoir', 'https://desk.example.com', 'http://localhost:5173'])('answers a preflight from %s', async (origin) => {
    const response = await app.inject({ method: 'OPTIONS', url: '/api/sync/dossiers/pull', headers: { origin, ...PREFLIGHT_HEADERS } });
    expect(response.statusCode).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'authorization, content-type, last-event-id',
      vary: 'Origin',
    });
    expect(Number(response.headers['access-control-max-age'])).toBeGreaterThan(0);
  });

  it('refuses a preflight from another origin', async () => {
    const response = await app.inject({ method: 'OPTIONS', url: '/api/auth/login', headers: { origin: 'https://evil.example', ...PREFLIGHT_HEADERS } });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'ORIGIN_NOT_ALLOWED' });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets an allowed origin read API answers, errors and rate-limit hints included', async () => {
    const user = await signedIn(app, tdb.db, 'agent');
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'app://comptoir' }, payload: { email: user.user.email, password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect(login.headers).toMatchObject({ 'access-control-allow-origin': 'app://comptoir', vary: 'Origin', 'access-control-expose-headers': 'Retry-After' });
    const refused = await app.inject({ method: 'POST', url: '/api/sync/dossiers/pull', headers: { origin: 'app://comptoir' }, payload: { checkpoint: null } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe('app://comptoir');
    const health = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://desk.example.com' } });
    expect(health.headers['access-control-allow-origin']).toBe('https://desk.example.com');
  });

  it('gives other origins no CORS header, and leaves same-origin requests alone', async () => {
    const other = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } });
    expect(other.statusCode).toBe(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const sameOrigin = await app.inject({ method: 'GET', url: '/health' });
    expect(sameOrigin.headers['access-control-allow-origin']).toBeUndefined();
    expect(sameOrigin.headers.vary).toBeUndefined();
  });

  it('lets the desktop open the live stream (a hijacked reply) cross-origin', async () => {
    const user = await signedIn(app, tdb.db, 'agent');
    const base = await listen(app);
    const controller = new AbortController();
    const response = await fetch(`${base}/api/sync/stream?access_token=${user.accessToken}`, { headers: { origin: 'app://comptoir' }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('access-control-allow-origin')).toBe('app://comptoir');
    controller.abort();
    await response.body?.cancel().catch(() => undefined);
  });
});
