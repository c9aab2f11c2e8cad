import { clearDatesChanged } from '../../core/quote/index.ts';
import type { ClientId, DossierId } from '../../core/shared/ids.ts';
import { actionContext } from '../actions/action-context.ts';
import { routeHash } from '../app/route-store.ts';
import { useDatabase } from '../db/database-store.ts';
import { useLiveDoc, useLiveDocs } from '../db/useLiveQuery.ts';
import { useT } from '../i18n/useT.ts';
import { DossierNumber } from '../ui/DossierNumber.tsx';
import { QuoteStatusBadge } from '../ui/QuoteStatusBadge.tsx';
import { AddLineForms } from './AddLineForms.tsx';
import { CommandStatus } from './CommandStatus.tsx';
import { LineTable } from './LineTable.tsx';
import { NegotiationBox } from './NegotiationBox.tsx';
import { ProductSearch } from './ProductSearch.tsx';
import { QuoteActions } from './QuoteActions.tsx';
import { QuoteTermsBar } from './QuoteTermsBar.tsx';
import { TotalsPanel } from './TotalsPanel.tsx';
import { useQuoteDraft } from './useQuoteDraft.ts';
import './quote.css';

/** Issue 4 "Quote editor": lines, discounts, HT/TTC, live totals, negotiation box and actions. */
export function QuoteEditor({ quoteId }: { readonly quoteId: string }) {
  const { t } = useT();
  const db = useDatabase();
  const { quote, apply } = useQuoteDraft(quoteId);
  const dossierId = quote?.dossierId ?? null;
  const dossier = useLiveDoc(() => (dossierId === null ? null : db.dossiers.findOne(dossierId as DossierId)), [db, dossierId]);
  const clientId = dossier?.clientId ?? null;
  const client = useLiveDoc(() => (clientId === null ? null : db.clients.findOne(clientId as ClientId)), [db, clientId]);
  const number = quote?.number ?? null;
  const versions = useLiveDocs(() => (number === null ? null : db.quotes.find({ selector: { number }, sort: [{ version: 'asc' }] })), [db, number]);

  if (quote === undefined) return null;
  if (quote === null) return <p className="notice">{t.quote.notFound}</p>;
  const frozen = quote.status !== 'draft';
  const pricingClient = client ? { reference: client.reference, groupCode: client.groupCode, places: client.places } : null;
  const priceDate = dossier?.startDate ?? new Date().toISOString().slice(0, 10);

  return (
    <article aria-label={t.quote.title(quote.number, quote.version)}>
      <header className="quote-title">
        <a className="btn small ghost" href={routeHash({ name: 'dossier', id: quote.dossierId })} aria-label={t.dossier.back}>
          ←
        </a>
        <h1>
          <DossierNumber number={quote.number} /> {t.quote.version(quote.version)}
        </h1>
        <QuoteStatusBadge status={quote.status} />
        {dossier && (
          <span className="muted">
            {dossier.number} · {dossier.subject}
          </span>
        )}
        {(versions?.length ?? 0) > 1 && (
          <nav className="versions" aria-label={t.quote.versions}>
            {versions?.map((v) => (
              <a key={v.id} className="btn small" href={routeHash({ name: 'quote', id: v.id })} aria-current={v.id === quote.id ? 'page' : undefined}>
                {t.quote.version(v.version)}
              </a>
            ))}
          </nav>
        )}
      </header>
      {frozen && <p className="notice info">{t.quote.frozen}</p>}
      {quote.datesChanged && (
        <p className="notice row">
          <span className="grow">{t.quote.datesChanged}</span>
          {!frozen && (
            <button type="button" className="btn small" onClick={() => apply((q) => clearDatesChanged(q, actionContext()))}>
              {t.quote.markRepriced}
            </button>
          )}
        </p>
      )}
      <div className="quote-grid">
        <div className="stack">
          <section className="panel stack" aria-labelledby="lines-title">
            <h2 id="lines-title">{t.quote.lines}</h2>
            <QuoteTermsBar quote={quote} frozen={frozen} apply={apply} />
            {!frozen && <ProductSearch quote={quote} client={pricingClient} date={priceDate} disabled={frozen} apply={apply} />}
            <LineTable quote={quote} frozen={frozen} apply={apply} />
            {!frozen && <AddLineForms quote={quote} disabled={frozen} apply={apply} />}
          </section>
          <NegotiationBox quote={quote} apply={apply} />
        </div>
        <div className="stack">
          <TotalsPanel quote={quote} frozen={frozen} apply={apply} />
          <QuoteActions quote={quote} dossier={dossier ?? null} client={client ?? null} />
          <CommandStatus quoteId={quote.id} />
        </div>
      </div>
    </article>
  );
}
