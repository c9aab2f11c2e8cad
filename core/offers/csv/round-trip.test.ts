import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fixedClock } from '../../shared/clock.ts';
import type { IsoDate } from '../../shared/clock.ts';
import type { OfferId } from '../../shared/ids.ts';
import { sequentialIds } from '../../shared/ids.ts';
import { unwrap } from '../../shared/result.ts';
import { bp, cents, milli } from '../../money/units.ts';
import { generateClients, generateProducts } from '../generate-catalog.ts';
import { generateOffers } from '../generate.ts';
import type { Discount, DiscountTarget, Engagement, Offer } from '../offer.ts';
import { codeKey } from '../offer-code.ts';
import { exportDiscountsCsv } from './discounts-csv.ts';
import { planDiscountsImport } from './discounts-csv-import.ts';
import { applyImport } from './import-plan.ts';
import { ALL_CLIENTS_LABEL, exportOffersCsv } from './offers-csv.ts';
import { planOffersImport } from './offers-csv-import.ts';

const clock = fixedClock('2026-11-23T10:00:00.000Z');
const code = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);
const ref = fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{0,11}$/);
// Titles and labels with everything CSV and spreadsheets find awkward: separators, quotes, line
// breaks, accents, formula triggers, leading apostrophes and spaces.
const text = fc.string({ unit: fc.constantFrom('a', 'Z', 'é', 'œ', '€', ';', ',', '"', "'", '=', '+', '-', '@', ' ', '\n', '\r', '\t', '1'), maxLength: 20 });
const title = text.filter((t) => t.trim() !== '');
const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2025-01-01', n));

const target: fc.Arbitrary<DiscountTarget> = fc.oneof(
  ref.map((r) => ({ kind: 'product' as const, ref: r })),
  fc.tuple(fc.constantFrom('super' as const, 'family' as const, 'sub' as const), ref).map(([level, c]) => ({ kind: 'family' as const, level, code: c })),
  fc.constant({ kind: 'catalog' as const }),
);

const discount = (discountCode: string): fc.Arbitrary<Discount> =>
  fc
    .record({
      target,
      value: fc.oneof(fc.integer({ min: 1, max: 10_000_000 }).map((c) => ({ kind: 'fixed' as const, unitPrice: cents(c) })), fc.integer({ min: 1, max: 10000 }).map((r) => ({ kind: 'percent' as const, rate: bp(r) }))),
      minQuantity: fc.option(fc.integer({ min: 1, max: 1_000_000 }).map(milli), { nil: undefined }),
    })
    .map(({ minQuantity, ...rest }) => (minQuantity === undefined ? { code: discountCode, ...rest } : { code: discountCode, ...rest, minQuantity }));

function engagements(start: IsoDate | null, end: IsoDate | null): fc.Arbitrary<Engagement[]> {
  const inside = (from: IsoDate | null, to: IsoDate | null) => (from && to ? fc.integer({ min: 0, max: 30 }).map((n) => (addDays(from, n) <= to ? addDays(from, n) : to)) : day);
  return fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 3 }).chain((numbers) =>
    fc.tuple(
      ...numbers.map((number) =>
        fc
          .record({ dated: fc.boolean(), codes: fc.uniqueArray(code, { maxLength: 3, selector: codeKey }) })
          .chain(({ dated, codes }) =>
            fc.tuple(dated && start && end ? inside(start, end) : fc.constant(null), fc.tuple(...codes.map(discount))).map(([s, list]) => ({ number, startDate: s, endDate: s === null ? null : end, discounts: list })),
          ),
      ),
    ),
  );
}

const offers: fc.Arbitrary<Offer[]> = fc.uniqueArray(code, { minLength: 1, maxLength: 6, selector: codeKey }).chain((codes) =>
  fc.tuple(
    ...codes.map((c, i) =>
      fc
        .record({
          publicProcurement: fc.boolean(),
          title,
          scope: fc.constantFrom('ALL' as const, 'GROUP' as const, 'CLIENT' as const, 'PLACE' as const),
          scopeCode: ref,
          scopeLabel: text,
          start: fc.option(day, { nil: null }),
          length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
          showInShop: fc.boolean(),
        })
        .chain((o) => {
          const startDate = o.publicProcurement ? (o.start ?? '2026-01-01') : o.start;
          const endDate = startDate && (o.publicProcurement || o.length !== null) ? addDays(startDate, o.length ?? 30) : o.start === null && o.length !== null ? addDays('2026-06-01', o.length) : null;
          return engagements(startDate, endDate).map(
            (list): Offer => ({
              id: `offer-${i}` as OfferId,
              code: c,
              type: o.publicProcurement ? 'public_procurement' : 'commercial',
              title: o.title,
              scope: o.scope,
              scopeCode: o.scope === 'ALL' ? null : o.scopeCode,
              scopeLabel: o.scope === 'ALL' ? ALL_CLIENTS_LABEL : o.scopeLabel,
              startDate,
              endDate,
              showInShop: o.showInShop,
              deletedAt: null,
              engagements: list,
              updatedAt: '2026-01-01T00:00:00.000Z',
            }),
          );
        }),
    ),
  ),
);

function roundTrip(source: readonly Offer[]): void {
  const offersCsv = exportOffersCsv(source);
  const discountsCsv = exportDiscountsCsv(source);
  const offersPlan = planOffersImport(offersCsv, [], { ids: sequentialIds('new'), clock });
  expect(offersPlan.errors).toEqual([]);
  const created = unwrap(applyImport([], offersPlan));
  expect(exportOffersCsv(created)).toBe(offersCsv);
  const discountsPlan = planDiscountsImport(discountsCsv, created, { clock });
  expect(discountsPlan.errors).toEqual([]);
  const filled = unwrap(applyImport(created, discountsPlan));
  expect(exportDiscountsCsv(filled)).toBe(discountsCsv);
  expect(exportOffersCsv(filled)).toBe(offersCsv);
  expect(planOffersImport(offersCsv, filled, { ids: sequentialIds('new'), clock })).toMatchObject({ toCreate: [], toUpdate: [], errors: [] });
  expect(planDiscountsImport(discountsCsv, filled, { clock })).toMatchObject({ toUpdate: [], errors: [] });
}

describe('CSV round trip: export → import → export is byte-identical', () => {
  it('holds for arbitrary valid offers, awkward text included', () => {
    fc.assert(fc.property(offers, roundTrip), { numRuns: 200 });
  });

  it('holds for generated offer sets', () => {
    const products = generateProducts({ seed: 11, count: 200 });
    const clients = generateClients({ seed: 12, count: 300 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => roundTrip(generateOffers({ seed, offers: 30, discounts: 200, products, clients }))),
      { numRuns: 20 },
    );
  });
});
