import { uiStore } from '../app/ui-store.ts';
import { useT } from '../i18n/useT.ts';
import { syncStore } from '../sync/sync-store.ts';
import { Dialog } from '../ui/Dialog.tsx';

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

/** Side by side: what I wrote and what the server kept, with the choice (DESIGN §9). */
export function ConflictsDialog() {
  const { t, fmt } = useT();
  const conflicts = syncStore((s) => s.conflicts);
  const resolve = syncStore((s) => s.resolveConflict);
  return (
    <Dialog title={t.conflicts.title} wide onClose={() => uiStore.getState().close()}>
      <p className="small muted">{t.conflicts.intro}</p>
      {conflicts.length === 0 && <p>{t.conflicts.empty}</p>}
      {conflicts.map((c) => (
        <section key={c.id} className="panel" aria-label={`${c.collection} ${c.documentId} ${c.field}`}>
          <div className="panel-header">
            <h3>
              {c.collection} · {c.documentId} · {t.conflicts.field} <code>{c.field}</code>
            </h3>
            <span className="small muted">{fmt.dateTime(c.at)}</span>
          </div>
          <div className="row" style={{ alignItems: 'stretch' }}>
            <figure className="grow" style={{ margin: 0 }}>
              <figcaption className="small muted">{t.conflicts.mine}</figcaption>
              <pre className="notice info" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{show(c.mine)}</pre>
            </figure>
            <figure className="grow" style={{ margin: 0 }}>
              <figcaption className="small muted">{t.conflicts.theirs}</figcaption>
              <pre className="notice" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{show(c.theirs)}</pre>
            </figure>
          </div>
          <div className="row end" style={{ marginTop: 8 }}>
            <button type="button" className="btn" disabled={resolve === null} onClick={() => void resolve?.(c.id, 'theirs')}>
              {t.conflicts.keepTheirs}
            </button>
            <button type="button" className="btn primary" disabled={resolve === null} onClick={() => void resolve?.(c.id, 'mine')}>
              {t.conflicts.keepMine}
            </button>
          </div>
        </section>
      ))}
    </Dialog>
  );
}
