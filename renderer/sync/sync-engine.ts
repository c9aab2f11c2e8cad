import { createSessionAuth, resolveConflict, startReplication, type ClientDatabase, type Replication } from '../../core/replication/index.ts';
import { desktopBridge } from '../bridge.ts';
import { systemClock } from '../db/runtime.ts';
import { currentTranslation } from '../i18n/useT.ts';
import { serverBaseUrl } from '../session/server-address.ts';
import { rememberSession, resumableSession, sessionStore } from '../session/session-store.ts';
import { browserTransports, fetchHttp } from './fetch-transports.ts';
import { refillNumberBlocks } from './number-refill.ts';
import { syncStore, type ConflictRecord } from './sync-store.ts';

/** Starts core replication for the signed-in user and mirrors its state into `syncStore`. */
async function replicate(db: ClientDatabase): Promise<Replication | null> {
  const session = await resumableSession();
  if (session === null) return null;
  const baseUrl = serverBaseUrl(sessionStore.getState().server);
  const auth = createSessionAuth({ http: fetchHttp, baseUrl, session, onSession: (next) => void rememberSession(next) });
  const replication = await startReplication({ db, baseUrl, transports: browserTransports, auth, clock: systemClock, online: navigator.onLine });
  let wasOnline = false;
  replication.state$.subscribe((state) => {
    // Each time the server is reached again, top up this device's dossier and quote numbers.
    if (state.connection === 'online' && !wasOnline) void refillNumberBlocks(auth, baseUrl).catch(() => undefined);
    wasOnline = state.connection === 'online';
    syncStore.getState().update({
      connection: state.connection,
      pendingChanges: state.pendingChanges,
      lastSyncAt: state.lastSyncedAt,
      progress: state.initialSync.done ? null : { done: state.initialSync.received, total: null },
    });
  });
  return replication;
}

/** Open conflicts of the local review queue, oldest first, with "keep mine / keep theirs". */
function watchConflicts(db: ClientDatabase): () => void {
  syncStore.getState().update({
    async resolveConflict(id, choice) {
      const resolved = await resolveConflict(db, id, choice, systemClock);
      return resolved.ok ? null : currentTranslation().t.conflicts.errors[resolved.error.code];
    },
  });
  const subscription = db.conflicts.find({ selector: { status: 'open' }, sort: [{ at: 'asc' }] }).$.subscribe((docs) => {
    const conflicts: ConflictRecord[] = docs.map((doc) => ({
      id: doc.id,
      collection: doc.collectionName,
      documentId: doc.docId,
      field: doc.path === '' ? '*' : doc.path,
      mine: doc.mine.present ? doc.mine.value : null,
      theirs: doc.theirs.present ? doc.theirs.value : null,
      at: doc.at,
      reason: doc.reason,
    }));
    syncStore.getState().update({ conflicts });
  });
  return () => subscription.unsubscribe();
}

/**
 * Everything behind the header's sync state: replication (paused while the OS says offline,
 * resumed when the network returns), the conflicts to review, the outbox (`commands` still queued)
 * and the desktop badge. Without a stored refresh token (never signed in on this device) the app
 * works on local data only and says so.
 */
export function startSync(db: ClientDatabase): () => void {
  let stopped = false;
  let replication: Replication | null = null;
  syncStore.getState().update({ connection: navigator.onLine ? 'connecting' : 'offline' });
  void replicate(db).then((started) => {
    if (stopped) void started?.stop();
    else if (started === null) syncStore.getState().update({ connection: 'local' });
    else replication = started;
  });
  const online = () => void replication?.resume();
  const offline = () => void replication?.pause();
  addEventListener('online', online);
  addEventListener('offline', offline);
  const stopConflicts = watchConflicts(db);
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
    removeEventListener('online', online);
    removeEventListener('offline', offline);
    stopConflicts();
    queued.unsubscribe();
    badge();
    void replication?.stop();
    syncStore.getState().update({ connection: 'local', pendingChanges: null, progress: null, conflicts: [] });
  };
}
