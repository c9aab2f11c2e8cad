import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, isEmptyDatabase, loadDemo } from './admin/demo.ts';
import { buildApp } from './app.ts';
import { resolveJwtSecret } from './auth/jwt-secret.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/open-db.ts';
import { startOfferPurge } from './jobs/offer-purge.ts';

/**
 * The server process: reads the configuration, opens and migrates the database, listens, and shuts
 * down gracefully on SIGINT/SIGTERM (stop accepting, end live streams, finish requests, close the
 * database). Everything else is in app.ts. Run with `node sync-server/server.ts`.
 */

/** The renderer's build (`npx vite build`), served at `/` unless COMPTOIR_WEB_DIR names another. */
const DEFAULT_WEB_DIR = fileURLToPath(new URL('../dist/renderer', import.meta.url));

/** Give in-flight requests this long after a signal before exiting anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

function fatal(message: string, error?: unknown): never {
  // The app logger does not exist yet (or any more): one JSON line, like pino's.
  process.stderr.write(`${JSON.stringify({ level: 60, time: Date.now(), msg: message, err: error instanceof Error ? error.stack : error })}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (!config.ok) fatal(config.error.message);
  const { host, port, logLevel, trustProxy, allowedOrigins, releasesDir } = config.value;

  const opened = await openDatabase(config.value, 'server');
  if (!opened.ok) fatal(opened.error.message);
  const db = opened.value;
  const jwtSecret = await resolveJwtSecret(db, config.value.jwtSecret);
  const webDir = config.value.webDir ?? DEFAULT_WEB_DIR;
  // Payment links must reach this server from outside: set COMPTOIR_PUBLIC_URL behind a proxy.
  const publicUrl = config.value.publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const commands = { outboxDir: config.value.outboxDir, smtpUrl: config.value.smtpUrl, mailFrom: config.value.mailFrom, publicUrl };
  const app = await buildApp({ db, jwtSecret, logger: { level: logLevel }, trustProxy, allowedOrigins, releasesDir, webDir, commands });
  if (config.value.demoOnEmpty && (await isEmptyDatabase(db))) {
    const summary = await loadDemo(db);
    app.log.info({ added: summary.added, accounts: summary.accountsCreated, password: DEMO_PASSWORD }, 'demo data loaded (first run)');
  }

  const stopPurge = await startOfferPurge(db, app.log, { now: () => new Date().toISOString() });

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    stopPurge();
    setTimeout(() => {
      app.log.error('graceful shutdown timed out');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    app
      .close()
      .then(() => db.close())
      .then(
        () => {
          app.log.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          app.log.error({ err: error }, 'error during shutdown');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  try {
    await app.listen({ host, port });
  } catch (error) {
    await db.close();
    fatal(`Cannot listen on ${host}:${port}`, error);
  }
  app.log.info({ database: db.kind, schema: db.schema, webDir, releasesDir }, 'comptoir sync server ready');
}

main().catch((error: unknown) => fatal('startup failed', error));
