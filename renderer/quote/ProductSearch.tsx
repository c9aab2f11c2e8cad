import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ONE } from '../../core/money/index.ts';
import type { ScopedClient } from '../../core/offers/scope.ts';
import { addProductLine, type Quote } from '../../core/quote/index.ts';
import type { ProductDoc } from '../../core/schemas/index.ts';
import type { Failure } from '../../core/shared/result.ts';
import { actionContext } from '../actions/action-context.ts';
import { quoteContext } from '../actions/quote-context.ts';
import { useEditorShortcut } from '../app/editor-shortcuts.ts';
import { useDatabase } from '../db/database-store.ts';
import { useT } from '../i18n/useT.ts';
import { catalogOf, offerIndex, searchProducts } from './catalog.ts';
import { priceProduct } from './price-product.ts';
import type { QuoteOp } from './useQuoteDraft.ts';

interface ProductSearchProps {
  readonly quote: Quote;
  readonly client: ScopedClient | null;
  /** The day prices are for: the stay's start, else today. */
  readonly date: string;
  readonly disabled: boolean;
  apply<E extends string>(op: QuoteOp<E>): Failure<E> | null;
}

/** Ctrl+L: instant search in the catalog; Enter adds the product priced by the client's offers. */
export function ProductSearch({ quote, client, date, disabled, apply }: ProductSearchProps) {
  const { t, locale, fmt } = useT();
  const db = useDatabase();
  const catalog = catalogOf(db);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEditorShortcut('add-line', () => input.current?.focus());

  useEffect(() => {
    void catalog.ready.then(() => setLoaded(true));
  }, [catalog]);

  // `loaded` re-runs the search once the catalog is in memory.
  const results = useMemo(() => searchProducts(catalog, query), [catalog, query, loaded]);
  const priced = useMemo(() => {
    const index = offerIndex(catalog);
    return results.map((product) => ({ product, price: priceProduct(product, client, date, ONE, quote.priceMode, index, locale) }));
  }, [results, catalog, client, date, quote.priceMode, locale]);
  const current = Math.min(active, Math.max(priced.length - 1, 0));

  function add(product: ProductDoc) {
    const entry = priced.find((p) => p.product.id === product.id);
    if (entry === undefined) return;
    const failure = apply((q) => addProductLine(q, { product, quantity: ONE, unitPrice: entry.price.unitPrice, pricing: entry.price.pricing }, quoteContext(actionContext())));
    setError(failure === null ? null : t.quoteErrors[failure.code]);
    if (failure === null) setQuery('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + priced.length) % Math.max(priced.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = priced[current];
      if (chosen) add(chosen.product);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  }

  return (
    <div className="stack product-search">
      <label>
        <span>
          {t.quote.productSearch} <kbd>Ctrl+L</kbd>
        </span>
        <input
          ref={input}
          role="combobox"
          aria-expanded={priced.length > 0}
          aria-controls="product-results"
          aria-activedescendant={priced[current] ? `product-${priced[current].product.id}` : undefined}
          autoComplete="off"
          // A new, empty draft: the agent starts typing a service at once.
          autoFocus={quote.lines.length === 0}
          placeholder={t.quote.productPlaceholder}
          disabled={disabled}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      {query.trim() !== '' && (
        <ul id="product-results" role="listbox" aria-label={t.quote.productResults} className="results">
          {priced.length === 0 && <li className="muted">{t.quote.noProduct}</li>}
          {priced.map(({ product, price }, index) => (
            <li
              key={product.id}
              id={`product-${product.id}`}
              role="option"
              aria-selected={index === current}
              onMouseEnter={() => setActive(index)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => add(product)}
            >
              <code className="small">{product.ref}</code>
              <span className="grow">{locale === 'en' && product.labelEn !== '' ? product.labelEn : product.label}</span>
              {product.stock === 'out_of_stock' && <span className="badge danger">{t.quote.outOfStock}</span>}
              {price.pricing.source === 'offer' && <span className="badge ok">{price.pricing.offerRef}</span>}
              <strong className="num">
                {fmt.money(price.unitPrice, quote.currency)} {quote.priceMode === 'HT' ? t.quote.ht : t.quote.ttc}
              </strong>
            </li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
