import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db } from '../../../sync-server/db/db.ts';
import { loadMigrations, migrate } from '../../../sync-server/db/migrate.ts';
import { openPglite } from '../../../sync-server/db/pglite-db.ts';
import { openPostgres } from '../../../sync-server/db/postgres-db.ts';

/**
 * The two storage backends every server test runs on (DESIGN §10). PGlite starts from a prepared
 * data directory (initdb + migrations done once per machine, copied per test file: initdb costs
 * seconds). PostgreSQL gets one schema per test file, so parallel files never collide (tables and
 * the NOTIFY channel are both named after the schema).
 */
export type BackendName = 'pglite' | 'postgres';

export const PG_URL = process.env.COMPTOIR_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** In CI (or when a URL is given) an unreachable PostgreSQL fails the suite instead of skipping it. */
const PG_REQUIRED = Boolean(process.env.CI || process.env.COMPTOIR_TEST_PG_URL);

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    if (PG_REQUIRED) throw new Error(`PostgreSQL at ${PG_URL} is required (CI or COMPTOIR_TEST_PG_URL set) but unreachable`, { cause: error });
    console.warn(`PostgreSQL at ${PG_URL} is unreachable: the PostgreSQL variant of the server tests is SKIPPED`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The backends to run: always PGlite; PostgreSQL when reachable (and mandatory in CI). */
export async function backends(): Promise<BackendName[]> {
  return (await postgresReachable()) ? ['pglite', 'postgres'] : ['pglite'];
}

/** A database opened for a test, and how to open it again on the same data (restart tests). */
export interface TestDatabase {
  readonly db: Db;
  /** Environment that points the server or the admin CLI at this database. */
  readonly env: Readonly<Record<string, string>>;
  reopen(): Promise<Db>;
  /** Closes and deletes everything (the data directory, or the schema). */
  destroy(): Promise<void>;
}

function templateDir(): string {
  const migrations = loadMigrations().map((m) => m.sql).join('\n');
  const pglite = JSON.parse(readFileSync(new URL('../../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string };
  const key = createHash('sha256').update(`${pglite.version}\n${migrations}`).digest('hex').slice(0, 16);
  return join(tmpdir(), `comptoir-pglite-template-${key}`);
}

/** Creates the prepared data directory once; concurrent test workers race safely via rename. */
async function ensureTemplate(): Promise<string> {
  const dir = templateDir();
  if (existsSync(join(dir, 'ready'))) return dir;
  const staging = mkdtempSync(`${dir}-staging-`);
  const opened = await openPglite(staging, 'test template');
  if (!opened.ok) throw new Error(opened.error.message);
  await migrate(opened.value);
  await opened.value.close();
  writeFileSync(join(staging, 'ready'), '');
  try {
    renameSync(staging, dir);
  } catch {
    // Another worker won the race: use its template.
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

let counter = 0;

/** A unique, valid PostgreSQL schema / directory suffix for this test file. */
export function uniqueName(label: string): string {
  return `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;
}

/** Opens a fresh, migrated database on `backend`. */
export async function openTestDatabase(backend: BackendName, label: string): Promise<TestDatabase> {
  const name = uniqueName(label);
  if (backend === 'postgres') {
    const open = async (): Promise<Db> => {
      const db = await openPostgres({ url: PG_URL, schema: name, poolSize: 25 });
      await migrate(db);
      return db;
    };
    let db = await open();
    return {
      get db() {
        return db;
      },
      env: { DATABASE_URL: PG_URL, COMPTOIR_DB_SCHEMA: name },
      async reopen() {
        db = await open();
        return db;
      },
      async destroy() {
        await db.close().catch(() => undefined);
        const client = new pg.Client({ connectionString: PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
        await client.end();
      },
    };
  }
  const template = await ensureTemplate();
  const dir = join(tmpdir(), `comptoir-${name}`);
  cpSync(template, dir, { recursive: true });
  const open = async (): Promise<Db> => {
    const opened = await openPglite(dir, 'test');
    if (!opened.ok) throw new Error(opened.error.message);
    await migrate(opened.value);
    return opened.value;
  };
  let db = await open();
  return {
    get db() {
      return db;
    },
    env: { COMPTOIR_DATA_DIR: dir },
    async reopen() {
      db = await open();
      return db;
    },
    async destroy() {
      await db.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Empties every table between tests (the epoch and the generated secret stay). */
export async function resetDatabase(db: Db): Promise<void> {
  await db.exec('TRUNCATE docs, seq_counters, refresh_tokens, users');
}

