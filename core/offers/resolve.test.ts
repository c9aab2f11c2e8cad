import { describe, expect, it } from 'vitest';
import { milli } from '../money/units.ts';
import { buildOfferIndex } from './index-offers.ts';
import type { Offer } from './offer.ts';
import { ON_CATALOG, aClient, aProduct, anEngagement, anOffer, anOfferWith, fixed, onFamily, onProduct, percent } from './offer-builders.ts';
import { offerRef, resolvePrice } from './resolve.ts';
import type { PricingRequest } from './resolve.ts';

const DAY = '2026-11-23';

function price(offers: readonly Offer[], request: Partial<PricingRequest> = {}) {
  return resolvePrice(buildOfferIndex(offers), { client: aClient(), product: aProduct(), date: DAY, quantity: milli(1000), ...request });
}

function verdicts(offers: readonly Offer[], request: Partial<PricingRequest> = {}): Record<string, string> {
  return Object.fromEntries(price(offers, request).explanation.steps.map((s) => [s.offerCode, s.verdict]));
}

describe('resolvePrice without any applicable offer', () => {
  it('keeps the list price and says that no offer covers the product', () => {
    const r = price([]);
    expect(r.unitPrice).toBe(5000);
    expect(r.listPrice).toBe(5000);
    expect(r.winner).toBeNull();
    expect(r.explanation.en).toBe('List price €50.00: no offer for this client covers product SKI-ESF-6J.');
    expect(r.explanation.fr).toBe('Prix catalogue 50,00 € : aucune offre de ce client ne couvre le produit SKI-ESF-6J.');
  });

  it('ignores offers made for another client, group or place entirely', () => {
    const r = price([
      anOfferWith('AUTRECLI', {}, { scope: 'CLIENT', scopeCode: 'CLI999' }),
      anOfferWith('AUTREGRP', {}, { scope: 'GROUP', scopeCode: 'GRP-X' }),
      anOfferWith('AUTRELIEU', {}, { scope: 'PLACE', scopeCode: 'ANNECY' }),
    ]);
    expect(r.unitPrice).toBe(5000);
    expect(r.explanation.steps).toEqual([]);
  });

  it('does not give GROUP offers to a client without a group', () => {
    const r = price([anOfferWith('GRP', {}, { scope: 'GROUP', scopeCode: 'GRP-CE' })], { client: aClient({ groupCode: null }) });
    expect(r.winner).toBeNull();
  });
});

describe('priority CLIENT > GROUP/PLACE > ALL (seed 002)', () => {
  const all = anOfferWith('TOUS', { value: fixed(3000) });
  const group = anOfferWith('GROUPE', { value: fixed(4200) }, { scope: 'GROUP', scopeCode: 'GRP-CE' });
  const place = anOfferWith('LIEU', { value: fixed(4100) }, { scope: 'PLACE', scopeCode: 'CHAMONIX' });
  const client = anOfferWith('CLIENT', { value: fixed(4500) }, { scope: 'CLIENT', scopeCode: 'CLI001' });

  it('applies the client offer even when the all-clients price is lower, and says why', () => {
    const r = price([all, group, place, client]);
    expect(r.unitPrice).toBe(4500);
    expect(r.winner?.offerCode).toBe('CLIENT');
    expect(verdicts([all, group, place, client])).toEqual({ CLIENT: 'applied', LIEU: 'lower_priority', GROUPE: 'lower_priority', TOUS: 'lower_priority' });
    expect(r.explanation.en).toContain('€45.00 from offer CLIENT');
    expect(r.explanation.en).toContain('offer TOUS (engagement 1, discount D1), €30.00, lower priority (all clients < client), although cheaper');
    expect(r.explanation.fr).toContain("l'offre TOUS (engagement 1, remise D1), 30,00 €, priorité inférieure (tous les clients < client), bien que moins chère");
  });

  it('puts group and place offers above all-clients offers', () => {
    expect(price([all, group]).winner?.offerCode).toBe('GROUPE');
    expect(price([all, place]).winner?.offerCode).toBe('LIEU');
  });

  it('treats group and place as one level: the cheaper wins between them', () => {
    expect(price([group, place]).unitPrice).toBe(4100);
    expect(verdicts([group, place])).toEqual({ LIEU: 'applied', GROUPE: 'higher_price' });
  });

  it('matches a place offer on any of the client’s places', () => {
    const r = price([place], { client: aClient({ places: ['ANNECY', 'CHAMONIX'] }) });
    expect(r.winner?.offerCode).toBe('LIEU');
  });
});

