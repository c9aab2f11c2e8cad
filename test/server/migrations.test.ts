import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../sync-server/db/migrate.ts';
import { openPostgres } from '../../sync-server/db/postgres-db.ts';
import { backends, PG_URL, uniqueName } from './support/test-db.ts';

const BACKENDS = await backends();

describe.runIf(BACKENDS.includes('postgres'))('migrations on PostgreSQL', () => {
  it('are applied exactly once when several server processes start together', async () => {
    const schema = uniqueName('migrate');
    const dbs = await Promise.all(Array.from({ length: 5 }, () => openPostgres({ url: PG_URL, schema, poolSize: 2 })));
    try {
      const applied = await Promise.all(dbs.map((db) => migrate(db)));
      const versions = loadMigrations().map((m) => m.version);
      expect(applied.flat().sort()).toEqual(versions);
      const rows = await dbs[0]!.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(versions);
      expect(await migrate(dbs[0]!)).toEqual([]);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }, 30_000);
});

describe('migration files', () => {
  it('are numbered 001, 002 … without gaps', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[0]?.name).toBe('001_initial.sql');
  });
});
