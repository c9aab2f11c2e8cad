import { uiStore } from '../app/ui-store.ts';
import { useT } from '../i18n/useT.ts';
import { sessionStore } from '../session/session-store.ts';
import { LanguageSelect } from './LanguageSelect.tsx';

export function UserMenu() {
  const { t } = useT();
  const user = sessionStore((s) => s.user);
  if (user === null) return null;
  return (
    <div className="user" aria-label={t.session.userMenu(user.name)} role="group">
      <span className="user-name">{user.name}</span>
      <LanguageSelect />
      <button type="button" className="icon-btn" style={{ color: 'inherit' }} aria-label={t.settings.title} title={t.settings.title} onClick={() => uiStore.getState().open('settings')}>
        ⚙
      </button>
      <button type="button" className="btn small" onClick={() => void sessionStore.getState().logout()}>
        {t.session.logout}
      </button>
    </div>
  );
}
