import { useMemo } from 'react';
import type { Product } from '../../core/catalog/product.ts';
import { buildOfferIndex, offersInForceOnProduct, type Offer } from '../../core/offers/index.ts';
import { dateOf } from '../../core/shared/clock.ts';
import { navigate } from '../app/route-store.ts';
import { systemClock } from '../db/runtime.ts';
import { useT } from '../i18n/useT.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { discountKey, scopeText, targetText, valueText } from './offer-labels.ts';

interface Props {
  readonly productRef: string;
  readonly products: ReadonlyMap<string, Product> | null;
  readonly offers: readonly Offer[];
  readonly onClose: () => void;
}

/**
 * A product's detail with seed 002's "Offres en cours": every discount of a live offer in force today
 * that covers it, with its value, and "Consulter la remise" opening the offer with that discount
 * highlighted.
 */
export function ProductOffersDialog({ productRef, products, offers, onClose }: Props) {
  const { t, fmt, locale } = useT();
  const p = t.offers.product;
  const product = products?.get(productRef);
  const inForce = useMemo(
    () => (product === undefined ? [] : offersInForceOnProduct(buildOfferIndex(offers), product, dateOf(systemClock.now()))),
    [offers, product],
  );
  const title = product === undefined ? productRef : p.title(product.ref, locale === 'en' ? product.labelEn : product.label);
  return (
    <Dialog title={title} onClose={onClose} wide>
      {products === null && <p role="status">{p.loading}</p>}
      {products !== null && product === undefined && <p className="notice">{p.unknown(productRef)}</p>}
      {product !== undefined && (
        <div className="stack">
          <dl className="offer-fields">
            <dt>{p.listPrice}</dt>
            <dd>{fmt.money(product.unitPrice)}</dd>
            <dt>{p.family}</dt>
            <dd>{[product.family.superFamily, product.family.family, product.family.subFamily].filter((x) => x !== null).join(' › ') || '—'}</dd>
          </dl>
          <section aria-labelledby="in-force-title">
            <h3 id="in-force-title">{p.inForce}</h3>
            {inForce.length === 0 ? (
              <p className="muted">{p.none}</p>
            ) : (
              <table className="grid">
                <thead>
                  <tr>
                    <th scope="col">{p.offer}</th>
                    <th scope="col">{t.offers.col.scope}</th>
                    <th scope="col">{p.discount}</th>
                    <th scope="col">{t.offers.detail.value}</th>
                    <th scope="col" className="num">{p.price}</th>
                    <th scope="col">
                      <span className="sr-only">{t.offers.col.actions}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {inForce.map((row) => (
                    <tr key={`${row.offer.id}-${discountKey(row.engagementNumber, row.discount)}`}>
                      <td>
                        <span className="mono">{row.offer.code}</span> · {row.offer.title}
                      </td>
                      <td>{scopeText(row.offer, t)}</td>
                      <td>
                        {t.offers.detail.engagement(row.engagementNumber)} · <span className="mono">{row.discount.code}</span>
                        <div className="small muted">{targetText(row.discount.target, t)}</div>
                      </td>
                      <td>{valueText(row.discount.value, t, fmt)}</td>
                      <td className="num">{fmt.money(row.unitPrice)}</td>
                      <td>
                        <a
                          href={`#/offers/${row.offer.id}/${discountKey(row.engagementNumber, row.discount)}`}
                          aria-label={`${p.consult} ${row.discount.code} (${row.offer.code})`}
                          onClick={(e) => {
                            e.preventDefault();
                            onClose();
                            navigate({ name: 'offer', id: row.offer.id, discount: discountKey(row.engagementNumber, row.discount) });
                          }}
                        >
                          {p.consult}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}
    </Dialog>
  );
}
