import type { Product } from '../catalog/product.ts';
import { bp, cents, milli } from '../money/units.ts';
import type { QuoteContext } from '../quote/context.ts';
import { createDraft } from '../quote/draft.ts';
import { send } from '../quote/lifecycle.ts';
import { addCommentLine, addFeeLine, addMiscLine, addProductLine } from '../quote/lines.ts';
import type { PriceMode, Quote } from '../quote/quote.ts';
import { setDepositRate, setFooterDiscount } from '../quote/quote-edit.ts';
import { requestNegotiation } from '../quote/negotiation.ts';
import { quoteSettings } from '../quote/settings.ts';
import { fixedClock } from '../shared/clock.ts';
import type { DossierId, ProductId } from '../shared/ids.ts';
import { sequentialIds } from '../shared/ids.ts';
import { unwrap } from '../shared/result.ts';
import type { CompanyInfo, DocumentLanguage, QuotePdfInput } from './quote-pdf-input.ts';

// Quotes and sellers for the PDF tests and the PDF benchmark, built through the quote operations so
// their totals are the real ones; deliberately not re-exported from index.ts.

export const PDF_NOW = '2026-03-02T09:00:00.000Z';

export const A_COMPANY: CompanyInfo = {
  name: 'Comptoir des Neiges',
  addressLines: ['145 route du Col', '73320 Tignes'],
  phone: '04 79 40 12 34',
  email: 'reservations@comptoir-des-neiges.fr',
  website: 'www.comptoir-des-neiges.fr',
  siret: '812 345 678 00021',
  vatNumber: 'FR45812345678',
  legalMention: 'SAS au capital de 30 000 € - RCS Chambéry 812 345 678 - Atout France IM073120045',
};

function context(): QuoteContext {
  return { clock: fixedClock(PDF_NOW), ids: sequentialIds('pdf'), settings: quoteSettings() };
}

function product(ref: string, label: string, unitPrice: number, vatRate: number): Product {
  return {
    id: `product-${ref}` as ProductId,
    ref,
    label,
    labelEn: label,
    family: { superFamily: null, family: null, subFamily: null },
    tags: [],
    unitPrice: cents(unitPrice),
    vatRate: bp(vatRate),
    unit: 'unité',
    sellable: true,
    stock: 'not_tracked',
    updatedAt: PDF_NOW,
  };
}

function draft(priceMode: PriceMode, ctx: QuoteContext): Quote {
  return unwrap(createDraft({ dossierId: 'dossier-pdf' as DossierId, number: 'Q-2026-000123', priceMode }, ctx));
}

/**
 * A works council's seminar in HT: lines at 20 %, 10 % and 5.5 %, a line discount of each kind, a
 * misc line, a fee, a comment, a 5 % footer discount, a 40 % deposit; sent, with a negotiation request.
 */
export function aB2bQuote(): Quote {
  const ctx = context();
  let q = draft('HT', ctx);
  q = unwrap(addProductLine(q, { product: product('SEM-SALLE-J', 'Location salle de séminaire, journée', 45_000, 2000), quantity: milli(2000) }, ctx));
  q = unwrap(addProductLine(q, { product: product('HEB-HOT3-DP', 'Hôtel 3* demi-pension, chambre double', 9_800, 1000), quantity: milli(24_000), discount: { kind: 'percent', rate: bp(1000) } }, ctx));
  q = unwrap(addProductLine(q, { product: product('REST-PANIER', 'Panier repas montagne', 1_450, 550), quantity: milli(48_000) }, ctx));
  q = unwrap(addCommentLine(q, { text: 'Transfert depuis la gare de Bourg-Saint-Maurice inclus le premier jour.' }, ctx));
  q = unwrap(addMiscLine(q, { label: 'Soirée raclette au refuge avec animation musicale', unitPrice: cents(3_250), quantity: milli(24_000), vatRate: bp(1000), discount: { kind: 'amount', amount: cents(5_000) } }, ctx));
  q = unwrap(addFeeLine(q, { label: 'Frais de dossier', amount: cents(4_500), vatRate: bp(2000) }, ctx));
  q = unwrap(setFooterDiscount(q, { kind: 'percent', rate: bp(500) }, ctx));
  q = unwrap(setDepositRate(q, bp(4000), ctx));
  q = unwrap(send(q, ctx));
  return unwrap(requestNegotiation(q, 'Le CE souhaite un geste sur la salle si le groupe dépasse 30 personnes.', ctx));
}

