import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/useT.ts';
import { sessionStore } from '../session/session-store.ts';
import { Dialog } from '../ui/Dialog.tsx';

/** Behind the gear of the login screen (seed 003): where the sync server is. */
export function ServerSettings({ onClose }: { readonly onClose: () => void }) {
  const { t } = useT();
  const server = sessionStore((s) => s.server);
  const [url, setUrl] = useState(server.url);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const failure = await sessionStore.getState().setServer(url);
    if (failure === null) onClose();
    else setError(t.session.errors[failure]);
  }

  return (
    <Dialog title={t.session.settings} onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label>
          {t.session.serverUrl}
          <input
            type="url"
            value={url}
            placeholder={location.origin}
            readOnly={server.locked}
            aria-invalid={error !== null}
            aria-describedby="server-url-hint"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        <span id="server-url-hint" className="small muted">
          {server.locked ? t.session.errors.POLICY_LOCKED : t.session.serverUrlHint}
        </span>
        {error !== null && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="row end">
          <button type="button" className="btn" onClick={onClose}>
            {t.common.cancel}
          </button>
          <button type="submit" className="btn primary" disabled={server.locked}>
            {t.common.save}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
