import type { ComptoirDatabase } from '../../core/schemas/index.ts';
import { desktopBridge } from '../bridge.ts';
import { sessionStore } from '../session/session-store.ts';
import { probeServer } from './connectivity.ts';
import { syncStore } from './sync-store.ts';

const PROBE_EVERY_MS = 15_000;

/**
 * Everything that feeds the header's sync state. Today: connectivity (server reachable or not), the
 * outbox (`commands` still queued) and the desktop badge. The replication itself plugs in here: once
 * core/replication's `startReplication` lands, it is started on `online` with
 * `sessionStore.getState().getAccessToken` and its pending count, last sync time, first-sync progress
 * and conflicts are written into `syncStore` (see SyncState).
 */
export function startSync(db: ComptoirDatabase): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function probe() {
    if (stopped) return;
    if (syncStore.getState().connection === 'local') syncStore.getState().update({ connection: 'connecting' });
    const reachable = await probeServer(sessionStore.getState().server.url);
    if (stopped) return;
    syncStore.getState().update({ connection: reachable ? 'online' : 'offline' });
    timer = setTimeout(() => void probe(), PROBE_EVERY_MS);
  }
  const reprobe = () => {
    if (timer !== null) clearTimeout(timer);
    void probe();
  };
  const wentOffline = () => syncStore.getState().update({ connection: 'offline' });
  addEventListener('online', reprobe);
  addEventListener('offline', wentOffline);
  void probe();

  const queued = db.commands.count({ selector: { status: 'queued' } }).$.subscribe((count) => {
    syncStore.getState().update({ queuedCommands: count });
  });
  const badge = syncStore.subscribe((state) => {
    const pending = (state.pendingChanges ?? 0) + state.queuedCommands;
    const bridge = desktopBridge();
    if (bridge) void bridge.sync.setPendingCount(pending);
    else document.title = pending > 0 ? `(${pending}) Comptoir` : 'Comptoir';
  });

  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    removeEventListener('online', reprobe);
    removeEventListener('offline', wentOffline);
    queued.unsubscribe();
    badge();
  };
}
