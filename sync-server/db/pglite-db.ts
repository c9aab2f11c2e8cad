import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { ok, type Result } from '../../core/shared/result.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import type { Db, ListenHandlers, Sql } from './db.ts';

/** The PostgreSQL files live in a sub-folder so the data directory can also hold the lock, outbox … */
export const PGLITE_SUBDIR = 'pgdata';

/**
 * PostgreSQL settings added to PGlite's own start parameters (`PGlite.defaultStartParams`, kept as
 * they are, durability included) at every open. They are command-line `-c` settings: nothing is
 * written to the data directory, and they win over its postgresql.conf.
 *
 * shared_buffers: PostgreSQL's default is 128 MB. In PGlite the buffer pool is not shared memory the
 * kernel hands out lazily: Emscripten's anonymous mmap allocates it inside the WebAssembly heap and
 * zero-fills it at start, so the whole pool is resident from the first second, idle or not (the heap
 * even grows past its initial 128 MB to hold it: ~150 MB of the server's RSS, of ~360 MB idle). A page
 * missing from the pool is read from the data files through Node's fs, that is from the OS page cache:
 * the pool only saves that copy. With 32 MB (4096 pages), 64 MB or 128 MB, seeding, pulling and
 * pushing 50k dossiers (29 MB of table, 4 MB of indexes) measured the same within the benchmark's noise
 * (test/bench/README.md), and a server holding 5,000 idle live streams went from ~405 to ~300 MB of RSS
 * (DESIGN §13: < 400 MB). wal_buffers (auto, 1/32 of the pool) becomes 1 MB.
 * `initialMemory` cannot go below the 128 MB the WebAssembly module declares, and pages never touched
 * are not resident anyway: the pool is what counts.
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = { shared_buffers: '32MB' };

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
    const settings = Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
    const pglite = await PGlite.create(join(dataDir, PGLITE_SUBDIR), { startParams: [...PGlite.defaultStartParams, ...settings] });
    return ok(pgliteDb(pglite, lock.value));
  } catch (error) {
    lock.value();
    throw error;
  }
}
