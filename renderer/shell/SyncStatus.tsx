import { uiStore } from '../app/ui-store.ts';
import { useT } from '../i18n/useT.ts';
import { syncStore } from '../sync/sync-store.ts';

/** Always visible (DESIGN §12): online/offline, pending changes, last sync, conflicts, first-sync progress. */
export function SyncStatus() {
  const { t, fmt } = useT();
  const s = syncStore();
  const labels = { local: t.sync.localOnly, connecting: t.sync.connecting, online: t.sync.online, offline: t.sync.offline, paused: t.sync.paused, signed_out: t.sync.signed_out };
  const connection = labels[s.connection];
  const dot = s.connection === 'paused' || s.connection === 'signed_out' ? 'offline' : s.connection;
  return (
    <section className="sync" aria-label={t.sync.region} role="status">
      <span className="row" style={{ gap: 5 }}>
        <span className={`dot ${dot}`} aria-hidden="true" />
        <span data-testid="connection">{connection}</span>
      </span>
      {s.pendingChanges !== null && (
        <span data-testid="pending" title={t.sync.pendingTitle}>
          {t.sync.pending(s.pendingChanges)}
        </span>
      )}
      {s.queuedCommands > 0 && <span data-testid="queued">{t.sync.queued(s.queuedCommands)}</span>}
      <span title={t.sync.lastSyncTitle}>{s.lastSyncAt === null ? t.sync.neverSynced : t.sync.lastSync(fmt.time(s.lastSyncAt))}</span>
      {s.progress !== null && (
        <span className="row" style={{ gap: 5 }}>
          <span>
            {s.progress.total === null
              ? t.sync.progressUnknown(fmt.integer(s.progress.done))
              : t.sync.progress(fmt.integer(s.progress.done), fmt.integer(s.progress.total))}
          </span>
          {s.progress.total !== null && s.progress.total > 0 && (
            <span className="sync-progress" aria-hidden="true">
              <span style={{ width: `${Math.min(100, (100 * s.progress.done) / s.progress.total)}%` }} />
            </span>
          )}
        </span>
      )}
      {s.conflicts.length > 0 && (
        <button type="button" className="conflicts" onClick={() => uiStore.getState().open('conflicts')}>
          {t.sync.conflicts(s.conflicts.length)}
        </button>
      )}
    </section>
  );
}
