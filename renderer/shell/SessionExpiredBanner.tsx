import { useT } from '../i18n/useT.ts';
import { sessionStore } from '../session/session-store.ts';
import { syncStore } from '../sync/sync-store.ts';

/**
 * The server ended the session (expired, revoked, password changed): local work goes on, and this
 * says how to sync again. Signing out keeps the local database, whose pending changes leave after
 * the next sign-in.
 */
export function SessionExpiredBanner() {
  const { t } = useT();
  const ended = syncStore((s) => s.connection === 'signed_out');
  if (!ended) return null;
  return (
    <div className="notice danger row" role="alert" style={{ borderRadius: 0 }}>
      <span className="grow">{t.session.signInAgain}</span>
      <button type="button" className="btn small" onClick={() => void sessionStore.getState().logout()}>
        {t.session.signInAgainAction}
      </button>
    </div>
  );
}
