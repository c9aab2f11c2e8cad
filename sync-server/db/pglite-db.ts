import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { ok, type Result } from '../../core/shared/result.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import type { Db, ListenHandlers, Sql } from './db.ts';

/** The PostgreSQL files live in a sub-folder so the data directory can also hold the lock, outbox … */
export const PGLITE_SUBDIR = 'pgdata';

function wrap(target: PGlite | Transaction): Sql {
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(text, [...params]);
      return result.rows;
    },
    async exec(text: string) {
      await target.exec(text);
    },
  };
}

/** Wraps an open PGlite; `onClose` runs after it closed (releases the data-directory lock). */
function pgliteDb(pglite: PGlite, onClose: () => void): Db {
  const base = wrap(pglite);
  return {
    kind: 'pglite',
    schema: 'public',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    async listen(channel: string, handlers: ListenHandlers) {
      // In-process only: the single PGlite connection delivers its own NOTIFYs to itself on commit.
      const unlisten = await pglite.listen(channel, handlers.onNotify);
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    },
    async close() {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        onClose();
      }
    },
  };
}

/**
 * Opens the embedded database in `dataDir` (created on first use; the first open runs initdb, a few
 * seconds). `purpose` names this process in the lock file, for the error another opener sees.
 */
export async function openPglite(dataDir: string, purpose: string): Promise<Result<Db, 'DATA_DIR_LOCKED'>> {
  const lock = acquireDataDirLock(dataDir, purpose);
  if (!lock.ok) return lock;
  try {
    const pglite = await PGlite.create(join(dataDir, PGLITE_SUBDIR));
    return ok(pgliteDb(pglite, lock.value));
  } catch (error) {
    lock.value();
    throw error;
  }
}
