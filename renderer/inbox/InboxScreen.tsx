import { useMemo, useState } from 'react';
import { actionContext } from '../actions/action-context.ts';
import { assignToMe } from '../actions/dossier-edits.ts';
import { navigate } from '../app/route-store.ts';
import { useT } from '../i18n/useT.ts';
import { formatPhone } from '../clients/phone.ts';
import { clientName, clientRows, dossierRows, projectionStore } from '../projection/projection-store.ts';
import type { DossierRow } from '../projection/rows.ts';
import { userName } from '../reference/reference-store.ts';
import { sessionStore } from '../session/session-store.ts';
import { DossierNumber } from '../ui/DossierNumber.tsx';

/** Seed 001: a request's row shows the client's email and phone number. */
function ClientContact({ clientId }: { readonly clientId: string | null }) {
  const client = clientId === null ? undefined : clientRows.get(clientId);
  if (client === undefined) return null;
  const phone = client.phones[0];
  return (
    <div className="small muted">
      {[client.email, phone === undefined ? '' : formatPhone(phone)].filter((part) => part !== '').join(' · ')}
    </div>
  );
}

type InboxFilter = 'all' | 'webForm' | 'unassigned' | 'mine';
const FILTERS: readonly InboxFilter[] = ['all', 'webForm', 'unassigned', 'mine'];
const PAGE = 100;

function keep(row: DossierRow, filter: InboxFilter, userId: string): boolean {
  if (row.stage !== 'new') return false;
  switch (filter) {
    case 'all':
      return true;
    case 'webForm':
      return row.source === 'web_form';
    case 'unassigned':
      return row.assignedTo === null;
    case 'mine':
      return row.assignedTo === userId;
  }
}

/** Seed 001: requests from the website form and new dossiers, newest first. */
export function InboxScreen() {
  const { t, fmt } = useT();
  const version = projectionStore((s) => s.version);
  const userId = sessionStore((s) => s.user?.id ?? '');
  const [filter, setFilter] = useState<InboxFilter>('all');
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(() => {
    const kept: DossierRow[] = [];
    if (version >= 0) for (const row of dossierRows.values()) if (keep(row, filter, userId)) kept.push(row);
    return kept.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }, [version, filter, userId]);
  const labels: Record<InboxFilter, string> = { all: t.inbox.all, webForm: t.inbox.webForm, unassigned: t.inbox.unassigned, mine: t.inbox.mine };

  return (
    <section aria-labelledby="inbox-title">
      <div className="screen-header">
        <h1 id="inbox-title">
          {t.inbox.title} <span className="badge">{fmt.integer(rows.length)}</span>
        </h1>
        <div role="radiogroup" aria-label={t.inbox.filter} className="row">
          {FILTERS.map((f) => (
            <label key={f} className="inline btn small">
              <input type="radio" name="inbox-filter" checked={filter === f} onChange={() => setFilter(f)} />
              {labels[f]}
            </label>
          ))}
        </div>
      </div>
      <div className="panel" style={{ padding: 0 }}>
        <table className="grid" aria-labelledby="inbox-title">
          <thead>
            <tr>
              <th>{t.table.col.number}</th>
              <th>{t.table.col.source}</th>
              <th>{t.table.col.client}</th>
              <th>{t.table.col.subject}</th>
              <th>{t.dossier.stay}</th>
              <th className="num">{t.table.col.partySize}</th>
              <th>{t.inbox.received}</th>
              <th>{t.dossier.assignedTo}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  {t.inbox.empty}
                </td>
              </tr>
            )}
            {rows.slice(0, shown).map((row) => (
              <tr key={row.id} className="clickable" onClick={() => navigate({ name: 'dossier', id: row.id })}>
                <td>
                  <a href={`#/dossiers/${row.id}`} onClick={(e) => e.stopPropagation()}>
                    <DossierNumber number={row.number} />
                  </a>
                </td>
                <td>
                  <span className={row.source === 'web_form' ? 'badge accent' : 'badge'}>{t.sources[row.source]}</span>
                </td>
                <td>
                  {clientName(row.clientId) || <span className="muted">{t.client.none}</span>}
                  <ClientContact clientId={row.clientId} />
                </td>
                <td>{row.subject}</td>
                <td className="small">
                  {fmt.date(row.startDate)} → {fmt.date(row.endDate)}
                </td>
                <td className="num">{row.partySize ?? '—'}</td>
                <td className="small">{fmt.dateTime(row.createdAt)}</td>
                <td onClick={(e) => e.stopPropagation()}>
                  {row.assignedTo === null ? (
                    <button type="button" className="btn small" aria-label={t.inbox.takeLabel(row.number)} onClick={() => void assignToMe(row.id, actionContext())}>
                      {t.inbox.take}
                    </button>
                  ) : row.assignedTo === userId ? (
                    <span className="badge ok">{t.inbox.mine}</span>
                  ) : (
                    <span className="small">{userName(row.assignedTo)}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length > shown && (
          <div className="row end" style={{ padding: 8 }}>
            <button type="button" className="btn" onClick={() => setShown(shown + PAGE)}>
              {t.common.showMore(Math.min(PAGE, rows.length - shown))}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
