import type { ClientDatabase } from '../../core/replication/index.ts';

declare global {
  interface Window {
    /** Set only when `localStorage['comptoir.debug'] === '1'` (benchmarks, e2e fixtures). */
    comptoirDebug?: { readonly db: ClientDatabase };
  }
}

/**
 * Hands the local database to benchmarks and test fixtures that need to load 50k documents without
 * clicking (`localStorage['comptoir.debug'] = '1'`). It grants nothing new: any script of this origin
 * can already open the same IndexedDB, and the CSP admits no foreign script.
 */
export function exposeDatabaseForDebugging(db: ClientDatabase): () => void {
  if (localStorage.getItem('comptoir.debug') !== '1') return () => undefined;
  window.comptoirDebug = { db };
  return () => {
    delete window.comptoirDebug;
  };
}
