import { describe, expect, it } from 'vitest';
import { milli } from '../money/units.ts';
import type { OfferId } from '../shared/ids.ts';
import type { Offer } from './offer.ts';
import { aDiscount, anEngagement, anOffer, anOfferWith, fixed, onFamily, percent } from './offer-builders.ts';
import { validateOffer } from './validate.ts';

function errorCodes(offer: Offer, others: readonly Offer[] = []): string[] {
  return validateOffer(offer, others).errors.map((e) => e.code);
}

describe('validateOffer errors', () => {
  it('accepts a well-formed offer', () => {
    expect(validateOffer(anOffer(), [])).toEqual({ errors: [], warnings: [] });
  });

  it('refuses a code used by another offer, ignoring case, even a deleted one', () => {
    const mine = anOffer({ code: 'NOEL26' });
    expect(errorCodes(mine, [anOffer({ code: 'noel26', id: mine.id })])).toEqual([]);
    expect(errorCodes(mine, [anOffer({ code: 'noel26', title: 'Noël' })])).toEqual(['DUPLICATE_OFFER_CODE']);
    const deleted = validateOffer(mine, [anOffer({ code: 'NOEL26', id: 'offer-old' as OfferId, deletedAt: '2026-11-20T00:00:00.000Z' })]);
    expect(deleted.errors[0]?.message).toContain('deleted, still restorable');
  });

  it('refuses codes with spaces or special characters, and empty codes', () => {
    expect(errorCodes(anOffer({ code: 'NOEL 26' }))).toEqual(['CODE_INVALID']);
    expect(errorCodes(anOffer({ code: 'NOËL26' }))).toEqual(['CODE_INVALID']);
    expect(errorCodes(anOffer({ code: '' }))).toEqual(['CODE_MISSING']);
  });

  it('wants dates for public procurement, not for commercial offers', () => {
    expect(errorCodes(anOffer({ type: 'public_procurement' }))).toEqual(['PUBLIC_PROCUREMENT_WITHOUT_DATES']);
    expect(errorCodes(anOffer({ type: 'public_procurement', startDate: '2026-01-01' }))).toEqual(['PUBLIC_PROCUREMENT_WITHOUT_DATES']);
    expect(errorCodes(anOffer({ type: 'public_procurement', startDate: '2026-01-01', endDate: '2026-12-31' }))).toEqual([]);
    expect(errorCodes(anOffer({ type: 'commercial' }))).toEqual([]);
  });

  it('refuses an end before the start and impossible dates', () => {
    expect(errorCodes(anOffer({ startDate: '2026-12-31', endDate: '2026-01-01' }))).toEqual(['END_BEFORE_START']);
    expect(errorCodes(anOffer({ startDate: '2026-02-31' }))).toEqual(['INVALID_DATE']);
    expect(errorCodes(anOffer({ startDate: '2026-12-31', endDate: '2026-12-31' }))).toEqual([]);
  });

  it('checks the scope code against the scope', () => {
    expect(errorCodes(anOffer({ scope: 'GROUP', scopeCode: null }))).toEqual(['SCOPE_CODE_MISSING']);
    expect(errorCodes(anOffer({ scope: 'CLIENT', scopeCode: ' ' }))).toEqual(['SCOPE_CODE_MISSING']);
    expect(errorCodes(anOffer({ scope: 'PLACE', scopeCode: null }))).toEqual(['SCOPE_CODE_MISSING']);
    expect(errorCodes(anOffer({ scope: 'ALL', scopeCode: 'GRP' }))).toEqual(['SCOPE_CODE_NOT_ALLOWED']);
  });

  it('keeps engagement numbers unique and engagement dates inside the offer’s', () => {
    const offer = anOffer({
      startDate: '2026-01-01',
      endDate: '2026-06-30',
      engagements: [anEngagement({ number: 1 }), anEngagement({ number: 1 }), anEngagement({ number: 2, startDate: '2025-12-31', endDate: '2026-07-01' })],
    });
    const check = validateOffer(offer, []);
    expect(check.errors.map((e) => [e.code, e.field])).toEqual([
      ['DUPLICATE_ENGAGEMENT_NUMBER', 'engagements.1.number'],
      ['ENGAGEMENT_OUTSIDE_OFFER', 'engagements.2.startDate'],
      ['ENGAGEMENT_OUTSIDE_OFFER', 'engagements.2.endDate'],
    ]);
    expect(check.errors[1]?.message).toBe("engagement 2: 2025-12-31 is outside the offer's dates (2026-01-01 to 2026-06-30)");
    expect(errorCodes(anOffer({ engagements: [anEngagement({ number: 0 })] }))).toEqual(['ENGAGEMENT_NUMBER_INVALID']);
  });

  it('keeps discount codes unique within an engagement, not across engagements', () => {
    const twice = anEngagement({ discounts: [aDiscount({ code: 'R1' }), aDiscount({ code: 'r1', target: onFamily('family', 'SKI') })] });
    expect(errorCodes(anOffer({ engagements: [twice] }))).toEqual(['DUPLICATE_DISCOUNT_CODE']);
    const split = [anEngagement({ number: 1, discounts: [aDiscount({ code: 'R1' })] }), anEngagement({ number: 2, discounts: [aDiscount({ code: 'R1' })] })];
    expect(errorCodes(anOffer({ engagements: split }))).toEqual([]);
  });

  it('refuses a fixed price of zero, percentages outside (0, 100 %] and bad minimum quantities', () => {
    expect(errorCodes(anOfferWith('A', { value: fixed(0) }))).toEqual(['FIXED_PRICE_NOT_POSITIVE']);
    expect(errorCodes(anOfferWith('A', { value: fixed(-100) }))).toEqual(['FIXED_PRICE_NOT_POSITIVE']);
    expect(errorCodes(anOfferWith('A', { value: percent(0) }))).toEqual(['PERCENT_OUT_OF_RANGE']);
    expect(errorCodes(anOfferWith('A', { value: percent(10001) }))).toEqual(['PERCENT_OUT_OF_RANGE']);
    expect(errorCodes(anOfferWith('A', { value: percent(10000) }))).toEqual([]);
    expect(errorCodes(anOfferWith('A', { minQuantity: milli(0) }))).toEqual(['MIN_QUANTITY_INVALID']);
    expect(errorCodes(anOfferWith('A', { code: 'R-1' }))).toEqual(['DISCOUNT_CODE_INVALID']);
    expect(errorCodes(anOfferWith('A', { target: onFamily('sub', '') }))).toEqual(['TARGET_CODE_MISSING']);
  });
});

