import type { IsoDate } from '../shared/clock.ts';
import type { BasisPoints, Cents, Milli } from '../money/units.ts';
import type { DiscountTarget, DiscountValue, FamilyLevel, OfferScope } from './offer.ts';
import type { CandidateVerdict } from './resolution.ts';

/** The words one language needs to explain a price; sentences are assembled in explain.ts. */
export interface Wording {
  readonly money: (amount: Cents) => string;
  readonly percent: (rate: BasisPoints) => string;
  readonly quantity: (quantity: Milli) => string;
  readonly date: (date: IsoDate) => string;
  readonly window: (startDate: IsoDate | null, endDate: IsoDate | null) => string;
  readonly scope: (scope: OfferScope, code: string | null) => string;
  readonly level: (scope: OfferScope) => string;
  readonly target: (target: DiscountTarget) => string;
  readonly value: (value: DiscountValue) => string;
  /** An offer's discount; the title only for the winner, to keep the sentence short. */
  readonly offer: (code: string, title: string | null, engagement: number, discount: string) => string;
  readonly verdict: Readonly<Record<Exclude<CandidateVerdict, 'applied'>, string>>;
  readonly cheaper: string;
  readonly priceFrom: (price: string, offer: string, scope: string) => string;
  readonly discountOn: (value: string, target: string, list: string) => string;
  readonly beat: string;
  /** A colon with the language's spacing (French puts a space before it). */
  readonly colon: string;
  /** Between listed candidates (French puts a space before a semicolon). */
  readonly separator: string;
  readonly notApplicable: string;
  readonly andMore: (count: number, detail: string) => string;
  readonly noOffer: (list: string, product: string) => string;
  readonly noneInForce: (list: string, date: string) => string;
}

// Decimal text of an integer scaled by 10^digits, without trailing zeros unless `fixed`.
function scaled(value: number, digits: 2 | 3, separator: string, fixed: boolean): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const unit = digits === 2 ? 100 : 1000;
  const whole = Math.floor(abs / unit);
  let fraction = String(abs - whole * unit).padStart(digits, '0');
  if (!fixed) {
    let end = fraction.length;
    while (end > 0 && fraction[end - 1] === '0') end -= 1;
    fraction = fraction.slice(0, end);
  }
  return fraction ? `${sign}${whole}${separator}${fraction}` : `${sign}${whole}`;
}

const LEVEL_EN: Readonly<Record<FamilyLevel, string>> = { sub: 'sub-family', family: 'family', super: 'super-family' };
const LEVEL_FR: Readonly<Record<FamilyLevel, string>> = { sub: 'sous-famille', family: 'famille', super: 'sur-famille' };

function frenchDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** English wording; amounts like €45.00, dates ISO. */
export const ENGLISH: Wording = {
  money: (c) => (c < 0 ? `-€${scaled(-c, 2, '.', true)}` : `€${scaled(c, 2, '.', true)}`),
  percent: (r) => `${scaled(r, 2, '.', false)}%`,
  quantity: (q) => scaled(q, 3, '.', false),
  date: (d) => d,
  window: (start, end) => (start && end ? `${start} to ${end}` : start ? `from ${start}` : end ? `until ${end}` : 'no dates'),
  scope: (s, code) => (s === 'ALL' ? 'all clients' : `${s === 'GROUP' ? 'group' : s === 'CLIENT' ? 'client' : 'place'} ${code ?? '?'}`),
  level: (s) => (s === 'ALL' ? 'all clients' : s === 'CLIENT' ? 'client' : 'group/place'),
  target: (t) => (t.kind === 'product' ? `product ${t.ref}` : t.kind === 'catalog' ? 'the whole catalog' : `${LEVEL_EN[t.level]} ${t.code}`),
  value: (v) => (v.kind === 'fixed' ? `fixed price ${ENGLISH.money(v.unitPrice)}` : `${ENGLISH.percent(v.rate)} off`),
  offer: (code, title, engagement, discount) => `offer ${code}${title === null ? '' : ` “${title}”`} (engagement ${engagement}, discount ${discount})`,
  verdict: {
    lower_priority: 'lower priority',
    less_specific: 'less specific target',
    higher_price: 'higher price',
    tie_break: 'same price, placed after by codes',
    out_of_offer_dates: "outside the offer's dates",
    out_of_engagement_dates: "outside the engagement's dates",
    below_min_quantity: 'below its minimum quantity',
    deleted: 'offer deleted',
  },
  cheaper: 'although cheaper',
  priceFrom: (price, offer, scope) => `${price} from ${offer}, scope ${scope}`,
  discountOn: (value, target, list) => `: ${value} on ${target} (list price ${list}).`,
  beat: 'It beat',
  colon: ': ',
  separator: '; ',
  notApplicable: 'Not applicable',
  andMore: (count, detail) => `and ${count} more (${detail})`,
  noOffer: (list, product) => `List price ${list}: no offer for this client covers product ${product}.`,
  noneInForce: (list, date) => `List price ${list}: no offer applies on ${date}.`,
};

/** French wording; amounts like 45,00 €, dates jj/mm/aaaa. */
export const FRENCH: Wording = {
  money: (c) => `${scaled(c, 2, ',', true)} €`,
  percent: (r) => `${scaled(r, 2, ',', false)} %`,
  quantity: (q) => scaled(q, 3, ',', false),
  date: frenchDate,
  window: (start, end) =>
    start && end ? `du ${frenchDate(start)} au ${frenchDate(end)}` : start ? `à partir du ${frenchDate(start)}` : end ? `jusqu'au ${frenchDate(end)}` : 'sans dates',
  scope: (s, code) => (s === 'ALL' ? 'tous les clients' : `${s === 'GROUP' ? 'groupe' : s === 'CLIENT' ? 'client' : 'lieu'} ${code ?? '?'}`),
  level: (s) => (s === 'ALL' ? 'tous les clients' : s === 'CLIENT' ? 'client' : 'groupe/lieu'),
  target: (t) => (t.kind === 'product' ? `le produit ${t.ref}` : t.kind === 'catalog' ? 'tout le catalogue' : `la ${LEVEL_FR[t.level]} ${t.code}`),
  value: (v) => (v.kind === 'fixed' ? `prix fixe ${FRENCH.money(v.unitPrice)}` : `remise de ${FRENCH.percent(v.rate)}`),
  offer: (code, title, engagement, discount) => `l'offre ${code}${title === null ? '' : ` « ${title} »`} (engagement ${engagement}, remise ${discount})`,
  verdict: {
    lower_priority: 'priorité inférieure',
    less_specific: 'cible moins précise',
    higher_price: 'prix plus élevé',
    tie_break: 'même prix, départagée par les codes',
    out_of_offer_dates: "hors des dates de l'offre",
    out_of_engagement_dates: "hors des dates de l'engagement",
    below_min_quantity: 'quantité minimum non atteinte',
    deleted: 'offre supprimée',
  },
  cheaper: 'bien que moins chère',
  priceFrom: (price, offer, scope) => `${price} par ${offer}, périmètre ${scope}`,
  discountOn: (value, target, list) => ` : ${value} sur ${target} (prix catalogue ${list}).`,
  beat: "Elle l'emporte sur",
  colon: ' : ',
  separator: ' ; ',
  notApplicable: 'Non applicables',
  andMore: (count, detail) => `et ${count} autres (${detail})`,
  noOffer: (list, product) => `Prix catalogue ${list} : aucune offre de ce client ne couvre le produit ${product}.`,
  noneInForce: (list, date) => `Prix catalogue ${list} : aucune offre ne s'applique le ${date}.`,
};
