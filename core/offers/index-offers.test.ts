import { describe, expect, it } from 'vitest';
import { buildOfferIndex, candidateDiscounts, discountsCoveringProduct } from './index-offers.ts';
import { ON_CATALOG, aClient, aProduct, anOfferWith, onFamily } from './offer-builders.ts';

describe('buildOfferIndex', () => {
  const offers = [
    anOfferWith('TOUS', { target: ON_CATALOG }),
    anOfferWith('LIEU', { target: onFamily('super', 'SPORT') }, { scope: 'PLACE', scopeCode: 'CHAMONIX' }),
    anOfferWith('SANSCODE', {}, { scope: 'GROUP', scopeCode: null }),
    anOfferWith('VELO', { target: onFamily('family', 'VELO') }),
  ];
  const index = buildOfferIndex(offers);

  it('counts every discount, deleted or broken offers included', () => {
    expect(index.discountCount).toBe(4);
  });

  it('finds a place offer once even when the client lists the place twice', () => {
    const found = candidateDiscounts(index, aClient({ places: ['CHAMONIX', 'CHAMONIX'] }), aProduct());
    expect(found.map((c) => c.offer.code).sort()).toEqual(['LIEU', 'TOUS']);
  });

  it('keeps an offer missing its scope code away from every client, but shows it on the product page', () => {
    expect(candidateDiscounts(index, aClient(), aProduct()).map((c) => c.offer.code)).not.toContain('SANSCODE');
    expect(discountsCoveringProduct(index, aProduct()).map((c) => c.offer.code).sort()).toEqual(['LIEU', 'SANSCODE', 'TOUS']);
  });
});
