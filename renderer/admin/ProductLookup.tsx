import { useState } from 'react';
import type { ClientDatabase } from '../../core/replication/index.ts';
import { useT } from '../i18n/useT.ts';
import { catalogOf, searchProducts } from '../quote/catalog.ts';

/** A simple catalog search opening a product's detail ("Offres en cours"). */
export function ProductLookup({ db, onOpen }: { readonly db: ClientDatabase; readonly onOpen: (ref: string) => void }) {
  const { t, locale } = useT();
  const [query, setQuery] = useState('');
  const found = query.trim().length < 2 ? [] : searchProducts(catalogOf(db), query, 6);
  return (
    <section className="panel product-lookup stack" aria-label={t.offers.product.lookup}>
      <label>
        {t.offers.product.lookup}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </label>
      {found.length > 0 && (
        <ul className="picker-results" aria-label={t.offers.product.lookup}>
          {found.map((p) => (
            <li key={p.id}>
              <button type="button" className="btn small ghost" onClick={() => onOpen(p.ref)}>
                <span className="mono">{p.ref}</span> {locale === 'en' ? p.labelEn : p.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
