import type { Offer } from '../../core/offers/index.ts';
import { navigate } from '../app/route-store.ts';
import { useT } from '../i18n/useT.ts';
import { scopeText } from './offer-labels.ts';

interface Props {
  readonly offers: readonly Offer[];
  readonly selectable: boolean;
  readonly selected: ReadonlySet<string>;
  readonly onSelect: (ids: ReadonlySet<string>) => void;
  readonly onDelete: (offer: Offer) => void;
  readonly onRestore: (offer: Offer) => void;
}

/** The offers list: code, title, type, scope, dates, state, and the row's action. */
export function OffersTable({ offers, selectable, selected, onSelect, onDelete, onRestore }: Props) {
  const { t, fmt } = useT();
  const c = t.offers.col;
  const allSelected = offers.length > 0 && offers.every((o) => selected.has(o.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next);
  };
  return (
    <table className="grid offers-table">
      <thead>
        <tr>
          {selectable && (
            <th scope="col">
              <input type="checkbox" aria-label={c.selectAll} checked={allSelected} onChange={(e) => onSelect(new Set(e.target.checked ? offers.map((o) => o.id) : []))} />
            </th>
          )}
          <th scope="col">{c.code}</th>
          <th scope="col">{c.title}</th>
          <th scope="col">{c.type}</th>
          <th scope="col">{c.scope}</th>
          <th scope="col">{c.start}</th>
          <th scope="col">{c.end}</th>
          <th scope="col">{c.state}</th>
          <th scope="col">
            <span className="sr-only">{c.actions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {offers.map((offer) => (
          <tr key={offer.id}>
            {selectable && (
              <td>
                <input type="checkbox" aria-label={`${c.select} ${offer.code}`} checked={selected.has(offer.id)} onChange={(e) => toggle(offer.id, e.target.checked)} />
              </td>
            )}
            <td>
              <a href={`#/offers/${offer.id}`} className="mono">
                {offer.code}
              </a>
            </td>
            <td>
              <a href={`#/offers/${offer.id}`}>{offer.title}</a>
            </td>
            <td>{t.offers.types[offer.type]}</td>
            <td>{scopeText(offer, t)}</td>
            <td className="nowrap">{fmt.date(offer.startDate)}</td>
            <td className="nowrap">{fmt.date(offer.endDate)}</td>
            <td>
              {offer.deletedAt === null ? (
                <span className="badge ok">{t.offers.active}</span>
              ) : (
                <span className="badge danger">{t.offers.deletedOn(fmt.dateTime(offer.deletedAt))}</span>
              )}
            </td>
            <td className="nowrap">
              {offer.deletedAt === null ? (
                <>
                  <button type="button" className="icon-btn" aria-label={t.offers.open(offer.code)} title={t.offers.open(offer.code)} onClick={() => navigate({ name: 'offer', id: offer.id })}>
                    →
                  </button>
                  <button type="button" className="btn small danger" aria-label={`${t.offers.deleteOffer} ${offer.code}`} title={t.offers.deleteOffer} onClick={() => onDelete(offer)}>
                    {t.common.delete}
                  </button>
                </>
              ) : (
                <button type="button" className="btn small" aria-label={t.offers.restoreOne(offer.code)} title={t.offers.restoreOne(offer.code)} onClick={() => onRestore(offer)}>
                  ↺ {t.offers.restore}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
