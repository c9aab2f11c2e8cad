import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VerifiedAccess } from '../auth/access-token.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { sendFailure } from './errors.ts';

/**
 * The access token of a request: `Authorization: Bearer <token>`, or, where `allowQuery` (the live
 * stream only: browsers' EventSource cannot set headers), the `access_token` query parameter.
 * Query tokens are redacted from logs (app.ts).
 */
export function accessTokenOf(request: FastifyRequest, allowQuery: boolean): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? null;
  }
  if (!allowQuery) return null;
  const query = request.query as Record<string, unknown> | undefined;
  const token = query?.access_token;
  return typeof token === 'string' && token !== '' ? token : null;
}

/**
 * Verifies the caller; on failure sends 401 `{ code: 'UNAUTHENTICATED' }` and returns null, so a
 * handler does `const access = await authenticate(…); if (access === null) return reply;`.
 */
export async function authenticate(
  auth: AuthService,
  request: FastifyRequest,
  reply: FastifyReply,
  allowQuery = false,
): Promise<VerifiedAccess | null> {
  const token = accessTokenOf(request, allowQuery);
  if (token === null) {
    sendFailure(reply, 401, 'UNAUTHENTICATED', 'Missing access token: send Authorization: Bearer <accessToken>');
    return null;
  }
  const verified = await auth.verify(token);
  if (!verified.ok) {
    sendFailure(reply, 401, verified.error.code, verified.error.message);
    return null;
  }
  return verified.value;
}

/** Replaces a query-string access token by `[redacted]`, for logs. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]access_token=)[^&]*/g, '$1[redacted]');
}
