import { uiStore } from '../app/ui-store.ts';
import { desktopBridge } from '../bridge.ts';
import { useT } from '../i18n/useT.ts';
import { sessionStore } from '../session/session-store.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';


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
      {plainText && <p className="notice">{t.settings.tokenPlainText}</p>}
      <p className="small muted">Comptoir {version}</p>
    </Dialog>
  );
}
