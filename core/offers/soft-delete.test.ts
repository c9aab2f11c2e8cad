import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.ts';
import { unwrap } from '../shared/result.ts';
import { anOffer, anOfferWith } from './offer-builders.ts';
import { isRestorable, purgeable, restoreOffer, restoreOffers, softDeleteOffer } from './soft-delete.ts';

const DELETED_AT = '2026-11-01T10:00:00.000Z';

describe('soft delete, restore and purge', () => {
  it('marks a deleted offer with the time of deletion', () => {
    const deleted = unwrap(softDeleteOffer(anOffer(), fixedClock(DELETED_AT)));
    expect(deleted.deletedAt).toBe(DELETED_AT);
    expect(deleted.updatedAt).toBe(DELETED_AT);
    expect(softDeleteOffer(deleted, fixedClock(DELETED_AT))).toMatchObject({ ok: false, error: { code: 'ALREADY_DELETED' } });
  });

  it('restores an offer up to exactly 30 days after its deletion, not a millisecond later', () => {
    const deleted = anOffer({ deletedAt: DELETED_AT });
    const restored = restoreOffer(deleted, fixedClock('2026-12-01T10:00:00.000Z'));
    expect(restored).toMatchObject({ ok: true, value: { deletedAt: null, updatedAt: '2026-12-01T10:00:00.000Z' } });
    expect(restoreOffer(deleted, fixedClock('2026-12-01T10:00:00.001Z'))).toMatchObject({ ok: false, error: { code: 'RESTORE_WINDOW_PASSED' } });
    expect(restoreOffer(anOffer(), fixedClock(DELETED_AT))).toMatchObject({ ok: false, error: { code: 'NOT_DELETED' } });
    expect(isRestorable(deleted, '2026-11-15T00:00:00.000Z')).toBe(true);
  });

  it('restores several offers at once and says which could not be', () => {
    const result = restoreOffers([anOfferWith('A', {}, { deletedAt: DELETED_AT }), anOfferWith('B', {}, { deletedAt: '2026-09-01T00:00:00.000Z' })], fixedClock('2026-11-20T00:00:00.000Z'));
    expect(result.restored.map((o) => o.code)).toEqual(['A']);
    expect(result.refused.map((r) => [r.offer.code, r.code])).toEqual([['B', 'RESTORE_WINDOW_PASSED']]);
  });

  it('lists for purging only offers deleted more than 30 days ago', () => {
    const offers = [
      anOfferWith('VIVANTE', {}),
      anOfferWith('RECENTE', {}, { deletedAt: DELETED_AT }),
      anOfferWith('ANCIENNE', {}, { deletedAt: '2026-10-01T09:59:59.999Z' }),
    ];
    expect(purgeable(offers, '2026-12-01T10:00:00.000Z').map((o) => o.code)).toEqual(['ANCIENNE']);
    expect(purgeable(offers, '2026-12-01T10:00:00.001Z').map((o) => o.code)).toEqual(['RECENTE', 'ANCIENNE']);
  });
});
