import type { DossierId } from '../../core/shared/ids.ts';
import { actionContext } from '../actions/action-context.ts';
import { createQuote } from '../actions/quote-drafts.ts';
import { navigate, routeHash } from '../app/route-store.ts';
import { notifyError } from '../app/toast-store.ts';
import { useDatabase } from '../db/database-store.ts';
import { useLiveDocs } from '../db/useLiveQuery.ts';
import { useT } from '../i18n/useT.ts';
import { DossierNumber } from '../ui/DossierNumber.tsx';
import { QuoteStatusBadge } from '../ui/QuoteStatusBadge.tsx';

/** The dossier's quotes, every version, newest first; "New quote" opens the editor on a fresh draft. */
export function QuotesPanel({ dossierId }: { readonly dossierId: string }) {
  const { t, fmt } = useT();
  const db = useDatabase();
  const quotes = useLiveDocs(() => db.quotes.find({ selector: { dossierId: dossierId as DossierId }, sort: [{ version: 'desc' }] }), [db, dossierId]);

  async function create() {
    const created = await createQuote(dossierId, actionContext());
    if (created.ok) navigate({ name: 'quote', id: created.value.id });
    else notifyError(t.quoteErrors[created.error.code]);
  }

  return (
    <section className="panel" aria-labelledby="quotes-title">
      <div className="panel-header">
        <h2 id="quotes-title">{t.dossier.quotes}</h2>
        <button type="button" className="btn small primary" onClick={() => void create()}>
          + {t.dossier.newQuote}
        </button>
      </div>
      {quotes?.length === 0 && <p className="muted">{t.dossier.noQuote}</p>}
      <ul className="list">
        {(quotes ?? []).map((quote) => (
          <li key={quote.id}>
            <div className="line1">
              <a href={routeHash({ name: 'quote', id: quote.id })}>
                <DossierNumber number={quote.number} /> {t.quote.version(quote.version)}
              </a>
              <strong className="num">{fmt.money(quote.totals.totalGross, quote.currency)}</strong>
            </div>
            <div className="row small">
              <QuoteStatusBadge status={quote.status} />
              {quote.datesChanged && <span className="badge warn">{t.dossier.datesChangedBadge}</span>}
              {quote.negotiation.state !== 'none' && <span className="badge">{t.quote.negotiationStates[quote.negotiation.state]}</span>}
              {quote.transferredToOrder !== null && <span className="badge ok">{t.quote.transferredOrder}</span>}
              <span className="muted">
                {t.quote.validUntil} {fmt.date(quote.validUntil)}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
