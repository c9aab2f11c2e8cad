import { create } from 'zustand';
import type { ClientDatabase } from '../../core/replication/index.ts';
import { databaseName, openDatabase } from './open-database.ts';

interface DatabaseState {
  readonly status: 'closed' | 'opening' | 'open' | 'failed';
  readonly db: ClientDatabase | null;
  readonly error: string | null;
  /** Opens (or reuses) the signed-in user's local database. */
  open(userId: string): Promise<void>;
  close(): Promise<void>;
}

let opening: { name: string; promise: Promise<void> } | null = null;

export const databaseStore = create<DatabaseState>()((set, get) => ({
  status: 'closed',
  db: null,
  error: null,
  async open(userId) {
    const name = databaseName(userId);
    if (get().db?.name === name) return;
    if (opening?.name === name) return opening.promise;
    const promise = (async () => {
      await get().close();
      set({ status: 'opening', error: null });
      try {
        const db = await openDatabase(name);
        performance.mark('comptoir:db-open');
        set({ status: 'open', db });
      } catch (error) {
        set({ status: 'failed', error: String(error) });
      } finally {
        opening = null;
      }
    })();
    opening = { name, promise };
    return promise;
  },
  async close() {
    const db = get().db;
    set({ db: null, status: 'closed' });
    if (db) await db.close();
  },
}));

/** The open database; only call below the "database open" gate of App. */
export function currentDatabase(): ClientDatabase {
  const db = databaseStore.getState().db;
  if (db === null) throw new Error('The local database is not open');
  return db;
}

/** The open database, for components rendered below the gate. */
export function useDatabase(): ClientDatabase {
  const db = databaseStore((s) => s.db);
  if (db === null) throw new Error('The local database is not open');
  return db;
}
