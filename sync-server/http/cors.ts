import type { FastifyInstance } from 'fastify';
import { sendFailure } from './errors.ts';

/** The origin of the desktop app's pages (electron/security: the renderer is served from `app://comptoir/`). */
export const DESKTOP_ORIGIN = 'app://comptoir';

/** Routes other origins may call: the API (sync, live stream, auth, numbers…) and the health check. */
const CORS_PREFIXES = ['/api/', '/health'];
/** Headers the UI sends: the bearer token, JSON bodies, and EventSource's resume header. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'last-event-id'];
const ALLOWED_METHODS = 'GET, POST';
/** Browsers cache a preflight at most this long (Chromium caps it at 2 hours anyway). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * The origins allowed to call the API: the desktop app, plus those configured
 * (COMPTOIR_ALLOWED_ORIGINS: e.g. a UI served from another host). Trailing slashes are dropped,
 * since browsers never send one in `Origin`.
 */
export function allowedOriginSet(configured: readonly string[]): ReadonlySet<string> {
  return new Set([DESKTOP_ORIGIN, ...configured].map((origin) => origin.trim().replace(/\/+$/, '')).filter((origin) => origin !== ''));
}

/**
 * Cross-origin access to the API (Fetch standard CORS), hand-written because it is this small:
 * - a request with an allowed `Origin` gets `Access-Control-Allow-Origin: <that origin>` (never `*`)
 *   and `Vary: Origin`; `Retry-After` is exposed (rate-limited sign-ins);
 * - a preflight (`OPTIONS` with `Access-Control-Request-Method`) from an allowed origin → 204 with
 *   the allowed methods and headers; from another origin → 403 `{ code: 'ORIGIN_NOT_ALLOWED' }`;
 * - requests from other origins are not refused (tokens travel in a header, never in cookies, so
 *   there is nothing to forge) but get no CORS header, so the browser keeps their answers from
 *   the calling page.
 * Headers are set on the raw response so that hijacked replies (the live stream) carry them too.
 * The same-origin UI (static/web-routes.ts) sends no `Origin` on GETs and needs none of this.
 */
export function registerCors(app: FastifyInstance, configuredOrigins: readonly string[]): void {
  const allowed = allowedOriginSet(configuredOrigins);
  app.addHook('onRequest', async (request, reply) => {
    const requestPath = request.url.split('?', 1)[0] ?? '/';
    if (!CORS_PREFIXES.some((prefix) => requestPath.startsWith(prefix))) return;
    const origin = request.headers.origin;
    if (origin === undefined) return;
    reply.raw.setHeader('vary', 'Origin');
    const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    if (!allowed.has(origin)) {
      if (preflight) return sendFailure(reply, 403, 'ORIGIN_NOT_ALLOWED', `The origin ${origin} may not call this server; see COMPTOIR_ALLOWED_ORIGINS`);
      return;
    }
    reply.raw.setHeader('access-control-allow-origin', origin);
    if (!preflight) {
      reply.raw.setHeader('access-control-expose-headers', 'Retry-After');
      return;
    }
    reply.raw.setHeader('access-control-allow-methods', ALLOWED_METHODS);
    reply.raw.setHeader('access-control-allow-headers', ALLOWED_HEADERS.join(', '));
    reply.raw.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
    return reply.code(204).send();
  });
}
