import { useMemo, useRef, useState } from 'react';
import { exportDiscountsCsv, exportOffersCsv, filterOffers, type Offer } from '../../core/offers/index.ts';
import { toastStore } from '../app/toast-store.ts';
import { useDatabase } from '../db/database-store.ts';
import { systemClock } from '../db/runtime.ts';
import { useT } from '../i18n/useT.ts';
import { sessionStore } from '../session/session-store.ts';
import { datedFileName, downloadCsv } from './csv-files.ts';
import { ImportDialog, type ImportKind } from './ImportDialog.tsx';
import { deleteOffer, restore } from './offer-actions.ts';
import { useAllOffers } from './offer-data.ts';
import { OfferFilters } from './OfferFilters.tsx';
import { OfferForm } from './OfferForm.tsx';
import { offersFilterStore, toOfferListFilter } from './offers-filter-store.ts';
import { OffersTable } from './OffersTable.tsx';
import { ProductLookup } from './ProductLookup.tsx';
import { ProductOffersDialog } from './ProductOffersDialog.tsx';
import { useGroupsAndPlaces } from './reference-lists.ts';
import { useProductsByRef } from './useCatalog.ts';
import './admin.css';

/** Seed 002 module "Offres" (admin role): the filtered list, restore, CSV, product look-up. */
export function OffersScreen() {
  const { t } = useT();
  const isAdmin = sessionStore((s) => s.user?.role === 'admin');
  if (!isAdmin) return <p className="notice">{t.offers.adminOnly}</p>;
  return <OffersAdmin />;
}

function OffersAdmin() {
  const { t } = useT();
  const db = useDatabase();
  const offers = useAllOffers(db);
  const products = useProductsByRef(db);
  const { groups, places } = useGroupsAndPlaces(db);
  const form = offersFilterStore((s) => s.form);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [productRef, setProductRef] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState<{ kind: ImportKind; fileName: string; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const importKind = useRef<ImportKind>('offers');

  const shown = useMemo(() => {
    if (offers === undefined) return [];
    const found = filterOffers(offers, toOfferListFilter(form), { now: systemClock.now(), findProduct: (ref) => products?.get(ref) });
    return found.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }, [offers, form, products]);
  const deletedView = form.state === 'deleted';
  const checked = shown.filter((o) => selected.has(o.id));

  const exportCsv = (kind: ImportKind) => {
    const all = offers ?? [];
    const name = datedFileName(kind === 'offers' ? 'offres' : 'remises', new Date());
    downloadCsv(name, kind === 'offers' ? exportOffersCsv(all) : exportDiscountsCsv(all));
    toastStore.getState().push({ kind: 'info', text: t.offers.csv.exported(name) });
  };
  const pickFile = (kind: ImportKind) => {
    importKind.current = kind;
    fileInput.current?.click();
  };
  const onFile = async (file: File | undefined) => {
    if (file === undefined) return;
    const text = await file.text();
    setImporting({ kind: importKind.current, fileName: file.name, text });
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <section aria-labelledby="offers-title" className="stack offers-screen">
      <div className="screen-header">
        <h1 id="offers-title">{t.offers.title}</h1>
        <span className="grow" />
        <button type="button" className="btn primary" onClick={() => setCreating(true)}>
          {t.offers.newOffer}
        </button>
        <button type="button" className="btn" onClick={() => exportCsv('offers')}>
          {t.offers.exportOffers}
        </button>
        <button type="button" className="btn" onClick={() => pickFile('offers')}>
          {t.offers.importOffers}
        </button>
        <button type="button" className="btn" onClick={() => exportCsv('discounts')}>
          {t.offers.exportDiscounts}
        </button>
        <button type="button" className="btn" onClick={() => pickFile('discounts')}>
          {t.offers.importDiscounts}
        </button>
        <input ref={fileInput} type="file" accept=".csv,text/csv" hidden aria-label={t.offers.csv.chooseFile} onChange={(e) => void onFile(e.target.files?.[0])} />
      </div>
      <div className="offers-tools">
        <OfferFilters groups={groups} places={places} onOpenProduct={setProductRef} />
        <ProductLookup db={db} onOpen={setProductRef} />
      </div>
      <div className="row">
        <span className="muted small" role="status">
          {t.offers.count(shown.length, offers?.length ?? 0)}
        </span>
        <span className="grow" />
        {deletedView && (
          <button type="button" className="btn" disabled={checked.length === 0} onClick={() => void restore(db, checked).then(() => setSelected(new Set()))}>
            {t.offers.restoreMany}
            {checked.length > 0 ? ` (${checked.length})` : ''}
          </button>
        )}
      </div>
      <div className="panel offers-list">
        {offers !== undefined && shown.length === 0 ? (
          <p className="muted">{t.offers.empty}</p>
        ) : (
          <OffersTable
            offers={shown}
            selectable={deletedView}
            selected={selected}
            onSelect={setSelected}
            onDelete={(offer: Offer) => void deleteOffer(db, offer)}
            onRestore={(offer: Offer) => void restore(db, [offer])}
          />
        )}
      </div>
      {productRef !== null && <ProductOffersDialog productRef={productRef} products={products} offers={offers ?? []} onClose={() => setProductRef(null)} />}
      {creating && <OfferForm offer={null} offers={offers ?? []} groups={groups} places={places} onClose={() => setCreating(false)} />}
      {importing !== null && (
        <ImportDialog db={db} {...importing} offers={offers ?? []} groups={groups} places={places} onClose={() => setImporting(null)} />
      )}
    </section>
  );
}
