import type { Clock, IsoInstant } from '../shared/clock.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { Offer } from './offer.ts';

/** Seed 002: deleted offers can be viewed and restored for 30 days, then they are purged. */
export const RESTORE_WINDOW_DAYS = 30;
const WINDOW_MS = RESTORE_WINDOW_DAYS * 24 * 60 * 60 * 1000;

export type DeleteOfferError = 'ALREADY_DELETED';
export type RestoreOfferError = 'NOT_DELETED' | 'RESTORE_WINDOW_PASSED';

function age(deletedAt: IsoInstant, now: IsoInstant): number {
  return Date.parse(now) - Date.parse(deletedAt);
}

/** Soft-deletes an offer: it stops applying at once and stays restorable for 30 days. */
export function softDeleteOffer(offer: Offer, clock: Clock): Result<Offer, DeleteOfferError> {
  if (offer.deletedAt !== null) return err('ALREADY_DELETED', `offer ${offer.code} was already deleted on ${offer.deletedAt}`);
  const now = clock.now();
  return ok({ ...offer, deletedAt: now, updatedAt: now });
}

/** True when the offer is deleted and at most 30 days ago (the seed's "Supprimées" list). */
export function isRestorable(offer: Pick<Offer, 'deletedAt'>, now: IsoInstant): boolean {
  return offer.deletedAt !== null && age(offer.deletedAt, now) <= WINDOW_MS;
}

/** Restores an offer deleted at most 30 days ago; it applies again from now on. */
export function restoreOffer(offer: Offer, clock: Clock): Result<Offer, RestoreOfferError> {
  const now = clock.now();
  if (offer.deletedAt === null) return err('NOT_DELETED', `offer ${offer.code} is not deleted`);
  if (!isRestorable(offer, now)) {
    return err('RESTORE_WINDOW_PASSED', `offer ${offer.code} was deleted more than ${RESTORE_WINDOW_DAYS} days ago and can no longer be restored`);
  }
  return ok({ ...offer, deletedAt: null, updatedAt: now });
}

/** Outcome of the seed's mass action "Restaurer les offres". */
export interface RestoreMany {
  readonly restored: readonly Offer[];
  readonly refused: readonly { readonly offer: Offer; readonly code: RestoreOfferError; readonly message: string }[];
}

/** Restores several offers; each one that cannot be restored is listed with its reason. */
export function restoreOffers(offers: readonly Offer[], clock: Clock): RestoreMany {
  const restored: Offer[] = [];
  const refused: { offer: Offer; code: RestoreOfferError; message: string }[] = [];
  for (const offer of offers) {
    const result = restoreOffer(offer, clock);
    if (result.ok) restored.push(result.value);
    else refused.push({ offer, code: result.error.code, message: result.error.message });
  }
  return { restored, refused };
}

/** Offers deleted more than 30 days ago: the ones to purge for good. */
export function purgeable(offers: readonly Offer[], now: IsoInstant): Offer[] {
  return offers.filter((offer) => offer.deletedAt !== null && age(offer.deletedAt, now) > WINDOW_MS);
}
