import { useState } from 'react';
import { uiStore } from '../app/ui-store.ts';
import { useT } from '../i18n/useT.ts';
import { dossierRows } from '../projection/projection-store.ts';
import { syncStore } from '../sync/sync-store.ts';
import { Dialog } from '../ui/Dialog.tsx';

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

/** A dossier by its number when it is known here, anything else by id. */
function documentLabel(collection: string, id: string): string {
  return (collection === 'dossiers' ? dossierRows.get(id)?.number : undefined) ?? id;
}

/** Side by side: what I wrote and what the server kept, with the choice (DESIGN §9). */
export function ConflictsDialog() {
  const { t, fmt } = useT();
  const conflicts = syncStore((s) => s.conflicts);
  const resolve = syncStore((s) => s.resolveConflict);
  const fieldLabel = (path: string) => (path === '*' ? t.conflicts.whole : (t.conflicts.fields[path.split('/')[0] ?? ''] ?? path));
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const choose = async (id: string, choice: 'mine' | 'theirs') => {
    const failure = (await resolve?.(id, choice)) ?? null;
    setErrors((previous) => new Map(previous).set(id, failure ?? ''));
  };
  return (
    <Dialog title={t.conflicts.title} wide onClose={() => uiStore.getState().close()}>
      <p className="small muted">{t.conflicts.intro}</p>
      {conflicts.length === 0 && <p>{t.conflicts.empty}</p>}
      {conflicts.map((c) => (
        <section key={c.id} className="panel" aria-label={`${c.collection} ${c.documentId} ${c.field}`}>
          <div className="panel-header">
            <h3>
              {t.conflicts.collections[c.collection]} {documentLabel(c.collection, c.documentId)} · {fieldLabel(c.field)}
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
          {(errors.get(c.id) ?? '') !== '' && (
            <p role="alert" className="error-text">
              {errors.get(c.id)}
            </p>
          )}
          {c.reason === 'refused' && <p className="notice danger">{t.conflicts.refused}</p>}
          <div className="row end" style={{ marginTop: 8 }}>
            <button type="button" className="btn" disabled={resolve === null} onClick={() => void choose(c.id, 'theirs')}>
              {c.reason === 'refused' ? t.conflicts.acknowledge : t.conflicts.keepTheirs}
            </button>
            {c.reason === 'concurrent' && (
              <button type="button" className="btn primary" disabled={resolve === null} onClick={() => void choose(c.id, 'mine')}>
                {t.conflicts.keepMine}
              </button>
            )}
          </div>
        </section>
      ))}
    </Dialog>
  );
}
