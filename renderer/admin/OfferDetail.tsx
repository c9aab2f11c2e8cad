import { useEffect, useState } from 'react';
import { navigate } from '../app/route-store.ts';
import { useDatabase } from '../db/database-store.ts';
import { useLiveDoc } from '../db/useLiveQuery.ts';
import { useT } from '../i18n/useT.ts';
import { sessionStore } from '../session/session-store.ts';
import { deleteOffer, restore } from './offer-actions.ts';
import { offerOf, useAllOffers } from './offer-data.ts';
import { datesText, discountKey, scopeText, targetText, valueText } from './offer-labels.ts';
import { OfferForm } from './OfferForm.tsx';
import { useGroupsAndPlaces } from './reference-lists.ts';
import './admin.css';

interface Props {
  readonly offerId: string;
  /** `<engagement number>-<discount code>` to highlight ("Consulter la remise"), or null. */
  readonly highlight: string | null;
}

/** Seed 002 offer detail: its fields, engagements and discounts; "Modifier l'offre", "Supprimer l'offre". */
export function OfferDetail({ offerId, highlight }: Props) {
  const { t } = useT();
  const isAdmin = sessionStore((s) => s.user?.role === 'admin');
  if (!isAdmin) return <p className="notice">{t.offers.adminOnly}</p>;
  return <OfferDetailAdmin offerId={offerId} highlight={highlight} />;
}

function OfferDetailAdmin({ offerId, highlight }: Props) {
  const { t, fmt } = useT();
  const db = useDatabase();
  const doc = useLiveDoc(() => db.offers.findOne(offerId), [db, offerId]);
  const offers = useAllOffers(db);
  const { groups, places } = useGroupsAndPlaces(db);
  const [editing, setEditing] = useState(false);
  const d = t.offers.detail;

  useEffect(() => {
    if (highlight === null || doc === undefined || doc === null) return;
    document.getElementById(`discount-${highlight}`)?.scrollIntoView({ block: 'center' });
  }, [highlight, doc]);

  if (doc === undefined) return null;
  const back = (
    <a href="#/offers" className="small">
      ← {d.back}
    </a>
  );
  if (doc === null) {
    return (
      <section className="stack">
        {back}
        <p className="notice">{d.notFound}</p>
      </section>
    );
  }
  const offer = offerOf(doc);
  return (
    <article aria-labelledby="offer-title" className="stack offer-detail">
      {back}
      <div className="screen-header">
        <h1 id="offer-title">
          <span className="mono">{offer.code}</span> · {offer.title}
        </h1>
        <span className="grow" />
        {offer.deletedAt === null ? (
          <>
            <button type="button" className="btn primary" onClick={() => setEditing(true)}>
              ✎ {d.edit}
            </button>
            <button type="button" className="btn danger" onClick={() => void deleteOffer(db, offer).then((done) => done && navigate({ name: 'offers' }))}>
              {t.offers.deleteOffer}
            </button>
          </>
        ) : (
          <button type="button" className="btn" onClick={() => void restore(db, [offer])}>
            ↺ {t.offers.restore}
          </button>
        )}
      </div>
      <section className="panel">
        <dl className="offer-fields">
          <dt>{t.offers.col.type}</dt>
          <dd>{t.offers.types[offer.type]}</dd>
          <dt>{t.offers.col.scope}</dt>
          <dd>{scopeText(offer, t)}</dd>
          <dt>{d.dates}</dt>
          <dd>{datesText(offer, t, fmt)}</dd>
          <dt>{d.showInShop}</dt>
          <dd>{offer.showInShop ? t.common.yes : t.common.no}</dd>
          <dt>{t.offers.col.state}</dt>
          <dd>{offer.deletedAt === null ? <span className="badge ok">{t.offers.active}</span> : <span className="badge danger">{t.offers.deletedOn(fmt.dateTime(offer.deletedAt))}</span>}</dd>
          <dt>{d.updatedAt}</dt>
          <dd>{fmt.dateTime(offer.updatedAt)}</dd>
        </dl>
      </section>
      <section className="panel stack" aria-labelledby="engagements-title">
        <h2 id="engagements-title">{d.engagements}</h2>
        {offer.engagements.length === 0 && <p className="muted">{d.noEngagement}</p>}
        {[...offer.engagements]
          .sort((a, b) => a.number - b.number)
          .map((engagement) => (
            <table key={engagement.number} className="grid engagement">
              <caption>
                <strong>{d.engagement(engagement.number)}</strong> · {datesText(engagement.startDate === null && engagement.endDate === null ? offer : engagement, t, fmt)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{d.discountCode}</th>
                  <th scope="col">{d.target}</th>
                  <th scope="col">{d.value}</th>
                  <th scope="col">{d.minQuantity}</th>
                </tr>
              </thead>
              <tbody>
                {engagement.discounts.map((discount) => {
                  const key = discountKey(engagement.number, discount);
                  const on = key === highlight;
                  return (
                    <tr key={discount.code} id={`discount-${key}`} className={on ? 'highlighted' : undefined} aria-current={on ? 'true' : undefined}>
                      <td>
                        <span className="mono">{discount.code}</span>
                        {on && <span className="badge warn" style={{ marginLeft: 6 }}>{d.highlighted}</span>}
                      </td>
                      <td>{targetText(discount.target, t)}</td>
                      <td>{valueText(discount.value, t, fmt)}</td>
                      <td>{discount.minQuantity === undefined ? '—' : fmt.quantity(discount.minQuantity)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ))}
      </section>
      {editing && <OfferForm offer={offer} offers={offers ?? []} groups={groups} places={places} onClose={() => setEditing(false)} />}
    </article>
  );
}
