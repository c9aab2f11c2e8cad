import { useState, type FormEvent } from 'react';
import { validateOffer, withOfferCode, type Offer, type OfferCheck, type OfferScope, type OfferType } from '../../core/offers/index.ts';
import type { OfferId } from '../../core/shared/ids.ts';
import { navigate } from '../app/route-store.ts';
import { toastStore } from '../app/toast-store.ts';
import { useDatabase } from '../db/database-store.ts';
import { randomIds, systemClock } from '../db/runtime.ts';
import { useT } from '../i18n/useT.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { ClientPicker, type PickedClient } from './ClientPicker.tsx';
import { writeOffers } from './offer-data.ts';
import type { CodeLabel } from './reference-lists.ts';

interface Props {
  /** null: "Nouvelle offre". */
  readonly offer: Offer | null;
  readonly offers: readonly Offer[];
  readonly groups: readonly CodeLabel[];
  readonly places: readonly CodeLabel[];
  readonly onClose: () => void;
}

interface Draft {
  code: string;
  title: string;
  type: OfferType;
  scope: OfferScope;
  scopeCode: string;
  scopeLabel: string;
  startDate: string;
  endDate: string;
  showInShop: boolean;
}

function draftOf(offer: Offer | null): Draft {
  return {
    code: offer?.code ?? '',
    title: offer?.title ?? '',
    type: offer?.type ?? 'commercial',
    scope: offer?.scope ?? 'ALL',
    scopeCode: offer?.scopeCode ?? '',
    scopeLabel: offer?.scope === 'ALL' ? '' : (offer?.scopeLabel ?? ''),
    startDate: offer?.startDate ?? '',
    endDate: offer?.endDate ?? '',
    showInShop: offer?.showInShop ?? false,
  };
}

