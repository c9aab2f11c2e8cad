import { useEffect } from 'react';
import { databaseStore } from './db/database-store.ts';
import { useT } from './i18n/useT.ts';
import { LoginScreen } from './login/LoginScreen.tsx';
import { sessionStore } from './session/session-store.ts';
import { Shell } from './shell/Shell.tsx';

/** Signed out → login; signed in → open that user's local database → the app. */
export function App() {
  const { t } = useT();
  const status = sessionStore((s) => s.status);
  const user = sessionStore((s) => s.user);
  const dbStatus = databaseStore((s) => s.status);
  const dbError = databaseStore((s) => s.error);

  useEffect(() => {
    if (status === 'signed-in' && user !== null) void databaseStore.getState().open(user.id);
    if (status === 'signed-out') void databaseStore.getState().close();
  }, [status, user]);

  if (status === 'restoring') return null;
  if (status !== 'signed-in') return <LoginScreen />;
  if (dbStatus === 'failed') {
    return (
      <main className="login">
        <p role="alert" className="card notice danger">
          {t.errors.dbFailed} {dbError}
        </p>
      </main>
    );
  }
  if (dbStatus !== 'open') {
    return (
      <main className="login">
        <p className="card" role="status">
          {t.app.loading}
        </p>
      </main>
    );
  }
  return <Shell />;
}
