import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.ts';
import { errorSchema, sendFailure } from './errors.ts';

/**
 * `GET /health` → 200 `{ status: 'ok', database: 'pglite' | 'postgres' }` when the database answers,
 * else 503 `{ code: 'DATABASE_UNAVAILABLE' }`.
 * `GET /metrics` → Prometheus text: requests, push/pull counts and durations, open live streams,
 * process RSS. Unauthenticated: expose it on an internal address only.
 */
export function registerOpsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/health',
    {
      schema: {
        response: {
          200: { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } }, required: ['status', 'database'] },
          503: errorSchema,
        },
      },
    },
    async (request, reply) => {
      try {
        await ctx.db.query('SELECT 1');
        return { status: 'ok', database: ctx.db.kind };
      } catch (error) {
        request.log.error({ err: error }, 'health check: database unreachable');
        return sendFailure(reply, 503, 'DATABASE_UNAVAILABLE', 'The database does not answer');
      }
    },
  );

  app.get('/metrics', async (_request, reply) => {
    const text = ctx.metrics.render({
      comptoir_sync_open_streams: ctx.streams.size,
      process_resident_memory_bytes: process.memoryUsage.rss(),
    });
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(text);
  });
}
