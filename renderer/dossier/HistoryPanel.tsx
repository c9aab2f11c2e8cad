import type { HistoryEvent } from '../../core/model/event.ts';
import type { DossierId } from '../../core/shared/ids.ts';
import { useDatabase } from '../db/database-store.ts';
import { useLiveDocs } from '../db/useLiveQuery.ts';
import { useT } from '../i18n/useT.ts';
import type { Messages } from '../i18n/fr.ts';
import type { Formatters } from '../i18n/formatters.ts';
import { userName } from '../reference/reference-store.ts';
import type { Cents } from '../../core/money/index.ts';

/** An event in words, from its fields (the stored `summary` is English, for logs). */
function describe(event: HistoryEvent, t: Messages, fmt: Formatters): string {
  const kind = t.history.kinds[event.kind];
  if (event.kind === 'stage_changed' && event.fromStage !== null && event.toStage !== null) {
    const cause = event.payload['cause'];
    const auto = cause !== undefined && cause !== 'manual' ? ` (${t.history.automatic})` : '';
    return t.history.line(kind, `${t.history.moved(t.stages[event.fromStage], t.stages[event.toStage])}${auto}`);
  }
  const number = event.payload['quoteNumber'];
  const amount = event.amount === null ? '' : ` ${fmt.money(event.amount as Cents)}`;
  return `${kind}${typeof number === 'string' ? ` ${number}` : ''}${amount}`;
}

/** The dossier's history (`events`), newest first. */
export function HistoryPanel({ dossierId, createdAt }: { readonly dossierId: string; readonly createdAt: string }) {
  const { t, fmt } = useT();
  const db = useDatabase();
  const events = useLiveDocs(() => db.events.find({ selector: { dossierId: dossierId as DossierId }, sort: [{ at: 'desc' }] }), [db, dossierId]);
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t.dossier.history}</h2>
      <ol className="history">
        {(events ?? []).map((event) => (
          <li key={event.id}>
            <time dateTime={event.at}>{fmt.dateTime(event.at)}</time>
            <span className="grow">{describe(event, t, fmt)}</span>
            <span className="muted small">{event.actor === 'system' ? t.history.system : userName(event.actor)}</span>
          </li>
        ))}
        <li>
          <time dateTime={createdAt}>{fmt.dateTime(createdAt)}</time>
          <span className="grow">{t.dossier.created}</span>
        </li>
      </ol>
    </section>
  );
}
