import { describe, expect, it } from 'vitest';
import { createSessionAuth, type Session } from './auth-session.ts';
import { Backoff } from './backoff.ts';
import { createSyncApi, type SyncApi, type SyncRequestError } from './sync-api.ts';
import type { HttpResponse, HttpTransport } from './transport.ts';

const session = (n: number): Session => ({
  accessToken: `access-${n}`,
  accessTokenExpiresAt: '2026-03-02T10:00:00.000Z',
  refreshToken: `refresh-${n}`,
  user: { id: 'u1', email: 'claire@example.fr', name: 'Claire', role: 'agent', team: 'alpes' },
});

/**
 * A scripted server: one valid access token and one valid refresh token at a time; a refresh
 * rotates both, and presenting a spent refresh token fails (as a reuse would on the real server).
 */
function fakeServer(options: { refreshStatus?: number; pullStatus?: number } = {}) {
  let generation = 1;
  let accessValid = true;
  const calls: { url: string; auth: string | undefined; body: unknown }[] = [];
  const http: HttpTransport = {
    async postJson(url, body, headers): Promise<HttpResponse> {
      calls.push({ url, auth: headers.authorization, body });
      // Let concurrent requests overlap, as they do over a network.
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (url.endsWith('/api/auth/refresh')) {
        if (options.refreshStatus !== undefined) return { status: options.refreshStatus, body: { code: 'INVALID_REFRESH_TOKEN', message: 'no' } };
        if ((body as { refreshToken: string }).refreshToken !== `refresh-${generation}`) return { status: 401, body: { code: 'REFRESH_TOKEN_REUSED', message: 'reused' } };
        generation++;
        accessValid = true;
        return { status: 200, body: session(generation) };
      }
      if (!accessValid || headers.authorization !== `Bearer access-${generation}`) return { status: 401, body: { code: 'UNAUTHENTICATED', message: 'expired' } };
      if (options.pullStatus !== undefined) return { status: options.pullStatus, body: { code: 'X', message: 'failed' } };
      return url.endsWith('/pull') ? { status: 200, body: { documents: [], checkpoint: { epoch: 'e', seq: 0 } } } : { status: 200, body: [] };
    },
  };
  /** The access token expires; the refresh token stays valid. */
  const expireAccess = (): void => {
    accessValid = false;
  };
  return { http, calls, expireAccess };
}

function apiOver(http: HttpTransport, failures: SyncRequestError[] = []): SyncApi {
  return createSyncApi({
    http,
    baseUrl: 'http://sync',
    auth: createSessionAuth({ http, baseUrl: 'http://sync', session: session(1) }),
    backoff: new Backoff({ initialMs: 1, maxMs: 2, random: () => 0 }),
    onSuccess: () => undefined,
    onFailure: (error) => failures.push(error),
  });
}

describe('sync API requests', () => {
  it('refreshes an expired access token once for many concurrent 401s, then retries each request', async () => {
    const server = fakeServer();
    const api = apiOver(server.http);
    await api.pull('dossiers', null, 10);
    server.expireAccess();
    const results = await Promise.all([api.pull('dossiers', null, 10), api.pull('quotes', null, 10), api.push('clients', []), api.push('offers', [])]);
    expect(results).toHaveLength(4);
    // A second refresh would present a spent token: the real server would revoke the whole sign-in.
    expect(server.calls.filter((c) => c.url.endsWith('/api/auth/refresh'))).toHaveLength(1);
    expect(server.calls.at(-1)?.auth).toBe('Bearer access-2');
  });

  it('reports a refused refresh token as a session that ended', async () => {
    const server = fakeServer({ refreshStatus: 401 });
    const failures: SyncRequestError[] = [];
    const api = apiOver(server.http, failures);
    server.expireAccess();
    await expect(api.pull('dossiers', null, 10)).rejects.toMatchObject({ code: 'SESSION_ENDED' });
    expect(failures.map((f) => f.code)).toEqual(['SESSION_ENDED']);
  });

  it('classifies failures: no response or 5xx is unreachable, another 4xx is rejected', async () => {
    const down: HttpTransport = { postJson: () => Promise.reject(new Error('ECONNREFUSED')) };
    await expect(apiOver(down).push('dossiers', [])).rejects.toMatchObject({ code: 'UNREACHABLE', status: null });
    await expect(apiOver(fakeServer({ pullStatus: 503 }).http).pull('dossiers', null, 1)).rejects.toMatchObject({ code: 'UNREACHABLE', status: 503 });
    await expect(apiOver(fakeServer({ pullStatus: 400 }).http).pull('dossiers', null, 1)).rejects.toMatchObject({ code: 'REJECTED', status: 400, message: 'X: failed' });
    const garbage: HttpTransport = { postJson: async () => ({ status: 200, body: { documents: 'no' } }) };
    await expect(apiOver(garbage).pull('dossiers', null, 1)).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});

describe('push answers', () => {
  const answering = (body: unknown, seen: Record<string, string>[] = []): HttpTransport => ({
    postJson: async (_url, _body, headers) => {
      seen.push({ ...headers });
      return { status: 200, body };
    },
  });

  it('asks for the push report and reads the sequences written', async () => {
    const seen: Record<string, string>[] = [];
    const conflict = { id: 'd1', _deleted: false };
    const api = apiOver(answering({ conflicts: [conflict], written: { epoch: 'e', from: 4, to: 6 } }, seen));
    expect(await api.push('dossiers', [])).toEqual({ conflicts: [conflict], written: { epoch: 'e', from: 4, to: 6 } });
    expect(seen[0]?.accept).toBe('application/vnd.comptoir.push-report+json');
  });

  it('takes a bare conflicts array (a server from before the report) as conflicts with nothing known written', async () => {
    expect(await apiOver(answering([{ id: 'd1' }])).push('dossiers', [])).toEqual({ conflicts: [{ id: 'd1' }], written: null });
  });

  it('ignores a malformed `written` and refuses a report without conflicts', async () => {
    for (const written of [null, { epoch: 'e', from: 0, to: 1 }, { epoch: 'e', from: 3, to: 2 }, { epoch: 1, from: 1, to: 1 }, { from: 1, to: 1 }]) {
      expect(await apiOver(answering({ conflicts: [], written })).push('dossiers', [])).toEqual({ conflicts: [], written: null });
    }
    await expect(apiOver(answering({ written: null })).push('dossiers', [])).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});
