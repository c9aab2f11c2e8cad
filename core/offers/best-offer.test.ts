import { describe, expect, it } from 'vitest';
import { milli } from '../money/units.ts';
import { mostAdvantageousOffer } from './best-offer.ts';
import type { BestOfferRequest } from './best-offer.ts';
import { buildOfferIndex } from './index-offers.ts';
import type { Offer } from './offer.ts';
import { ON_CATALOG, aClient, aProduct, anEngagement, anOffer, anOfferWith, fixed, onFamily, percent } from './offer-builders.ts';
import { offersInForceOnProduct } from './product-offers.ts';

const DAY = '2026-11-23';
const client = { scope: 'CLIENT', scopeCode: 'CLI001' } as const;

function best(offers: readonly Offer[], request: Partial<BestOfferRequest> = {}): string | null {
  const found = mostAdvantageousOffer(offers, { client: aClient(), product: aProduct(), date: DAY, ...request });
  return found === null ? null : `${found.offer.code} ${found.unitPrice}`;
}

describe('mostAdvantageousOffer (seed 002: best fixed price, percentages ignored)', () => {
  it('ignores a percentage discount even when it ends up cheaper', () => {
    const twentyPercent = anOfferWith('VINGTPC', { value: percent(2000) }, client);
    const fixed45 = anOfferWith('FIXE45', { value: fixed(4500) }, client);
    expect(best([twentyPercent, fixed45])).toBe('FIXE45 4500');
    expect(best([twentyPercent])).toBeNull();
  });

  it('counts fixed prices on the product’s family or the whole catalog', () => {
    expect(best([anOfferWith('FAM', { target: onFamily('family', 'SKI'), value: fixed(4200) })])).toBe('FAM 4200');
    expect(best([anOfferWith('CAT', { target: ON_CATALOG, value: fixed(4100) }), anOfferWith('PROD', { value: fixed(4300) })])).toBe('CAT 4100');
  });

  it('takes the lowest fixed price whatever the scope level, among offers that apply to the client', () => {
    const offers = [
      anOfferWith('TOUS', { value: fixed(3000) }),
      anOfferWith('CLIENT', { value: fixed(4500) }, client),
      anOfferWith('AUTRE', { value: fixed(1000) }, { scope: 'CLIENT', scopeCode: 'CLI999' }),
    ];
    expect(best(offers)).toBe('TOUS 3000');
  });

  it('leaves out deleted offers, offers out of their dates and unmet minimum quantities', () => {
    const offers = [
      anOfferWith('SUPPR', { value: fixed(1000) }, { deletedAt: '2026-11-01T00:00:00.000Z' }),
      anOfferWith('PASSEE', { value: fixed(1100) }, { endDate: '2026-11-22' }),
      anOffer({ code: 'ENGAG', engagements: [anEngagement({ startDate: '2026-11-24', discounts: [{ code: 'R1', target: ON_CATALOG, value: fixed(1200) }] })] }),
      anOfferWith('VOLUME', { value: fixed(1300), minQuantity: milli(5000) }),
      anOfferWith('NORMALE', { value: fixed(4000) }),
    ];
    expect(best(offers, { quantity: milli(1000) })).toBe('NORMALE 4000');
    expect(best(offers, { quantity: milli(5000) })).toBe('VOLUME 1300');
  });

  it('breaks a tie by offer code', () => {
    expect(best([anOfferWith('ZZZ', { value: fixed(4000) }), anOfferWith('AAA', { value: fixed(4000) })])).toBe('AAA 4000');
  });
});

describe('offersInForceOnProduct (product detail page)', () => {
  it('lists every live discount on the product, any scope, with the price it gives', () => {
    const offers = [
      anOfferWith('TOUS', { code: 'R1', value: percent(1000) }),
      anOfferWith('GROUPE', { code: 'R7', target: onFamily('super', 'SPORT'), value: fixed(3900) }, { scope: 'GROUP', scopeCode: 'GRP-X' }),
      anOfferWith('SUPPR', {}, { deletedAt: '2026-11-01T00:00:00.000Z' }),
      anOfferWith('FUTURE', {}, { startDate: '2027-01-01' }),
      anOfferWith('AILLEURS', { target: onFamily('family', 'VELO') }),
    ];
    const rows = offersInForceOnProduct(buildOfferIndex(offers), aProduct(), DAY).map((r) => [r.offer.code, r.engagementNumber, r.discount.code, r.unitPrice]);
    expect(rows).toEqual([
      ['GROUPE', 1, 'R7', 3900],
      ['TOUS', 1, 'R1', 4500],
    ]);
  });
});