describe('family inheritance and specificity', () => {
  it('applies a discount on the product’s sub-family, family or super-family', () => {
    expect(price([anOfferWith('SOUS', { target: onFamily('sub', 'SKI-COURS'), value: percent(1000) })]).unitPrice).toBe(4500);
    expect(price([anOfferWith('FAM', { target: onFamily('family', 'SKI'), value: percent(2000) })]).unitPrice).toBe(4000);
    expect(price([anOfferWith('SUR', { target: onFamily('super', 'SPORT'), value: percent(3000) })]).unitPrice).toBe(3500);
    expect(price([anOfferWith('CAT', { target: ON_CATALOG, value: percent(5000) })]).unitPrice).toBe(2500);
  });

  it('compares family codes at the target’s own level only', () => {
    const wrongLevel = anOfferWith('MAUVAIS', { target: onFamily('sub', 'SKI') });
    expect(price([wrongLevel]).winner).toBeNull();
  });

  it('prefers the most specific target within a level, even when a broader one is cheaper', () => {
    const offers = [
      anOfferWith('CAT', { target: ON_CATALOG, value: fixed(1000) }),
      anOfferWith('SUR', { target: onFamily('super', 'SPORT'), value: fixed(1500) }),
      anOfferWith('FAM', { target: onFamily('family', 'SKI'), value: fixed(2000) }),
      anOfferWith('SOUS', { target: onFamily('sub', 'SKI-COURS'), value: fixed(2500) }),
      anOfferWith('PROD', { target: onProduct(), value: fixed(4900) }),
    ];
    const r = price(offers);
    expect(r.unitPrice).toBe(4900);
    expect(r.explanation.steps.map((s) => s.offerCode)).toEqual(['PROD', 'SOUS', 'FAM', 'SUR', 'CAT']);
    expect(new Set(r.explanation.steps.slice(1).map((s) => s.verdict))).toEqual(new Set(['less_specific']));
    expect(r.explanation.en).toContain('less specific target (sub-family SKI-COURS)');
    expect(price(offers.slice(0, 4)).winner?.offerCode).toBe('SOUS');
    expect(price(offers.slice(0, 3)).winner?.offerCode).toBe('FAM');
    expect(price(offers.slice(0, 2)).winner?.offerCode).toBe('SUR');
  });

  it('lets a higher scope level win over a more specific target', () => {
    const allOnProduct = anOfferWith('TOUS', { target: onProduct(), value: fixed(3000) });
    const clientOnCatalog = anOfferWith('CLI', { target: ON_CATALOG, value: percent(500) }, { scope: 'CLIENT', scopeCode: 'CLI001' });
    expect(price([allOnProduct, clientOnCatalog]).unitPrice).toBe(4750);
  });
});

describe('lowest price within the same level and specificity', () => {
  it('compares fixed prices and percentages by the price they give', () => {
    const tenPercent = anOfferWith('DIXPC', { value: percent(1000) });
    const fixed44 = anOfferWith('FIXE44', { value: fixed(4400) });
    const r = price([tenPercent, fixed44]);
    expect(r.unitPrice).toBe(4400);
    expect(r.explanation.en).toContain('offer DIXPC (engagement 1, discount D1), €45.00, higher price');
  });

  it('breaks an exact tie by offer code, whatever the order of the offers', () => {
    const a = anOfferWith('AAA', { value: fixed(4000) });
    const b = anOfferWith('BBB', { value: fixed(4000) });
    expect(price([b, a]).winner?.offerCode).toBe('AAA');
    expect(price([a, b]).winner?.offerCode).toBe('AAA');
    expect(verdicts([b, a])).toEqual({ AAA: 'applied', BBB: 'tie_break' });
  });

  it('breaks a tie inside one offer by engagement number then discount code', () => {
    const offer = anOffer({
      engagements: [
        anEngagement({ number: 2, discounts: [{ code: 'A', target: onProduct(), value: fixed(4000) }] }),
        anEngagement({ number: 1, discounts: [{ code: 'Z', target: onProduct(), value: fixed(4000) }, { code: 'B', target: onProduct(), value: fixed(4000) }] }),
      ],
    });
    expect(offerRef(price([offer]).winner ?? expect.fail('no winner'))).toBe('OFFRE1/1/B');
  });
});

