import { bp, cents, milli } from '../money/units.ts';
import type { Discount, DiscountTarget, DiscountValue, Engagement, Offer } from '../offers/offer.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { OfferId } from '../shared/ids.ts';
import { dateFrom, daysBefore } from './demo-time.ts';

const product = (ref: string): DiscountTarget => ({ kind: 'product', ref });
const family = (level: 'super' | 'family' | 'sub', code: string): DiscountTarget => ({ kind: 'family', level, code });
const CATALOG: DiscountTarget = { kind: 'catalog' };
const fixed = (unitPrice: number): DiscountValue => ({ kind: 'fixed', unitPrice: cents(unitPrice) });
const percent = (rate: number): DiscountValue => ({ kind: 'percent', rate: bp(rate) });

function discount(code: string, target: DiscountTarget, value: DiscountValue, minQuantity?: number): Discount {
  return minQuantity === undefined ? { code, target, value } : { code, target, value, minQuantity: milli(minQuantity * 1000) };
}

function engagement(number: number, discounts: readonly Discount[], dates: readonly [string, string] | null = null): Engagement {
  return { number, startDate: dates?.[0] ?? null, endDate: dates?.[1] ?? null, discounts };
}

type OfferFields = Omit<Offer, 'id' | 'deletedAt' | 'updatedAt'> & { readonly deletedAt?: IsoInstant | null };

/**
 * The demo's offers (seed 002), dated around `now`: one for everybody, several per group (works
 * councils, schools, clubs, loyal customers), one negotiated with a tour operator, one per
 * collection place, two public procurement contracts with dated lots, and one deleted offer that
 * can still be restored. Prices in discounts are HT, like the catalog's.
 */
export function demoOffers(now: IsoInstant): Offer[] {
  const season: readonly [string, string] = [dateFrom(now, -30), dateFrom(now, 200)];
  const februaryHolidays: readonly [string, string] = [dateFrom(now, 75), dateFrom(now, 105)];
  const offers: OfferFields[] = [
    {
      code: 'HIVER27', type: 'commercial', title: 'Hiver 2026-2027 : -5 % sur les appartements', scope: 'ALL', scopeCode: null,
      scopeLabel: 'Tous les clients', startDate: season[0], endDate: season[1], showInShop: true,
      engagements: [engagement(1, [discount('APP5', family('family', 'HEB-APP'), percent(500))])],
    },
    {
      code: 'CE2027', type: 'commercial', title: 'Partenariat comités d’entreprise 2026-2027', scope: 'GROUP', scopeCode: 'CEPART',
      scopeLabel: 'Comités d’entreprise partenaires', startDate: season[0], endDate: season[1], showInShop: true,
      engagements: [
        engagement(1, [
          discount('RM6ADU', product('RM-6J-ADU'), fixed(27_000)),
          discount('RM6ENF', product('RM-6J-ENF'), fixed(21_500)),
          discount('LOCSKI', family('family', 'LOC-SKI'), percent(1500)),
        ]),
        engagement(2, [discount('HEB8', family('super', 'HEB'), percent(800))], februaryHolidays),
      ],
    },
    {
      code: 'SCOLAIRE27', type: 'commercial', title: 'Tarifs scolaires', scope: 'GROUP', scopeCode: 'SCOLAIRE',
      scopeLabel: 'Établissements scolaires', startDate: null, endDate: null, showInShop: false,
      engagements: [engagement(1, [
        discount('CLASSE', product('PACK-CLASSE-5J'), fixed(34_500)),
        discount('ESFENF', family('sub', 'SKI-COLL-ENF'), percent(2000)),
      ])],
    },
    {
      code: 'CLUBS27', type: 'commercial', title: 'Clubs sportifs : forfaits à partir de 10 personnes', scope: 'GROUP', scopeCode: 'CLUBS',
      scopeLabel: 'Clubs et associations sportives', startDate: season[0], endDate: season[1], showInShop: true,
      engagements: [engagement(1, [discount('RM12', family('super', 'RM'), percent(1200), 10)])],
    },
    {
      code: 'FIDELE', type: 'commercial', title: 'Clients fidèles : -7 % sur l’école de ski', scope: 'GROUP', scopeCode: 'FIDELITE',
      scopeLabel: 'Clients fidèles (3 saisons et plus)', startDate: null, endDate: null, showInShop: true,
      engagements: [engagement(1, [discount('ESF7', family('super', 'SKI'), percent(700))])],
    },
    {
      code: 'ALTITUDE27', type: 'commercial', title: 'Contrat Voyages Altitude 2026-2027', scope: 'CLIENT', scopeCode: 'CLI-000107',
      scopeLabel: 'Voyages Altitude', startDate: season[0], endDate: season[1], showInShop: false,
      engagements: [engagement(1, [
        discount('APP6', product('HEB-APP6-7N'), fixed(95_000)),
        discount('TOUT10', CATALOG, percent(1000)),
      ])],
    },
    {
      code: 'RETRAITVC', type: 'commercial', title: 'Retrait au Val Claret : -10 % sur la location', scope: 'PLACE', scopeCode: 'VALCLARET',
      scopeLabel: 'Val Claret, point retrait', startDate: null, endDate: null, showInShop: true,
      engagements: [engagement(1, [discount('LOC10', family('super', 'LOC'), percent(1000))])],
    },
    {
      code: 'MPVILLEURBANNE', type: 'public_procurement', title: 'Marché public classes de neige Ville de Villeurbanne, lots 1 et 2',
      scope: 'CLIENT', scopeCode: 'CLI-000112', scopeLabel: 'Ville de Villeurbanne, direction de l’éducation',
      startDate: dateFrom(now, -20), endDate: dateFrom(now, 220), showInShop: false,
      engagements: [
        engagement(1, [discount('CLASSE', product('PACK-CLASSE-5J'), fixed(33_000))], [dateFrom(now, 30), dateFrom(now, 90)]),
        engagement(2, [
          discount('CLASSE', product('PACK-CLASSE-5J'), fixed(31_500)),
          discount('CVPC', product('HEB-CV-PC'), fixed(5_000)),
        ], [dateFrom(now, 91), dateFrom(now, 150)]),
      ],
    },
    {
      code: 'MPISERE', type: 'public_procurement', title: 'Marché public séjours jeunesse Département de l’Isère',
      scope: 'GROUP', scopeCode: 'COLLECTIVITES', scopeLabel: 'Collectivités publiques',
      startDate: dateFrom(now, -60), endDate: dateFrom(now, 300), showInShop: false,
      engagements: [engagement(1, [
        discount('RM1ENF', product('RM-1J-ENF'), fixed(3_900)),
        discount('ESF10', family('family', 'SKI-COLL'), percent(1000)),
      ])],
    },
    {
      code: 'NOEL2025', type: 'commercial', title: 'Noël 2025 : navette offerte', scope: 'ALL', scopeCode: null,
      scopeLabel: 'Tous les clients', startDate: dateFrom(now, -340), endDate: dateFrom(now, -320), showInShop: true,
      deletedAt: daysBefore(now, 12, 16, 30),
      engagements: [engagement(1, [discount('NAV', product('TRANS-GARE-AR'), percent(10000))])],
    },
  ];
  const updatedAt = daysBefore(now, 45, 10);
  return offers.map((offer) => {
    const deletedAt = offer.deletedAt ?? null;
    // Deleting is the last write to a deleted offer.
    return { ...offer, id: `offer-${offer.code}` as OfferId, deletedAt, updatedAt: deletedAt ?? updatedAt };
  });
}
