import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/useT.ts';
import { LanguageSelect } from '../shell/LanguageSelect.tsx';
import { sessionStore } from '../session/session-store.ts';
import { ServerSettings } from './ServerSettings.tsx';

/** First sign-in (issue 4 "Connect"); afterwards the app opens straight on local data. */
export function LoginScreen() {
  const { t } = useT();
  const status = sessionStore((s) => s.status);
  const error = sessionStore((s) => s.error);
  const server = sessionStore((s) => s.server);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const busy = status === 'signing-in';

  function submit(event: FormEvent) {
    event.preventDefault();
    void sessionStore.getState().login(email, password);
  }

  return (
    <div className="login">
      <main className="card" aria-labelledby="login-title">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h1 id="login-title">{t.app.name}</h1>
          <LanguageSelect />
        </div>
        <p className="muted small">{t.session.subtitle}</p>
        <form className="stack" onSubmit={submit} aria-label={t.session.title}>
          <label>
            {t.session.email}
            <input type="email" autoComplete="username" autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            {t.session.password}
            <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          {error !== null && (
            <p role="alert" className="error-text">
              {t.session.errors[error]}
            </p>
          )}
          <button type="submit" className="btn primary" disabled={busy} style={{ justifyContent: 'center' }}>
            {busy ? t.session.submitting : t.session.submit}
          </button>
          <p className="small muted" style={{ margin: 0, paddingRight: 34 }}>
            {t.common.pair(t.session.serverUrl, server.url === '' ? location.origin : server.url)}
          </p>
        </form>
        <button type="button" className="icon-btn gear" aria-label={t.session.settings} title={t.session.settings} onClick={() => setSettingsOpen(true)}>
          ⚙
        </button>
      </main>
      {settingsOpen && <ServerSettings onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
