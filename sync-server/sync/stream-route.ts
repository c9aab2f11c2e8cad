import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.ts';
import { authenticate } from '../http/authenticate.ts';
import { errorSchema } from '../http/errors.ts';
import { readHeads } from './doc-store.ts';

/**
 * `GET /api/sync/stream` — one Server-Sent Events stream per client for every collection (framing in
 * live-streams.ts). Authenticate with `Authorization: Bearer <accessToken>` or, for browsers'
 * EventSource which cannot set headers, `?access_token=<accessToken>` (redacted from logs).
 * 401 `{ code: 'UNAUTHENTICATED' }` without a valid token. A small commit's notice carries its
 * documents, those the caller may read (the same rules as a pull); a plain notice is the same for
 * every caller and the pull that follows applies the rules. `?heads=1`: the greeting
 * carries every collection's head (live-streams.ts), so that a client already there pulls nothing.
 */
export function registerStreamRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/sync/stream',
    {
      schema: {
        querystring: { type: 'object', properties: { access_token: { type: 'string', maxLength: 4096 }, heads: { type: 'string', maxLength: 8 } } },
        response: { '4xx': errorSchema },
      },
    },
    async (request, reply) => {
      const access = await authenticate(ctx.auth, request, reply, true);
      if (access === null) return reply;
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx and similar proxies buffer responses unless told not to.
        'x-accel-buffering': 'no',
      });
      reply.raw.socket?.setNoDelay(true);
      const { heads } = request.query as { heads?: string };
      ctx.streams.open(reply.raw, access.principal, ctx.epoch, access.expiresAt, heads === '1' ? () => readHeads(ctx.db) : undefined);
      request.log.debug({ user: access.principal.userId, open: ctx.streams.size }, 'live stream opened');
      return reply;
    },
  );
}
