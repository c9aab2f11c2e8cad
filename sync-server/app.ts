import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { DEFAULT_LIMITS, type AppContext, type SyncLimits } from './app-context.ts';
import { createAuthService } from './auth/auth-service.ts';
import { registerAuthRoutes } from './auth/auth-routes.ts';
import type { ScryptParams } from './auth/password.ts';
import { createLoginRateLimiter, type RateLimitOptions } from './auth/rate-limit.ts';
import type { Db } from './db/db.ts';
import { readEpoch } from './db/server-meta.ts';
import { redactUrl } from './http/authenticate.ts';
import { installErrorHandling } from './http/errors.ts';
import { createMetrics } from './http/metrics.ts';
import { registerOpsRoutes } from './http/ops-routes.ts';
import { changesChannel, startChangeFeed } from './sync/change-feed.ts';
import { createLiveStreams } from './sync/live-streams.ts';
import { createNoticeForwarder } from './sync/notice-documents.ts';
import { registerStreamRoute } from './sync/stream-route.ts';
import { registerSyncRoutes } from './sync/sync-routes.ts';
import { registerCors } from './http/cors.ts';
import { registerNumberRoutes } from './numbers/number-routes.ts';
import { registerWebRoutes } from './static/web-routes.ts';
import { registerUpdateFeedRoutes } from './updates/feed-routes.ts';
import { startCommands, type CommandsOptions } from './commands/start-commands.ts';

/** Everything the app needs from outside; the caller owns (and closes) the database. */
export interface AppDeps {
  /** A migrated database (db/open-db.ts). */
  readonly db: Db;
  /** Key signing access tokens (auth/jwt-secret.ts). */
  readonly jwtSecret: Uint8Array;
  /** pino options for fastify's logger; `false` (tests) logs nothing. */
  readonly logger?: FastifyServerOptions['logger'];
  readonly now?: () => Date;
  /** Cost of the dummy password check for unknown emails; match the hashes' cost. */
  readonly scrypt?: ScryptParams;
  readonly heartbeatMs?: number;
  readonly loginLimit?: RateLimitOptions;
  readonly limits?: Partial<SyncLimits>;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limits, logs). */
  readonly trustProxy?: boolean;
  /** Browser origins allowed to call the API besides the desktop's `app://comptoir` (http/cors.ts). */
  readonly allowedOrigins?: readonly string[];
  /** The update feed's directory, served at `/updates/` (updates/feed-routes.ts); none when absent. */
  readonly releasesDir?: string;
  /** The built renderer, served at `/` (static/web-routes.ts); none when absent. */
  readonly webDir?: string;
  /** The outbox: command runner and payment page (commands/start-commands.ts); off when absent (most tests). */
  readonly commands?: CommandsOptions;
}

const HEARTBEAT_MS = 15_000;

/**
 * Builds the HTTP app without listening (server.ts listens; tests use `inject` or listen on port 0).
 * Closing the app ends the live streams and stops listening for changes; it does not close `db`.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger ?? false;
  const app = Fastify({
    logger: logger === false || logger === true ? logger : { ...logger, serializers: { req: serializeRequest } },
    // JSON API: no silent coercion ("5" → 5) or stripping of unknown fields; reject instead.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false } },
    trustProxy: deps.trustProxy ?? false,
    // Live streams are idle most of the time: never time them out.
    requestTimeout: 0,
  });
  const metrics = createMetrics();
  const streams = createLiveStreams({ heartbeatMs: deps.heartbeatMs ?? HEARTBEAT_MS, now });
  const feed = await startChangeFeed(deps.db, (payload) => app.log.warn({ payload }, 'ignored malformed change notice'));
  const forward = createNoticeForwarder(deps.db, streams, (error) => app.log.warn({ err: error }, 'change notice sent without its documents'));
  const unsubscribe = feed.subscribe({ onChange: forward, onResync: () => streams.resyncAll() });
  const ctx: AppContext = {
    db: deps.db,
    channel: changesChannel(deps.db),
    epoch: await readEpoch(deps.db),
    auth: createAuthService(deps.db, { secret: deps.jwtSecret, now, ...(deps.scrypt ? { scrypt: deps.scrypt } : {}) }),
    loginLimiter: createLoginRateLimiter(deps.loginLimit),
    metrics,
    streams,
    limits: { ...DEFAULT_LIMITS, ...deps.limits },
    now,
  };

  installErrorHandling(app);
  // Before any route: the live stream hijacks its reply, so its CORS headers must already be set.
  registerCors(app, deps.allowedOrigins ?? []);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.inc('comptoir_http_requests_total', { method: request.method, route, status: String(reply.statusCode) });
    metrics.observe('comptoir_http_request_duration_seconds', { method: request.method, route }, reply.elapsedTime / 1000);
  });
  // Open streams would keep `close()` waiting forever: end them first.
  app.addHook('preClose', async () => streams.closeAll());
  app.addHook('onClose', async () => {
    unsubscribe();
    await feed.close();
  });

  registerOpsRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerStreamRoute(app, ctx);
  registerNumberRoutes(app, ctx);
  if (deps.commands !== undefined) startCommands(app, ctx, feed, deps.commands);
  if (deps.releasesDir !== undefined) registerUpdateFeedRoutes(app, deps.releasesDir);
  if (deps.webDir !== undefined) registerWebRoutes(app, deps.webDir);
  return app;
}

function serializeRequest(request: { method: string; url: string; ip?: string; id?: unknown }) {
  return { id: request.id, method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
}
