import pg from 'pg';
import type { Db, ListenHandlers, Sql } from './db.ts';

/** How long to wait before re-opening a lost LISTEN connection (doubles up to the maximum). */
const LISTEN_RETRY_MS = 250;
const LISTEN_RETRY_MAX_MS = 5000;

/** A schema name we are willing to splice into SQL (it cannot be a bind parameter). */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function wrap(client: pg.Pool | pg.PoolClient): Sql {
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, [...params]);
      return result.rows as Row[];
    },
    async exec(text: string) {
      await client.query(text);
    },
  };
}

export interface PostgresOptions {
  readonly url: string;
  /** Tables live in this schema (created if missing); tests use one per file. Default `public`. */
  readonly schema?: string;
  readonly poolSize?: number;
}

/**
 * Connects to PostgreSQL (DESIGN §10 scale-out). Several server processes may share the database:
 * every cross-process guarantee lives in SQL (row locks, advisory locks, LISTEN/NOTIFY).
 */
export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name "${schema}": use lower-case letters, digits and _`);
  const connection = { connectionString: options.url, options: `-c search_path=${schema}` };
  await createSchema(connection, schema);
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10 });
  // An idle pooled connection that dies (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const listeners = new Set<() => Promise<void>>();
  const base = wrap(pool);
  return {
    kind: 'postgres',
    schema,
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          // The connection itself failed: drop it from the pool rather than reuse it.
          broken = true;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async listen(channel: string, handlers: ListenHandlers) {
      const stop = await listenForever(connection, channel, handlers);
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

async function createSchema(connection: pg.ClientConfig, schema: string): Promise<void> {
  const client = new pg.Client(connection);
  await client.connect();
  try {
    // Serialised so that processes starting together do not race on CREATE SCHEMA.
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('comptoir:schema:' || $1))`, [schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/**
 * Keeps one dedicated connection LISTENing on `channel` (a pooled connection cannot: LISTEN is per
 * session). When it drops it is re-opened with backoff and `onReconnect` tells subscribers that
 * notices may have been missed meanwhile.
 */
async function listenForever(connection: pg.ClientConfig, channel: string, handlers: ListenHandlers): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retryMs = LISTEN_RETRY_MS;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client(connection);
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) handlers.onNotify(message.payload);
    });
    next.on('error', () => undefined);
    next.on('end', () => {
      if (stopped || client !== next) return;
      client = null;
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
    retryMs = LISTEN_RETRY_MS;
  };

  const scheduleReconnect = (): void => {
    timer = setTimeout(() => {
      timer = null;
      if (stopped) return;
      connect().then(handlers.onReconnect, () => {
        retryMs = Math.min(retryMs * 2, LISTEN_RETRY_MAX_MS);
        scheduleReconnect();
      });
    }, retryMs);
  };

  await connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const current = client;
    client = null;
    if (current) await current.end().catch(() => undefined);
  };
}
