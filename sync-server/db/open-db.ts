import { ok, type Result } from '../../core/shared/result.ts';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite-db.ts';
import { openPostgres } from './postgres-db.ts';

/** Where the data lives: PostgreSQL when a URL is given, else the embedded PGlite directory. */
export interface StorageConfig {
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  /** PostgreSQL schema (default `public`); ignored by PGlite. */
  readonly databaseSchema?: string | null;
}

/**
 * Opens the configured database and brings it to the latest migration. `purpose` ("server",
 * "admin CLI") appears in the error a second PGlite opener gets.
 */
export async function openDatabase(config: StorageConfig, purpose: string): Promise<Result<Db, 'DATA_DIR_LOCKED'>> {
  let db: Db;
  if (config.databaseUrl !== null) {
    db = await openPostgres({ url: config.databaseUrl, schema: config.databaseSchema ?? 'public' });
  } else {
    const opened = await openPglite(config.dataDir, purpose);
    if (!opened.ok) return opened;
    db = opened.value;
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return ok(db);
}
