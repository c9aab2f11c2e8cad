import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setUserDisabled } from '../../sync-server/auth/users.ts';
import { aUser, bearer, build, login, PASSWORD, type Tokens } from './support/build.ts';
import { backends, openTestDatabase, resetDatabase, type TestDatabase } from './support/test-db.ts';

const BACKENDS = await backends();

describe.each(BACKENDS)('sign-in and tokens on %s', (backend) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let now: Date;

  beforeAll(async () => {
    tdb = await openTestDatabase(backend, 'auth');
  }, 60_000);
  afterAll(async () => tdb.destroy());
  beforeEach(async () => {
    await resetDatabase(tdb.db);
    now = new Date('2026-11-23T09:00:00.000Z');
    app = await build(tdb.db, { now: () => now });
  });
  afterEach(async () => app.close());

  const refresh = (refreshToken: string) => app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
  const pullWith = (token: string) =>
    app.inject({ method: 'POST', url: '/api/sync/clients/pull', headers: bearer(token), payload: { checkpoint: null } });

  it('signs in with email (any case) and password, and the access token opens the sync API', async () => {
    const user = await aUser(tdb.db, 'agent', 'alpes', 'Claire.Martin@example.fr');
    const session = await login(app, 'claire.martin@EXAMPLE.fr');
    expect(session.user).toEqual({ id: user.id, email: 'Claire.Martin@example.fr', name: user.name, role: 'agent', team: 'alpes', disabled: false });
    expect(session).toMatchObject({ accessTokenExpiresAt: '2026-11-23T09:15:00.000Z' });
    expect(session).not.toHaveProperty('passwordHash');
    expect((await pullWith(session.accessToken)).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const user = await aUser(tdb.db, 'agent');
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'nope nope nope' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ghost@example.fr', password: 'nope nope nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Wrong email or password' });
  });

  it('refuses requests without a token, with a forged token and with an expired one', async () => {
    const user = await aUser(tdb.db, 'agent');
    const session = await login(app, user.email);
    const missing = await app.inject({ method: 'POST', url: '/api/sync/clients/pull', payload: { checkpoint: null } });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const [header, payload] = session.accessToken.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: user.id, role: 'admin', team: 'alpes' })).toString('base64url')}.${payload}`;
    expect((await pullWith(forged)).statusCode).toBe(401);
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await pullWith(session.accessToken)).json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('rotates the refresh token: the new pair works, the old refresh token is spent', async () => {
    const user = await aUser(tdb.db, 'manager');
    const first = await login(app, user.email);
    now = new Date(now.getTime() + 20 * 60_000);
    const rotated = await refresh(first.refreshToken);
    expect(rotated.statusCode).toBe(200);
    const second = rotated.json<Tokens>();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.id).toBe(user.id);
    expect((await pullWith(second.accessToken)).statusCode).toBe(200);
    expect((await refresh(second.refreshToken)).statusCode).toBe(200);
  });

  it('revokes the whole family when a spent refresh token is presented again', async () => {
    const user = await aUser(tdb.db, 'agent');
    const first = await login(app, user.email);
    const second = (await refresh(first.refreshToken)).json<Tokens>();
    // Past the minute in which a retry of a lost answer is accepted.
    now = new Date(now.getTime() + 2 * 60_000);
    const replay = await refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    // The legitimate holder's newer token dies with the family: both parties must sign in again.
    expect((await refresh(second.refreshToken)).json()).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    // Another sign-in (another family) is untouched.
    const other = await login(app, user.email);
    expect((await refresh(other.refreshToken)).statusCode).toBe(200);
  });

  it('takes a refresh retried after its answer was lost as a retry, once, within a minute', async () => {
    const user = await aUser(tdb.db, 'agent');
    const first = await login(app, user.email);
    // The server rotates the token; the answer never reaches the client.
    expect((await refresh(first.refreshToken)).statusCode).toBe(200);
    now = new Date(now.getTime() + 20_000);
    const retried = await refresh(first.refreshToken);
    expect(retried.statusCode).toBe(200);
    const session = retried.json<Tokens>();
    expect((await pullWith(session.accessToken)).statusCode).toBe(200);
    // A second retry is reuse: the family is revoked, the retried session with it.
    expect((await refresh(first.refreshToken)).json()).toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    expect((await refresh(session.refreshToken)).json()).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });

  it('takes an old token as reuse once its successor was used, even within the minute', async () => {
    const user = await aUser(tdb.db, 'agent');
    const first = await login(app, user.email);
    const second = (await refresh(first.refreshToken)).json<Tokens>();
    const third = (await refresh(second.refreshToken)).json<Tokens>();
    expect((await refresh(first.refreshToken)).json()).toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    expect((await refresh(third.refreshToken)).json()).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });

  it('leaves one live refresh token of two simultaneous refreshes with the same token', async () => {
    const user = await aUser(tdb.db, 'agent');
    const first = await login(app, user.email);
    const results = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)]);
    // The second is served as a retry of the first (a client that lost the first answer).
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    const live = await tdb.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM refresh_tokens WHERE user_id = $1 AND rotated_at IS NULL AND revoked_at IS NULL`,
      [user.id],
    );
    expect(live[0]?.n).toBe('1');
  });

  it('logs out: the refresh token and its successors stop working', async () => {
    const user = await aUser(tdb.db, 'agent');
    const session = await login(app, user.email);
    const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: session.refreshToken } });
    expect(logout.statusCode).toBe(204);
    expect((await refresh(session.refreshToken)).json()).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    // Logging out twice, or with an unknown token, is not an error.
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: 'unknown' } })).statusCode).toBe(204);
  });

  it('keeps a disabled user out: no sign-in, no refresh', async () => {
    const user = await aUser(tdb.db, 'agent');
    const session = await login(app, user.email);
    // Disabled behind the API's back (sessions not revoked): refresh must still refuse.
    await tdb.db.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
    expect((await refresh(session.refreshToken)).json()).toMatchObject({ code: 'ACCOUNT_DISABLED' });
    const denied = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: PASSWORD } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'ACCOUNT_DISABLED' });
    // The admin command revokes sessions too.
    await tdb.db.query('UPDATE users SET disabled = false WHERE id = $1', [user.id]);
    const again = await login(app, user.email);
    await setUserDisabled(tdb.db, user.email, true);
    expect((await refresh(again.refreshToken)).statusCode).toBe(401);
  });

  it('slows down password guessing per address and email', async () => {
    const user = await aUser(tdb.db, 'agent');
    for (let i = 0; i < 10; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: `guess ${i} guess` } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const other = await aUser(tdb.db, 'agent');
    expect((await login(app, other.email)).user.id).toBe(other.id);
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await login(app, user.email)).user.id).toBe(user.id);
  });

  it('rejects malformed bodies with 4xx { code, message }', async () => {
    const cases = [
      { payload: { email: 'a@example.fr' }, status: 400, code: 'INVALID_BODY' },
      { payload: { email: 'a@example.fr', password: 'x', admin: true }, status: 400, code: 'INVALID_BODY' },
      { payload: { email: 42, password: 'secret secret' }, status: 400, code: 'INVALID_BODY' },
      { payload: '{"email":', status: 400, code: 'INVALID_JSON' },
      { payload: { email: 'a@example.fr', password: 'x'.repeat(20_000) }, status: 413, code: 'BODY_TOO_LARGE' },
    ];
    for (const c of cases) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: c.payload });
      expect(r.statusCode, JSON.stringify(c.payload).slice(0, 60)).toBe(c.status);
      expect(r.json()).toMatchObject({ code: c.code, message: expect.any(String) });
    }
  });
});