describe('dates, deletion and minimum quantity', () => {
  const december = anOfferWith('DEC', { value: fixed(3900) }, { startDate: '2026-12-01', endDate: '2026-12-31' });

  it('applies an offer on its first and last day, not the day before or after', () => {
    expect(price([december], { date: '2026-12-01' }).unitPrice).toBe(3900);
    expect(price([december], { date: '2026-12-31' }).unitPrice).toBe(3900);
    expect(price([december], { date: '2026-11-30' }).unitPrice).toBe(5000);
    expect(price([december], { date: '2027-01-01' }).unitPrice).toBe(5000);
  });

  it('explains an offer out of its dates', () => {
    const r = price([december], { date: '2026-11-30' });
    expect(r.explanation.steps[0]?.verdict).toBe('out_of_offer_dates');
    expect(r.explanation.en).toBe(
      'List price €50.00: no offer applies on 2026-11-30. Not applicable: offer DEC (engagement 1, discount D1), outside the offer\'s dates (2026-12-01 to 2026-12-31).',
    );
    expect(r.explanation.fr).toContain("hors des dates de l'offre (du 01/12/2026 au 31/12/2026)");
  });

  it('applies an engagement only within its own narrower dates, bounds included', () => {
    const offer = anOffer({
      code: 'MARCHE',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      engagements: [anEngagement({ startDate: '2026-11-24', endDate: '2026-11-30', discounts: [{ code: 'LOT1', target: onProduct(), value: fixed(3000) }] })],
    });
    expect(price([offer], { date: '2026-11-24' }).unitPrice).toBe(3000);
    expect(price([offer], { date: '2026-11-30' }).unitPrice).toBe(3000);
    const before = price([offer], { date: DAY });
    expect(before.unitPrice).toBe(5000);
    expect(before.explanation.steps[0]?.verdict).toBe('out_of_engagement_dates');
  });

  it('ignores deleted offers but names them', () => {
    const deleted = anOfferWith('SUPPR', { value: fixed(1000) }, { deletedAt: '2026-11-20T10:00:00.000Z' });
    const live = anOfferWith('VIVANTE', { value: fixed(4500) });
    const r = price([deleted, live]);
    expect(r.unitPrice).toBe(4500);
    expect(verdicts([deleted, live])).toEqual({ VIVANTE: 'applied', SUPPR: 'deleted' });
    expect(r.explanation.en).toContain('offer SUPPR (engagement 1, discount D1), offer deleted');
  });

  it('applies a discount from its minimum quantity on', () => {
    const bulk = anOfferWith('VOLUME', { value: fixed(3500), minQuantity: milli(10_000) });
    expect(price([bulk], { quantity: milli(9_999) }).unitPrice).toBe(5000);
    expect(price([bulk], { quantity: milli(10_000) }).unitPrice).toBe(3500);
    expect(price([bulk], { quantity: milli(9_000) }).explanation.en).toContain('below its minimum quantity (10)');
  });

  it('applies a negotiated fixed price even above the list price', () => {
    expect(price([anOfferWith('CHER', { value: fixed(5500) })]).unitPrice).toBe(5500);
  });
});

describe('explanation length', () => {
  it('names the first three beaten candidates and counts the rest by reason', () => {
    const offers = Array.from({ length: 9 }, (_, i) => anOfferWith(`O${i}`, { value: fixed(4000 + i) }));
    const r = price(offers);
    expect(r.explanation.steps).toHaveLength(9);
    expect(r.explanation.en).toMatch(/and 5 more \(5 higher price\)\.$/);
    expect(r.explanation.fr).toMatch(/et 5 autres \(5 prix plus élevé\)\.$/);
  });
});
