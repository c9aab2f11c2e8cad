import type { Client } from '../clients/client.ts';
import type { Product } from '../catalog/product.ts';
import type { IsoDate } from '../shared/clock.ts';
import { addDays } from '../shared/clock.ts';
import type { OfferId } from '../shared/ids.ts';
import { bp, cents, milli } from '../money/units.ts';
import type { Discount, DiscountTarget, DiscountValue, Engagement, Offer, OfferScope } from './offer.ts';
import { seededRandom } from './prng.ts';
import type { Random } from './prng.ts';

/** Options for {@link generateOffers}; products and clients supply the refs and codes offers aim at. */
export interface GenerateOffersInput {
  readonly seed: number;
  readonly offers: number;
  /** Total discounts, spread evenly over the offers. */
  readonly discounts: number;
  readonly products: readonly Pick<Product, 'ref' | 'family'>[];
  readonly clients: readonly Pick<Client, 'reference' | 'groupCode' | 'places'>[];
  /** Earliest offer start (default 2026-01-01); dated offers start within 300 days of it. */
  readonly from?: IsoDate;
}

interface Pools {
  readonly products: readonly Pick<Product, 'ref' | 'family'>[];
  readonly clientRefs: readonly string[];
  readonly groups: readonly string[];
  readonly places: readonly string[];
}

// A plausible mix: most offers are negotiated per client or group, few cover everybody; most
// discounts name a product, a few a family or the whole catalog.
function pickScope(random: Random, pools: Pools): { scope: OfferScope; scopeCode: string | null; scopeLabel: string } {
  const roll = random.next();
  if (roll < 0.05 || pools.clientRefs.length === 0) return { scope: 'ALL', scopeCode: null, scopeLabel: 'Tous les clients' };
  if (roll < 0.3 && pools.groups.length > 0) {
    const code = random.pick(pools.groups);
    return { scope: 'GROUP', scopeCode: code, scopeLabel: `Groupe ${code}` };
  }
  if (roll < 0.4 && pools.places.length > 0) {
    const code = random.pick(pools.places);
    return { scope: 'PLACE', scopeCode: code, scopeLabel: `Lieu ${code}` };
  }
  const code = random.pick(pools.clientRefs);
  return { scope: 'CLIENT', scopeCode: code, scopeLabel: `Client ${code}` };
}

function pickTarget(random: Random, pools: Pools): DiscountTarget {
  const product = random.pick(pools.products);
  const roll = random.next();
  const { superFamily, family, subFamily } = product.family;
  if (roll < 0.75) return { kind: 'product', ref: product.ref };
  if (roll < 0.85 && subFamily !== null) return { kind: 'family', level: 'sub', code: subFamily };
  if (roll < 0.92 && family !== null) return { kind: 'family', level: 'family', code: family };
  if (roll < 0.97 && superFamily !== null) return { kind: 'family', level: 'super', code: superFamily };
  if (roll >= 0.97) return { kind: 'catalog' };
  return { kind: 'product', ref: product.ref };
}

function pickValue(random: Random): DiscountValue {
  return random.chance(0.6)
    ? { kind: 'fixed', unitPrice: cents(random.int(500, 50_000)) }
    : { kind: 'percent', rate: bp(random.int(1, 100) * 50) };
}

function engagementsFor(random: Random, start: IsoDate | null, days: number, discounts: number, pools: Pools): Engagement[] {
  const count = random.int(1, 3);
  const buckets: Discount[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < discounts; i += 1) {
    const bucket = buckets[random.int(0, count - 1)] as Discount[];
    const minQuantity = random.chance(0.1) ? milli(random.int(2, 20) * 1000) : undefined;
    const discount: Discount = { code: `R${bucket.length + 1}`, target: pickTarget(random, pools), value: pickValue(random) };
    bucket.push(minQuantity === undefined ? discount : { ...discount, minQuantity });
  }
  return buckets.map((list, i): Engagement => {
    if (start === null || !random.chance(0.3)) return { number: i + 1, startDate: null, endDate: null, discounts: list };
    const from = random.int(0, days);
    return { number: i + 1, startDate: addDays(start, from), endDate: addDays(start, random.int(from, days)), discounts: list };
  });
}

/**
 * A deterministic, valid set of offers (DESIGN §13 "large": 2k offers, 20k discounts) built from a
 * seeded PRNG, shared by tests and benchmarks. The same input always gives the same offers.
 */
export function generateOffers(input: GenerateOffersInput): Offer[] {
  if (input.products.length === 0) throw new RangeError('generateOffers needs at least one product');
  const random = seededRandom(input.seed);
  const from = input.from ?? '2026-01-01';
  const pools: Pools = {
    products: input.products,
    clientRefs: input.clients.map((c) => c.reference),
    groups: [...new Set(input.clients.flatMap((c) => (c.groupCode === null ? [] : [c.groupCode])))].sort(),
    places: [...new Set(input.clients.flatMap((c) => c.places))].sort(),
  };
  const perOffer = Math.floor(input.discounts / Math.max(input.offers, 1));
  const extra = input.discounts - perOffer * input.offers;
  return Array.from({ length: input.offers }, (_, i): Offer => {
    const publicProcurement = random.chance(0.15);
    const dated = publicProcurement || random.chance(0.5);
    const startDate = dated ? addDays(from, random.int(0, 300)) : null;
    const days = random.int(30, 365);
    const code = `GEN${String(i + 1).padStart(5, '0')}`;
    return {
      id: `gen-offer-${i + 1}` as OfferId,
      code,
      type: publicProcurement ? 'public_procurement' : 'commercial',
      title: publicProcurement ? `Marché public n°${i + 1}` : `Offre négociée ${code}`,
      ...pickScope(random, pools),
      startDate,
      endDate: startDate === null ? null : addDays(startDate, days),
      showInShop: random.chance(0.5),
      deletedAt: null,
      engagements: engagementsFor(random, startDate, days, perOffer + (i < extra ? 1 : 0), pools),
      updatedAt: `${from}T00:00:00.000Z`,
    };
  });
}
