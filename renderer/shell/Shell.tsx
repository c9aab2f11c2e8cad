import { useEffect } from 'react';
import { Toasts } from '../app/Toasts.tsx';
import { navigate } from '../app/route-store.ts';
import { uiStore } from '../app/ui-store.ts';
import { desktopBridge } from '../bridge.ts';
import { useDatabase } from '../db/database-store.ts';
import { exposeDatabaseForDebugging } from '../db/debug-hook.ts';
import { useT } from '../i18n/useT.ts';
import { NewCallDialog } from '../newcall/NewCallDialog.tsx';
import { startProjection } from '../projection/start-projection.ts';
import { preloadPdfModule } from '../quote/quote-pdf.ts';
import { startReference } from '../reference/reference-store.ts';
import { startDeskNotifications } from '../sync/desk-notifications.ts';
import { startSync } from '../sync/sync-engine.ts';
import { CommandPalette } from './CommandPalette.tsx';
import { ConflictsDialog } from './ConflictsDialog.tsx';
import { MainNav } from './MainNav.tsx';
import { Screen } from './Screen.tsx';
import { SessionExpiredBanner } from './SessionExpiredBanner.tsx';
import { SettingsDialog } from './SettingsDialog.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { SyncStatus } from './SyncStatus.tsx';
import { UserMenu } from './UserMenu.tsx';
import { useShortcuts } from './useShortcuts.ts';

/** Deep links (`comptoir://dossier/<id>`) and notification clicks open the dossier. */
function useDesktopNavigation(): void {
  useEffect(() => {
    const bridge = desktopBridge();
    if (bridge === null) return;
    void bridge.events.takeLaunchDossier().then((result) => {
      if (result.ok && result.value !== null) navigate({ name: 'dossier', id: result.value });
    });
    return bridge.events.onOpenDossier((request) => navigate({ name: 'dossier', id: request.dossierId }));
  }, []);
}

/** The signed-in app: header (navigation, sync state, account), the current screen, the dialogs. */
export function Shell() {
  const { t } = useT();
  const db = useDatabase();
  const dialog = uiStore((s) => s.dialog);
  useShortcuts();
  useDesktopNavigation();
  useEffect(() => startProjection(db), [db]);
  useEffect(() => startSync(db), [db]);
  useEffect(() => startReference(db), [db]);
  useEffect(() => exposeDatabaseForDebugging(db), [db]);
  useEffect(() => startDeskNotifications(db), [db]);
  useEffect(preloadPdfModule, []);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header className="topbar">
        <span className="brand">{t.app.name}</span>
        <MainNav />
        <button type="button" className="btn small" onClick={() => uiStore.getState().open('palette')} aria-keyshortcuts="Control+K">
          {t.common.search} <kbd style={{ background: 'transparent', color: '#c8d1de' }}>Ctrl K</kbd>
        </button>
        <span className="spacer" />
        <SyncStatus />
        <UserMenu />
      </header>
      <SessionExpiredBanner />
      <main id="main" tabIndex={-1}>
        <Screen />
      </main>
      {dialog === 'palette' && <CommandPalette />}
      {dialog === 'newCall' && <NewCallDialog />}
      {dialog === 'shortcuts' && <ShortcutsHelp />}
      {dialog === 'conflicts' && <ConflictsDialog />}
      {dialog === 'settings' && <SettingsDialog />}
      <Toasts />
    </div>
  );
}
