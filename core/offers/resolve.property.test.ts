import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/clock.ts';
import { milli } from '../money/units.ts';
import { discountedPrice } from './discount-price.ts';
import { generateClients, generateProducts } from './generate-catalog.ts';
import { generateOffers } from './generate.ts';
import { withinWindow } from './in-force.ts';
import { buildOfferIndex } from './index-offers.ts';
import type { Offer } from './offer.ts';
import { offerRef, resolvePrice } from './resolve.ts';
import type { PricingRequest } from './resolve.ts';
import { scopeLevel, scopeMatchesClient } from './scope.ts';
import { targetCoversProduct, targetSpecificity } from './target.ts';

const products = generateProducts({ seed: 21, count: 60, shape: [3, 2, 2] });
const clients = generateClients({ seed: 22, count: 40, groups: 4, places: 3 });

// The rules of DESIGN §6 written as plainly as possible, with no index: the reference the engine
// must agree with.
function naive(offers: readonly Offer[], request: PricingRequest): { price: number; ref: string | null } {
  const candidates = offers.flatMap((offer) =>
    offer.deletedAt !== null || !scopeMatchesClient(offer, request.client) || !withinWindow(request.date, offer)
      ? []
      : offer.engagements.flatMap((engagement) =>
          !withinWindow(request.date, engagement)
            ? []
            : engagement.discounts
                .filter((d) => targetCoversProduct(d.target, request.product) && (d.minQuantity === undefined || d.minQuantity <= request.quantity))
                .map((d) => ({
                  key: [-scopeLevel(offer.scope), -targetSpecificity(d.target), discountedPrice(request.product.unitPrice, d.value)] as const,
                  codes: [offer.code, engagement.number, d.code] as const,
                  price: discountedPrice(request.product.unitPrice, d.value),
                })),
        ),
  );
  candidates.sort((a, b) => {
    for (let i = 0; i < 3; i += 1) if (a.key[i] !== b.key[i]) return (a.key[i] ?? 0) - (b.key[i] ?? 0);
    const [ac, ae, ad] = a.codes;
    const [bc, be, bd] = b.codes;
    return ac < bc ? -1 : ac > bc ? 1 : ae !== be ? ae - be : ad < bd ? -1 : ad > bd ? 1 : 0;
  });
  const best = candidates[0];
  return best ? { price: best.price, ref: best.codes.join('/') } : { price: request.product.unitPrice, ref: null };
}

describe('resolvePrice agrees with a plain reading of the rules', () => {
  it('on generated offers, for any client, product, day and quantity, whatever the order of the offers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.nat(clients.length - 1),
        fc.nat(products.length - 1),
        fc.integer({ min: -30, max: 800 }),
        fc.integer({ min: 1, max: 25 }),
        fc.boolean(),
        (seed, c, p, d, q, deleteSome) => {
          let offers = generateOffers({ seed, offers: 60, discounts: 400, products, clients });
          if (deleteSome) offers = offers.map((o, i) => (i % 7 === 0 ? { ...o, deletedAt: '2026-01-02T00:00:00.000Z' } : o));
          const request = { client: clients[c] ?? clients[0]!, product: products[p] ?? products[0]!, date: addDays('2026-01-01', d), quantity: milli(q * 1000) };
          const expected = naive(offers, request);
          const forward = resolvePrice(buildOfferIndex(offers), request);
          const backward = resolvePrice(buildOfferIndex([...offers].reverse()), request);
          expect(forward.unitPrice).toBe(expected.price);
          expect(forward.winner ? offerRef(forward.winner) : null).toBe(expected.ref);
          expect(backward).toEqual(forward);
        },
      ),
      { numRuns: 150 },
    );
  });
});