/** A family ski week in TTC: flat at 10 %, lift passes, ESF lessons and rental at 20 %, tourist tax at 0 %. */
export function aTourismQuote(): Quote {
  const ctx = context();
  let q = draft('TTC', ctx);
  q = unwrap(addProductLine(q, { product: product('HEB-APP6-7N', 'Appartement 6 personnes, 7 nuits, résidence Le Chamois', 109_091, 1000), quantity: milli(1000) }, ctx));
  q = unwrap(addProductLine(q, { product: product('RM-6J-ADU', 'Forfait remontées mécaniques 6 jours adulte', 26_727, 1000), quantity: milli(2000) }, ctx));
  q = unwrap(addProductLine(q, { product: product('RM-6J-ENF', 'Forfait remontées mécaniques 6 jours enfant (5-12 ans)', 21_364, 1000), quantity: milli(2000) }, ctx));
  q = unwrap(addProductLine(q, { product: product('ESF-COLL-6M', 'Cours collectifs ESF enfant, 6 matinées', 15_417, 2000), quantity: milli(2000) }, ctx));
  q = unwrap(addProductLine(q, { product: product('LOC-SKI-ADU', 'Location pack ski + chaussures adulte, 6 jours', 9_500, 2000), quantity: milli(2000), discount: { kind: 'percent', rate: bp(1500) } }, ctx));
  q = unwrap(addFeeLine(q, { label: 'Taxe de séjour (4 adultes x 7 nuits)', amount: cents(4_620), vatRate: bp(0) }, ctx));
  return unwrap(send(q, ctx));
}

const LONG_CATALOG = [
  product('RM-6J-ADU', 'Forfait remontées mécaniques 6 jours adulte', 26_727, 1000),
  product('ESF-PART-2H', 'Cours particulier de ski ESF, 2 heures, moniteur diplômé d’État, matériel non compris', 9_500, 2000),
  product('LOC-SNOW', 'Location snowboard + boots', 2_400, 2000),
  product('HEB-HOT-NUIT', 'Nuitée hôtel 3* en chambre double avec petit-déjeuner', 12_500, 1000),
  product('ACT-CHIENS-TRAIN-1H', 'Balade en chiens de traîneau, 1 heure, départ du Lac de Tignes', 7_000, 2000),
  product('REST-PANIER', 'Panier repas', 1_450, 550),
];

/** A group seminar quote of `lines` lines (products, misc, fees and a comment every 25 lines). */
export function aLongQuote(lines = 200): Quote {
  const ctx = context();
  let q = draft('HT', ctx);
  for (let i = 0; i < lines; i += 1) {
    if (i % 25 === 24) q = unwrap(addCommentLine(q, { text: `Jour ${Math.ceil(i / 25)} : programme confirmé, horaires communiqués la veille.` }, ctx));
    else if (i % 17 === 16) q = unwrap(addFeeLine(q, { label: 'Transfert autocar', amount: cents(35_000 + i), vatRate: bp(1000) }, ctx));
    else if (i % 11 === 10) q = unwrap(addMiscLine(q, { label: `Prestation sur mesure n°${i + 1}`, unitPrice: cents(1_000 + i * 7), quantity: milli(1500), vatRate: bp(2000) }, ctx));
    else {
      const item = LONG_CATALOG[i % LONG_CATALOG.length] as Product;
      const discount = i % 3 === 0 ? { kind: 'percent' as const, rate: bp(500) } : null;
      q = unwrap(addProductLine(q, { product: item, quantity: milli(1000 + (i % 9) * 1000), discount }, ctx));
    }
  }
  return unwrap(setFooterDiscount(q, { kind: 'amount', amount: cents(50_000) }, ctx));
}

/** The PDF input for `quote`, addressed to a works council (or a family for a TTC quote). */
export function aPdfInput(quote: Quote, language: DocumentLanguage = 'fr', overrides: Partial<QuotePdfInput> = {}): QuotePdfInput {
  const business = quote.priceMode === 'HT';
  return {
    quote,
    company: A_COMPANY,
    client: business
      ? { name: 'M. Karim Benali', company: 'CE Alpes Industries', addressLines: ['8 avenue des Usines', '38000 Grenoble'], email: 'ce@alpes-industries.fr', phone: '+33 4 76 00 11 22', reference: 'CLI-000412', vatNumber: 'FR23498765432' }
      : { name: 'Mme Hélène Dupré', addressLines: ['27 rue Paul Bert', '69003 Lyon'], email: 'helene.dupre@example.fr', phone: '+33 6 12 34 56 78', reference: 'CLI-000731' },
    language,
    createdAt: PDF_NOW,
    subject: business ? 'Séminaire CE, 24 participants' : 'Semaine ski février, 2 adultes et 2 enfants',
    dossierNumber: 'D-2026-000042',
    stay: business ? null : { start: '2027-02-06', end: '2027-02-13' },
    ...overrides,
  };
}
