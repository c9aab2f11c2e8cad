import { describe, expect, it } from 'vitest';
import { filterOffers, NO_OFFER_FILTER } from './filter-offers.ts';
import type { OfferListFilter } from './filter-offers.ts';
import type { Offer } from './offer.ts';
import { aClient, aProduct, anOfferWith, fixed, onFamily, onProduct, percent } from './offer-builders.ts';

const NOW = '2026-11-23T09:00:00.000Z';
const ski = aProduct();
const context = { now: NOW, findProduct: (ref: string) => (ref === ski.ref ? ski : undefined) };

const offers: readonly Offer[] = [
  anOfferWith('NOEL', { value: fixed(4500) }, { title: 'Offre de Noël', scope: 'CLIENT', scopeCode: 'CLI001' }),
  anOfferWith('ETE', { target: onFamily('family', 'SKI'), value: percent(3000) }, { title: 'Été des comités', scope: 'GROUP', scopeCode: 'GRP-CE' }),
  anOfferWith('TOUS', { target: onProduct('VELO-1'), value: fixed(100) }, { title: 'Vélos pour tous' }),
  anOfferWith('LIEU', { value: fixed(4200) }, { title: 'Chamonix', scope: 'PLACE', scopeCode: 'CHAMONIX' }),
  anOfferWith('AUTRE', { value: fixed(1000) }, { title: 'Autre client', scope: 'CLIENT', scopeCode: 'CLI999' }),
  anOfferWith('SUPPR', {}, { title: 'Supprimée récemment', deletedAt: '2026-11-01T00:00:00.000Z' }),
  anOfferWith('VIEILLE', {}, { title: 'Supprimée il y a longtemps', deletedAt: '2026-09-01T00:00:00.000Z' }),
];

function codes(filter: Partial<OfferListFilter>): string[] {
  return filterOffers(offers, { ...NO_OFFER_FILTER, ...filter }, context).map((o) => o.code);
}

describe('filterOffers (seed 002 "Filtrer sur les offres")', () => {
  it('shows active offers by default', () => {
    expect(codes({})).toEqual(['NOEL', 'ETE', 'TOUS', 'LIEU', 'AUTRE']);
  });

  it('searches the title by words, ignoring case and accents', () => {
    expect(codes({ title: 'noel' })).toEqual(['NOEL']);
    expect(codes({ title: '  ÉTÉ   comites ' })).toEqual(['ETE']);
    expect(codes({ title: 'velos tous' })).toEqual(['TOUS']);
    expect(codes({ title: 'velos noel' })).toEqual([]);
  });

  it('shows offers deleted within the last 30 days under "Supprimées"', () => {
    expect(codes({ state: 'deleted' })).toEqual(['SUPPR']);
  });

  it('filters by scope kind, and by the chosen group, place or client', () => {
    expect(codes({ scope: { kind: 'ALL' } })).toEqual(['TOUS']);
    expect(codes({ scope: { kind: 'GROUP', groupCode: null } })).toEqual(['ETE']);
    expect(codes({ scope: { kind: 'GROUP', groupCode: 'GRP-X' } })).toEqual([]);
    expect(codes({ scope: { kind: 'PLACE', placeCode: 'CHAMONIX' } })).toEqual(['LIEU']);
    expect(codes({ scope: { kind: 'CLIENT', client: null } })).toEqual(['NOEL', 'AUTRE']);
    expect(codes({ scope: { kind: 'CLIENT', client: aClient() } })).toEqual(['NOEL', 'ETE', 'TOUS', 'LIEU']);
  });

  it('keeps offers containing the product by reference, family or catalog', () => {
    expect(codes({ productRef: 'SKI-ESF-6J' })).toEqual(['NOEL', 'ETE', 'LIEU', 'AUTRE']);
    expect(codes({ productRef: 'VELO-1' })).toEqual(['TOUS']);
  });

  it('shows only the best fixed price for the client when asked, ignoring the cheaper percentage', () => {
    const base = { scope: { kind: 'CLIENT', client: aClient() }, productRef: 'SKI-ESF-6J' } as const;
    expect(codes(base)).toEqual(['NOEL', 'ETE', 'LIEU']);
    expect(codes({ ...base, mostAdvantageous: true })).toEqual(['LIEU']);
    expect(codes({ productRef: 'SKI-ESF-6J', mostAdvantageous: true })).toEqual(['NOEL', 'ETE', 'LIEU', 'AUTRE']);
  });
});
