import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { COLLECTIONS, installDerivedFieldHooks, type ComptoirCollections, type ComptoirDatabase } from '../../core/schemas/index.ts';

/**
 * One local database per signed-in user: the server's row rules differ by user, so two people on
 * one computer never see each other's replicated documents. RxDB names allow `[a-z0-9_$-]`.
 */
export function databaseName(userId: string): string {
  return `comptoir_${userId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}`;
}

/**
 * Opens the local database on IndexedDB (Dexie) with the 11 collections of core/schemas. Production
 * build: no dev-mode, no validation wrapper (the server validates every push). `multiInstance: false`
 * because the desktop app has one window (DESIGN §11).
 */
export async function openDatabase(name: string): Promise<ComptoirDatabase> {
  const db = await createRxDatabase<ComptoirCollections>({
    name,
    storage: getRxStorageDexie(),
    multiInstance: false,
    eventReduce: true,
    closeDuplicates: true,
  });
  await db.addCollections(COLLECTIONS);
  installDerivedFieldHooks(db);
  return db;
}
