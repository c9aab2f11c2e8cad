/** Server configuration, read from the environment with embedded defaults (README "Configuration"). */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** PGlite data directory, used when `databaseUrl` is absent. */
  readonly dataDir: string;
  /** PostgreSQL connection string; when set, PostgreSQL replaces the embedded PGlite. */
  readonly databaseUrl: string | null;
}

export type ConfigError = 'INVALID_PORT';

/** Reads the configuration; a malformed value is reported rather than silently replaced. */
export function readConfig(env: Readonly<Record<string, string | undefined>>):
  | { ok: true; value: ServerConfig }
  | { ok: false; error: { code: ConfigError; message: string } } {
  const port = Number(env.PORT ?? '8787');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { ok: false, error: { code: 'INVALID_PORT', message: `PORT must be an integer between 0 and 65535, got "${env.PORT}"` } };
  }
  return {
    ok: true,
    value: {
      host: env.HOST ?? '127.0.0.1',
      port,
      dataDir: env.COMPTOIR_DATA_DIR ?? './data',
      databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    },
  };
}
