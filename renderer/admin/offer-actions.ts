import { restoreOffers, softDeleteOffer, type Offer } from '../../core/offers/index.ts';
import type { ClientDatabase } from '../../core/replication/index.ts';
import { toastStore } from '../app/toast-store.ts';
import { systemClock } from '../db/runtime.ts';
import { currentTranslation } from '../i18n/useT.ts';
import { writeOffers } from './offer-data.ts';

function failed(error: unknown): void {
  toastStore.getState().push({ kind: 'error', text: `${currentTranslation().t.errors.unexpected} ${String(error)}` });
}

/** Seed 002 "Supprimer l'offre": soft delete, restorable for 30 days. */
export async function deleteOffer(db: ClientDatabase, offer: Offer): Promise<boolean> {
  const { t } = currentTranslation();
  const result = softDeleteOffer(offer, systemClock);
  if (!result.ok) {
    toastStore.getState().push({ kind: 'error', text: result.error.message });
    return false;
  }
  try {
    await writeOffers(db, [result.value]);
  } catch (error) {
    failed(error);
    return false;
  }
  toastStore.getState().push({ kind: 'info', text: t.offers.deleted(offer.code) });
  return true;
}

/** Seed 002 restore, one offer or the mass action "Restaurer les offres"; refusals are listed. */
export async function restore(db: ClientDatabase, offers: readonly Offer[]): Promise<void> {
  const { t } = currentTranslation();
  const { restored, refused } = restoreOffers(offers, systemClock);
  try {
    await writeOffers(db, restored);
  } catch (error) {
    failed(error);
    return;
  }
  if (restored.length > 0) toastStore.getState().push({ kind: 'info', text: t.offers.restored(restored.length) });
  for (const r of refused) toastStore.getState().push({ kind: 'error', text: t.offers.refused(r.offer.code, r.message) });
}