/** Seed 002 "Nouvelle offre" / "Modifier l'offre": the offer's header; saving runs the offer checks. */
export function OfferForm({ offer, offers, groups, places, onClose }: Props) {
  const { t, locale } = useT();
  const db = useDatabase();
  const f = t.offers.form;
  const [draft, setDraft] = useState<Draft>(() => draftOf(offer));
  const [check, setCheck] = useState<OfferCheck | null>(null);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setCheck(null);
  };
  const list = draft.scope === 'GROUP' ? groups : draft.scope === 'PLACE' ? places : [];
  const name = (e: CodeLabel) => (locale === 'en' ? e.labelEn : e.label);
  const client: PickedClient | null = draft.scope === 'CLIENT' && draft.scopeCode !== '' ? { reference: draft.scopeCode, name: draft.scopeLabel, groupCode: null, places: [] } : null;

  const build = (): Offer => {
    const now = systemClock.now();
    const scopeCode = draft.scope === 'ALL' ? null : draft.scopeCode.trim();
    const listed = list.find((e) => e.code === scopeCode);
    const base: Offer = {
      id: offer?.id ?? (randomIds.next() as OfferId),
      code: draft.code,
      type: draft.type,
      title: draft.title.trim(),
      scope: draft.scope,
      scopeCode,
      scopeLabel: draft.scope === 'ALL' ? t.offers.scopes.ALL : listed !== undefined ? listed.label : draft.scopeLabel.trim() || (scopeCode ?? ''),
      startDate: draft.startDate === '' ? null : draft.startDate,
      endDate: draft.endDate === '' ? null : draft.endDate,
      showInShop: draft.showInShop,
      deletedAt: offer?.deletedAt ?? null,
      engagements: offer?.engagements ?? [],
      updatedAt: now,
    };
    return withOfferCode(base, offers.filter((o) => o.id !== base.id), randomIds);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = build();
    const result = validateOffer(next, offers);
    // Warnings are shown once; saving again with the same draft goes ahead.
    if (result.errors.length > 0 || (result.warnings.length > 0 && check === null)) {
      setCheck(result);
      return;
    }
    try {
      await writeOffers(db, [next]);
    } catch (error) {
      toastStore.getState().push({ kind: 'error', text: `${t.errors.unexpected} ${String(error)}` });
      return;
    }
    toastStore.getState().push({ kind: 'info', text: f.saved(next.code) });
    onClose();
    if (offer === null) navigate({ name: 'offer', id: next.id });
  };

  const blocked = check !== null && check.errors.length > 0;
  return (
    <Dialog title={offer === null ? f.titleNew : f.titleEdit(offer.code)} onClose={onClose} wide>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          <label>
            {f.code}
            <input value={draft.code} onChange={(e) => set({ code: e.target.value })} aria-describedby="offer-code-hint" maxLength={40} />
            <span id="offer-code-hint" className="small muted">{f.codeHint}</span>
          </label>
          <label className="span2">
            {f.title}
            <input value={draft.title} onChange={(e) => set({ title: e.target.value })} required />
          </label>
          <label>
            {f.type}
            <select value={draft.type} onChange={(e) => set({ type: e.target.value === 'public_procurement' ? 'public_procurement' : 'commercial' })}>
              <option value="commercial">{t.offers.types.commercial}</option>
              <option value="public_procurement">{t.offers.types.public_procurement}</option>
            </select>
          </label>
          <label>
            {f.scope}
            <select value={draft.scope} onChange={(e) => set({ scope: e.target.value as OfferScope, scopeCode: '', scopeLabel: '' })}>
              {(['ALL', 'GROUP', 'CLIENT', 'PLACE'] as const).map((s) => (
                <option key={s} value={s}>
                  {t.offers.scopes[s]}
                </option>
              ))}
            </select>
          </label>
          {(draft.scope === 'GROUP' || draft.scope === 'PLACE') && (
            <label>
              {draft.scope === 'GROUP' ? f.group : f.place}
              <select value={draft.scopeCode} onChange={(e) => set({ scopeCode: e.target.value })}>
                <option value="">—</option>
                {list.map((e) => (
                  <option key={e.code} value={e.code}>
                    {name(e)} ({e.code})
                  </option>
                ))}
                {draft.scopeCode !== '' && !list.some((e) => e.code === draft.scopeCode) && <option value={draft.scopeCode}>{draft.scopeCode}</option>}
              </select>
            </label>
          )}
          {draft.scope === 'CLIENT' && (
            <div className="span2">
              <ClientPicker label={f.client} value={client} onChange={(c) => set({ scopeCode: c?.reference ?? '', scopeLabel: c?.name ?? '' })} />
            </div>
          )}
          <label>
            {f.start}
            <input type="date" value={draft.startDate} onChange={(e) => set({ startDate: e.target.value })} aria-describedby="offer-dates-hint" />
          </label>
          <label>
            {f.end}
            <input type="date" value={draft.endDate} onChange={(e) => set({ endDate: e.target.value })} aria-describedby="offer-dates-hint" />
          </label>
          {draft.type === 'public_procurement' && (
            <p id="offer-dates-hint" className="small muted full">
              {f.datesMandatory}
            </p>
          )}
          <label className="inline full">
            <input type="checkbox" checked={draft.showInShop} onChange={(e) => set({ showInShop: e.target.checked })} />
            {f.showInShop}
          </label>
        </div>
        {blocked && (
          <div className="notice danger" role="alert">
            <strong>{f.errorsTitle}</strong>
            <ul>
              {check.errors.map((issue, i) => (
                <li key={i}>{t.offers.errors[issue.code]}</li>
              ))}
            </ul>
          </div>
        )}
        {check !== null && !blocked && check.warnings.length > 0 && (
          <div className="notice" role="alert">
            <strong>{f.warningsTitle}</strong>
            <ul>
              {check.warnings.map((issue, i) => (
                <li key={i}>
                  {t.offers.warnings[issue.code]} <span className="small muted">{issue.message}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="row end">
          <button type="button" className="btn" onClick={onClose}>
            {t.common.cancel}
          </button>
          <button type="submit" className="btn primary">
            {check !== null && !blocked && check.warnings.length > 0 ? f.saveAnyway : t.common.save}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
