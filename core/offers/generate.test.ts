import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../shared/ids.ts';
import { generateClients, generateProducts } from './generate-catalog.ts';
import { generateOffers } from './generate.ts';
import { anOffer } from './offer-builders.ts';
import { generateOfferCode, withOfferCode } from './offer-code.ts';
import { validateOffer } from './validate.ts';

const products = generateProducts({ seed: 1, count: 300 });
const clients = generateClients({ seed: 2, count: 500 });

describe('generateOffers', () => {
  it('gives the same offers for the same seed, and others for another seed', () => {
    const input = { seed: 7, offers: 50, discounts: 400, products, clients };
    expect(generateOffers(input)).toEqual(generateOffers(input));
    expect(generateOffers({ ...input, seed: 8 })).not.toEqual(generateOffers(input));
  });

  it('makes exactly the offers and discounts asked for, all valid', () => {
    const offers = generateOffers({ seed: 3, offers: 200, discounts: 2_003, products, clients });
    expect(offers).toHaveLength(200);
    expect(offers.flatMap((o) => o.engagements.flatMap((e) => e.discounts))).toHaveLength(2_003);
    for (const offer of offers) expect(validateOffer(offer, offers).errors, offer.code).toEqual([]);
    expect(new Set(offers.map((o) => o.scope))).toEqual(new Set(['ALL', 'GROUP', 'CLIENT', 'PLACE']));
  });

  it('aims offers at the given clients’ references, groups and places', () => {
    const refs = new Set(clients.map((c) => c.reference));
    const groups = new Set(clients.map((c) => c.groupCode));
    const places = new Set(clients.flatMap((c) => c.places));
    for (const offer of generateOffers({ seed: 4, offers: 100, discounts: 100, products, clients })) {
      if (offer.scope === 'CLIENT') expect(refs.has(offer.scopeCode ?? '')).toBe(true);
      if (offer.scope === 'GROUP') expect(groups.has(offer.scopeCode)).toBe(true);
      if (offer.scope === 'PLACE') expect(places.has(offer.scopeCode ?? '')).toBe(true);
    }
  });
});

describe('offer codes', () => {
  it('generates an alphanumeric code when the code is left empty, avoiding existing ones', () => {
    const ids = sequentialIds('id');
    expect(generateOfferCode(['OFID1'], ids)).toBe('OFID2');
    expect(withOfferCode(anOffer({ code: '' }), [anOffer({ code: 'ofid3' })], ids).code).toBe('OFID4');
    expect(withOfferCode(anOffer({ code: ' NOEL ' }), [], ids).code).toBe('NOEL');
  });
});
