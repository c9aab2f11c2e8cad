import { useState } from 'react';
import { uiStore } from '../app/ui-store.ts';
import { desktopBridge } from '../bridge.ts';
import { useT } from '../i18n/useT.ts';
import { sessionStore } from '../session/session-store.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';
import { UpdatesSection } from './UpdatesSection.tsx';

/** Browser only: the OS notifications of new web requests and payments need the user's consent. */
function NotificationsToggle() {
  const { t } = useT();
  const [permission, setPermission] = useState(typeof Notification === 'undefined' ? 'denied' : Notification.permission);
  if (desktopBridge() !== null || typeof Notification === 'undefined') return null;
  if (permission === 'granted') return <p className="small muted">{t.notify.enabled}</p>;
  if (permission === 'denied') return <p className="small muted">{t.notify.denied}</p>;
  return (
    <button type="button" className="btn" onClick={() => void Notification.requestPermission().then(setPermission)}>
      {t.notify.enable}
    </button>
  );
}

export function SettingsDialog() {
  const { t } = useT();
  const server = sessionStore((s) => s.server);
  const plainText = sessionStore((s) => s.tokenPlainText);
  const version = desktopBridge()?.version ?? __APP_VERSION__;
  return (
    <Dialog title={t.settings.title} onClose={() => uiStore.getState().close()}>
      <label>
        {t.settings.language}
        <LanguageSelect />
      </label>
      <label>
        {t.session.serverUrl}
        <input readOnly value={server.url === '' ? location.origin : server.url} />
      </label>
      <NotificationsToggle />
      <UpdatesSection />
      {plainText && <p className="notice">{t.settings.tokenPlainText}</p>}
      <p className="small muted">{t.settings.version(version)}</p>
    </Dialog>
  );
}
