import type { ClientDatabase } from '../../core/replication/index.ts';
import { syncStore, type SyncState } from '../sync/sync-store.ts';

/** What the header's sync indicator shows (renderer/sync/sync-store.ts), without its actions. */
export type SyncSnapshot = Omit<SyncState, 'update' | 'resolveConflict'>;

/** Read-only view of the sync state, for benchmarks: e.g. "the first sync is over" is `progress` back to null after the first success. */
export interface SyncProbe {
  state(): SyncSnapshot;
  /** Calls `listener` on every change; returns the unsubscribe. */
  subscribe(listener: (state: SyncSnapshot) => void): () => void;
}

declare global {
  interface Window {
    /** Set only when `localStorage['comptoir.debug'] === '1'` (benchmarks, e2e fixtures). */
    comptoirDebug?: { readonly db: ClientDatabase; readonly sync: SyncProbe };
  }
}

const syncProbe: SyncProbe = {
  state: () => syncStore.getState(),
  subscribe: (listener) => syncStore.subscribe(listener),
};

/**
 * Hands the local database to benchmarks and test fixtures that need to load 50k documents without
 * clicking (`localStorage['comptoir.debug'] = '1'`), and lets them watch the sync state (the renderer
 * bench times the first sync to "in sync"). It grants nothing new: any script of this origin can
 * already open the same IndexedDB, and the CSP admits no foreign script.
 */
export function exposeDatabaseForDebugging(db: ClientDatabase): () => void {
  if (localStorage.getItem('comptoir.debug') !== '1') return () => undefined;
  window.comptoirDebug = { db, sync: syncProbe };
  return () => {
    delete window.comptoirDebug;
  };
}
