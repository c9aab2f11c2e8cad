import { create } from 'zustand';
import { NO_OFFER_FILTER, type OfferListFilter, type OfferStateFilter } from '../../core/offers/index.ts';
import type { PickedClient } from './ClientPicker.tsx';

export type ScopeKind = 'none' | 'ALL' | 'CLIENT' | 'GROUP' | 'PLACE';

/** The "Filtrer" form of the offers list, kept while the admin opens an offer and comes back. */
export interface OffersFilterForm {
  readonly title: string;
  readonly state: OfferStateFilter;
  readonly scopeKind: ScopeKind;
  readonly client: PickedClient | null;
  /** '' = any group (or place). */
  readonly groupCode: string;
  readonly placeCode: string;
  readonly productRef: string;
  readonly mostAdvantageous: boolean;
}

export const EMPTY_FORM: OffersFilterForm = {
  title: '', state: 'active', scopeKind: 'none', client: null, groupCode: '', placeCode: '', productRef: '', mostAdvantageous: false,
};

interface FilterState {
  readonly form: OffersFilterForm;
  set(patch: Partial<OffersFilterForm>): void;
  reset(): void;
}

export const offersFilterStore = create<FilterState>()((set, get) => ({
  form: EMPTY_FORM,
  set: (patch) => set({ form: { ...get().form, ...patch } }),
  reset: () => set({ form: EMPTY_FORM }),
}));

/** Seed 002: the "most advantageous" option exists only with a client chosen and a product reference typed. */
export function canAskMostAdvantageous(form: OffersFilterForm): boolean {
  return form.scopeKind === 'CLIENT' && form.client !== null && form.productRef.trim() !== '';
}

/** The engine's filter for the form. */
export function toOfferListFilter(form: OffersFilterForm): OfferListFilter {
  const scope: OfferListFilter['scope'] =
    form.scopeKind === 'none' ? { kind: 'none' }
    : form.scopeKind === 'ALL' ? { kind: 'ALL' }
    : form.scopeKind === 'GROUP' ? { kind: 'GROUP', groupCode: form.groupCode === '' ? null : form.groupCode }
    : form.scopeKind === 'PLACE' ? { kind: 'PLACE', placeCode: form.placeCode === '' ? null : form.placeCode }
    : { kind: 'CLIENT', client: form.client };
  return { ...NO_OFFER_FILTER, title: form.title, state: form.state, scope, productRef: form.productRef, mostAdvantageous: form.mostAdvantageous && canAskMostAdvantageous(form) };
}
