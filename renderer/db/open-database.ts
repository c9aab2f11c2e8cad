import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createClientDatabase, type ClientDatabase } from '../../core/replication/index.ts';
import { randomIds, systemClock } from './runtime.ts';

/**
 * One local database per signed-in user: the server's row rules differ by user, so two people on
 * one computer never see each other's replicated documents. RxDB names allow `[a-z0-9_$-]`.
 */
export function databaseName(userId: string): string {
  return `comptoir_${userId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}`;
}

/**
 * Opens the local database on IndexedDB (Dexie): the 11 collections of core/schemas with their
 * merge conflict handlers, and the local-only `conflicts` review queue (core/replication). No
 * dev-mode and no validation wrapper in the product (DESIGN §3; the server validates every push);
 * one window, so `multiInstance: false` (DESIGN §11).
 */
export function openDatabase(name: string): Promise<ClientDatabase> {
  return createClientDatabase({
    name,
    storage: getRxStorageDexie(),
    clock: systemClock,
    ids: randomIds,
    onConflictRecordError: (error) => console.error('Could not record a sync conflict', error),
  });
}