describe('validateOffer overlap warnings', () => {
  const client = { scope: 'CLIENT', scopeCode: 'CLI001', scopeLabel: 'Alpes' } as const;

  it('warns when another offer at the same scope targets the same product on common days', () => {
    const existing = anOfferWith('ANCIENNE', { value: fixed(4000) }, { ...client, startDate: '2026-01-01', endDate: '2026-03-31' });
    const mine = anOfferWith('NOUVELLE', { value: fixed(3800) }, { ...client, startDate: '2026-03-01', endDate: '2026-12-31' });
    const check = validateOffer(mine, [existing]);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([
      {
        code: 'OVERLAPPING_DISCOUNT',
        field: 'engagements.0.discounts.0',
        message: 'engagement 1, discount "D1" competes with offer ANCIENNE, engagement 1, discount "D1" (same scope and target) from 2026-03-01 to 2026-03-31: the lower price will apply, then the first codes',
      },
    ]);
  });

  it('does not warn across scopes, targets, quantity tiers, disjoint dates or deleted offers', () => {
    const mine = anOfferWith('NOUVELLE', {}, { ...client, startDate: '2026-04-01' });
    const others = [
      anOfferWith('AUTRECLI', {}, { ...client, scopeCode: 'CLI002' }),
      anOfferWith('TOUS', {}),
      anOfferWith('FAMILLE', { target: onFamily('family', 'SKI') }, client),
      anOfferWith('PALIER', { minQuantity: milli(10_000) }, client),
      anOfferWith('PASSEE', {}, { ...client, endDate: '2026-03-31' }),
      anOfferWith('SUPPR', {}, { ...client, deletedAt: '2026-11-01T00:00:00.000Z' }),
    ];
    expect(validateOffer(mine, others).warnings).toEqual([]);
  });

  it('reports a competing pair inside one offer once', () => {
    const offer = anOffer({ engagements: [anEngagement({ number: 1 }), anEngagement({ number: 2 })] });
    expect(validateOffer(offer, [offer]).warnings.map((w) => w.field)).toEqual(['engagements.1.discounts.0']);
  });
});
