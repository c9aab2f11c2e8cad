import { useT } from '../i18n/useT.ts';
import { ClientPicker } from './ClientPicker.tsx';
import { canAskMostAdvantageous, offersFilterStore, type ScopeKind } from './offers-filter-store.ts';
import type { CodeLabel } from './reference-lists.ts';

interface Props {
  readonly groups: readonly CodeLabel[];
  readonly places: readonly CodeLabel[];
  readonly onOpenProduct: (ref: string) => void;
}

/** Seed 002 "Filtrer sur les offres": title, state, client scope type (+ client / group), product reference. */
export function OfferFilters({ groups, places, onOpenProduct }: Props) {
  const { t, locale } = useT();
  const form = offersFilterStore((s) => s.form);
  const set = offersFilterStore((s) => s.set);
  const f = t.offers.filter;
  const label = (entry: CodeLabel) => (locale === 'en' ? entry.labelEn : entry.label);
  return (
    <section className="panel offer-filters" aria-label={f.label}>
      <div className="form-grid">
        <label className="span2">
          {f.title}
          <input type="search" value={form.title} onChange={(e) => set({ title: e.target.value })} />
        </label>
        <label>
          {f.state}
          <select aria-label={f.state} value={form.state} onChange={(e) => set({ state: e.target.value === 'deleted' ? 'deleted' : 'active' })}>
            <option value="active">{f.active}</option>
            <option value="deleted">{f.deleted}</option>
          </select>
        </label>
        <label>
          {f.scopeType}
          <select aria-label={f.scopeType} value={form.scopeKind} onChange={(e) => set({ scopeKind: e.target.value as ScopeKind, mostAdvantageous: false })}>
            <option value="none">{f.none}</option>
            <option value="ALL">{f.all}</option>
            <option value="CLIENT">{f.client}</option>
            <option value="GROUP">{f.group}</option>
            <option value="PLACE">{f.place}</option>
          </select>
        </label>
        {form.scopeKind === 'CLIENT' && (
          <div className="span2">
            <ClientPicker label={f.client} value={form.client} onChange={(client) => set({ client, mostAdvantageous: false })} />
          </div>
        )}
        {form.scopeKind === 'GROUP' && (
          <label>
            {f.group}
            <select aria-label={f.group} value={form.groupCode} onChange={(e) => set({ groupCode: e.target.value })}>
              <option value="">{f.anyGroup}</option>
              {groups.map((g) => (
                <option key={g.code} value={g.code}>
                  {label(g)}
                </option>
              ))}
            </select>
          </label>
        )}
        {form.scopeKind === 'PLACE' && (
          <label>
            {f.place}
            <select aria-label={f.place} value={form.placeCode} onChange={(e) => set({ placeCode: e.target.value })}>
              <option value="">{f.anyGroup}</option>
              {places.map((p) => (
                <option key={p.code} value={p.code}>
                  {label(p)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {f.productRef}
          <input type="search" value={form.productRef} onChange={(e) => set({ productRef: e.target.value })} autoComplete="off" />
        </label>
      </div>
      <div className="row" style={{ marginTop: 8 }}>
        {canAskMostAdvantageous(form) && (
          <label className="inline">
            <input type="checkbox" checked={form.mostAdvantageous} onChange={(e) => set({ mostAdvantageous: e.target.checked })} />
            {f.mostAdvantageous}
          </label>
        )}
        <span className="grow" />
        {form.productRef.trim() !== '' && (
          <button type="button" className="btn small" onClick={() => onOpenProduct(form.productRef.trim())}>
            {f.openProduct}
          </button>
        )}
        <button type="button" className="btn small ghost" onClick={() => offersFilterStore.getState().reset()}>
          {f.reset}
        </button>
      </div>
    </section>
  );
}
