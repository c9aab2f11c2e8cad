/** Server configuration, read from the environment with embedded defaults (README "Configuration"). */
export interface ServerConfig {
  /** HOST, default 127.0.0.1 (loopback: put a reverse proxy in front to expose it). */
  readonly host: string;
  /** PORT, default 8787. */
  readonly port: number;
  /** COMPTOIR_DATA_DIR, default ./data: PGlite files (used when `databaseUrl` is absent), lock file. */
  readonly dataDir: string;
  /** DATABASE_URL: when set, PostgreSQL replaces the embedded PGlite. */
  readonly databaseUrl: string | null;
  /** COMPTOIR_DB_SCHEMA: PostgreSQL schema holding the tables, default `public`. */
  readonly databaseSchema: string | null;
  /** COMPTOIR_JWT_SECRET (≥ 32 characters): else a secret is generated once and kept in the database. */
  readonly jwtSecret: string | null;
  /** LOG_LEVEL (pino): fatal, error, warn, info (default), debug, trace, silent. */
  readonly logLevel: string;
  /** TRUST_PROXY=1 behind a reverse proxy, so client addresses come from X-Forwarded-For. */
  readonly trustProxy: boolean;
  /** COMPTOIR_RELEASES_DIR, default `<dataDir>/releases`: the update feed's files (`/updates/`). */
  readonly releasesDir: string;
  /** COMPTOIR_WEB_DIR: the built renderer served at `/`; null means the repository's dist/renderer. */
  readonly webDir: string | null;
  /** COMPTOIR_ALLOWED_ORIGINS (comma-separated): browser origins allowed to call the API, besides `app://comptoir`. */
  readonly allowedOrigins: readonly string[];
  /** COMPTOIR_DEMO_ON_EMPTY=1 (`npm start`): load the demo desk when the database has no user yet. */
  readonly demoOnEmpty: boolean;
  /** SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`): send emails; null: write them to `outboxDir`. */
  readonly smtpUrl: string | null;
  /** COMPTOIR_OUTBOX_DIR, default `<dataDir>/outbox`: `.eml` files of emails when there is no SMTP_URL. */
  readonly outboxDir: string;
  /** COMPTOIR_MAIL_FROM: the sender address of emails; null: the company email of the settings. */
  readonly mailFrom: string | null;
  /** COMPTOIR_PUBLIC_URL: where customers reach this server (payment links); null: http://HOST:PORT. */
  readonly publicUrl: string | null;
}

export type ConfigError = 'INVALID_PORT' | 'INVALID_LOG_LEVEL' | 'INVALID_SMTP_URL';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads the configuration; a malformed value is reported rather than silently replaced. */
export function readConfig(env: Readonly<Record<string, string | undefined>>):
  | { ok: true; value: ServerConfig }
  | { ok: false; error: { code: ConfigError; message: string } } {
  const port = Number(env.PORT ?? '8787');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { ok: false, error: { code: 'INVALID_PORT', message: `PORT must be an integer between 0 and 65535, got "${env.PORT}"` } };
  }
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    return { ok: false, error: { code: 'INVALID_LOG_LEVEL', message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"` } };
  }
  const dataDir = env.COMPTOIR_DATA_DIR ?? './data';
  const smtpUrl = env.SMTP_URL ? env.SMTP_URL : null;
  if (smtpUrl !== null && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    return { ok: false, error: { code: 'INVALID_SMTP_URL', message: 'SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465' } };
  }
  return {
    ok: true,
    value: {
      host: env.HOST ?? '127.0.0.1',
      port,
      dataDir,
      databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
      databaseSchema: env.COMPTOIR_DB_SCHEMA ? env.COMPTOIR_DB_SCHEMA : null,
      jwtSecret: env.COMPTOIR_JWT_SECRET ? env.COMPTOIR_JWT_SECRET : null,
      logLevel,
      trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
      releasesDir: env.COMPTOIR_RELEASES_DIR ? env.COMPTOIR_RELEASES_DIR : `${dataDir.replace(/[\\/]+$/, '')}/releases`,
      webDir: env.COMPTOIR_WEB_DIR ? env.COMPTOIR_WEB_DIR : null,
      allowedOrigins: (env.COMPTOIR_ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter((origin) => origin !== ''),
      demoOnEmpty: env.COMPTOIR_DEMO_ON_EMPTY === '1' || env.COMPTOIR_DEMO_ON_EMPTY === 'true',
      smtpUrl,
      outboxDir: env.COMPTOIR_OUTBOX_DIR ? env.COMPTOIR_OUTBOX_DIR : `${dataDir.replace(/[\\/]+$/, '')}/outbox`,
      mailFrom: env.COMPTOIR_MAIL_FROM ? env.COMPTOIR_MAIL_FROM : null,
      publicUrl: env.COMPTOIR_PUBLIC_URL ? env.COMPTOIR_PUBLIC_URL.replace(/\/+$/, '') : null,
    },
  };
}
