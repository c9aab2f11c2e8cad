import { useDatabase } from '../db/database-store.ts';
import { useLiveDocs } from '../db/useLiveQuery.ts';
import { useT } from '../i18n/useT.ts';

const TONE = { queued: 'badge warn', running: 'badge accent', done: 'badge ok', failed: 'badge danger' } as const;

/**
 * The quote's emails in the outbox with their state; a queued one is visibly "queued — sends when
 * online" until the server writes its result back (DESIGN §9).
 */
export function CommandStatus({ quoteId }: { readonly quoteId: string }) {
  const { t, fmt } = useT();
  const db = useDatabase();
  const prefix = `quote.email:${quoteId}:`;
  const commands = useLiveDocs(
    () => db.commands.find({ selector: { idempotencyKey: { $gte: prefix, $lt: `${prefix}\uffff` } }, sort: [{ idempotencyKey: 'asc' }] }),
    [db, prefix],
  );
  if (commands === undefined || commands.length === 0) return null;
  return (
    <section aria-label={t.quote.outbox}>
      <ul className="list">
        {[...commands]
          .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
          .map((command) => (
            <li key={command.id} className="row" data-testid="command">
              <span>{t.commands.kinds[command.kind]}</span>
              <span className={TONE[command.status]}>{t.commands.statuses[command.status]}</span>
              <span className="small muted">{fmt.dateTime(command.createdAt)}</span>
              {command.error !== null && <span className="error-text">{command.error.message}</span>}
            </li>
          ))}
      </ul>
    </section>
  );
}
