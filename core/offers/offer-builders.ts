import type { Client } from '../clients/client.ts';
import type { Product } from '../catalog/product.ts';
import type { ClientId, OfferId, ProductId } from '../shared/ids.ts';
import { bp, cents } from '../money/units.ts';
import type { Discount, DiscountTarget, DiscountValue, Engagement, FamilyLevel, Offer } from './offer.ts';

// Builders for tests and benchmarks (here and in other parts); deliberately not re-exported from index.ts.

export const T0 = '2026-11-23T09:00:00.000Z';

/** Product SKI-ESF-6J, listed 50.00 € HT, in SPORT › SKI › SKI-COURS. */
export function aProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 'product-1' as ProductId,
    ref: 'SKI-ESF-6J',
    label: 'Cours de ski ESF 6 jours',
    labelEn: 'ESF ski lessons, 6 days',
    family: { superFamily: 'SPORT', family: 'SKI', subFamily: 'SKI-COURS' },
    tags: [],
    unitPrice: cents(5000),
    vatRate: bp(2000),
    unit: 'forfait',
    sellable: true,
    stock: 'not_tracked',
    updatedAt: T0,
    ...overrides,
  };
}

/** Client CLI001 of group GRP-CE, collecting at place CHAMONIX. */
export function aClient(overrides: Partial<Client> = {}): Client {
  return {
    id: 'client-1' as ClientId,
    reference: 'CLI001',
    kind: 'company',
    companyName: 'Comité d’entreprise Alpes',
    firstName: '',
    lastName: '',
    email: 'ce@example.org',
    phones: [],
    groupCode: 'GRP-CE',
    places: ['CHAMONIX'],
    salesRep: null,
    language: 'fr',
    updatedAt: T0,
    ...overrides,
  };
}

/** A fixed unit price, in cents. */
export function fixed(unitPrice: number): DiscountValue {
  return { kind: 'fixed', unitPrice: cents(unitPrice) };
}

/** A percentage off, in basis points (1500 = 15 %). */
export function percent(rate: number): DiscountValue {
  return { kind: 'percent', rate: bp(rate) };
}

/** Targets one product. */
export function onProduct(ref = 'SKI-ESF-6J'): DiscountTarget {
  return { kind: 'product', ref };
}

/** Targets a family at one level. */
export function onFamily(level: FamilyLevel, code: string): DiscountTarget {
  return { kind: 'family', level, code };
}

/** Targets the whole catalog. */
export const ON_CATALOG: DiscountTarget = { kind: 'catalog' };

/** Discount D1: fixed 40.00 € on SKI-ESF-6J. */
export function aDiscount(overrides: Partial<Discount> = {}): Discount {
  return { code: 'D1', target: onProduct(), value: fixed(4000), ...overrides };
}

/** Engagement 1 over the offer's dates, with discount D1. */
export function anEngagement(overrides: Partial<Engagement> = {}): Engagement {
  return { number: 1, startDate: null, endDate: null, discounts: [aDiscount()], ...overrides };
}

/** A live commercial offer for all clients, without dates, holding engagement 1. */
export function anOffer(overrides: Partial<Offer> = {}): Offer {
  const code = overrides.code ?? 'OFFRE1';
  return {
    id: `offer-${code}` as OfferId,
    code,
    type: 'commercial',
    title: `Offre ${code}`,
    scope: 'ALL',
    scopeCode: null,
    scopeLabel: 'Tous les clients',
    startDate: null,
    endDate: null,
    showInShop: false,
    deletedAt: null,
    engagements: [anEngagement()],
    updatedAt: T0,
    ...overrides,
  };
}

/** An offer with one engagement holding one discount: the shortest way to state a pricing rule. */
export function anOfferWith(code: string, discount: Partial<Discount>, overrides: Partial<Offer> = {}): Offer {
  return anOffer({ code, engagements: [anEngagement({ discounts: [aDiscount(discount)] })], ...overrides });
}
