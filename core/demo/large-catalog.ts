import type { Client, ClientKind } from '../clients/client.ts';
import type { Product } from '../catalog/product.ts';
import { cents } from '../money/units.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { ClientId, ProductId, UserId } from '../shared/ids.ts';
import { docRandom, streamId, weighted } from './demo-random.ts';
import { emailLocalPart, FIRST_NAMES_F, FIRST_NAMES_M, frenchPhone, LAST_NAMES, TOWNS } from './french-names.ts';
import { tourismCatalog } from './tourism-catalog.ts';
import { familyPathOf, subFamilyCodes } from './tourism-families.ts';

/**
 * Products and customers of the benchmark dataset (DESIGN §13), one document per index: each is
 * drawn from its own random stream, so document 9 999 costs what document 0 costs and nothing has
 * to be held in memory to produce it.
 */

const PRODUCTS = streamId('large/products');
const CLIENTS = streamId('large/clients');

/** A desk of 20 agents in four teams, so per-agent and per-team views have something to filter. */
export const LARGE_TEAMS = ['accueil', 'groupes', 'nord', 'sud'] as const;
export const LARGE_AGENT_COUNT = 20;

export function largeAgent(index: number): { readonly id: UserId; readonly team: string; readonly name: string } {
  const n = index % LARGE_AGENT_COUNT;
  const first = n % 2 === 0 ? FIRST_NAMES_F[n % FIRST_NAMES_F.length] : FIRST_NAMES_M[n % FIRST_NAMES_M.length];
  return {
    id: `agent-${String(n + 1).padStart(2, '0')}` as UserId,
    team: LARGE_TEAMS[n % LARGE_TEAMS.length] ?? 'accueil',
    name: `${first ?? 'Agent'} ${LAST_NAMES[(n * 7) % LAST_NAMES.length] ?? ''}`.trim(),
  };
}

/** 50 client groups (works councils, schools, clubs) and 30 collection places, by code. */
export const LARGE_GROUPS: readonly string[] = [
  ...Array.from({ length: 30 }, (_, i) => `CE${String(i + 1).padStart(3, '0')}`),
  ...Array.from({ length: 10 }, (_, i) => `SCOL${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 10 }, (_, i) => `CLUB${String(i + 1).padStart(2, '0')}`),
];
export const LARGE_PLACES: readonly string[] = Array.from({ length: 30 }, (_, i) => `PL${String(i + 1).padStart(2, '0')}`);

// The demo catalog gives each sub-family its real services; large products are variants of them.
const TEMPLATES = tourismCatalog('2026-01-01T00:00:00.000Z');
const SUB_FAMILIES = subFamilyCodes();
const TEMPLATES_BY_SUB_FAMILY = new Map(SUB_FAMILIES.map((code) => [code, TEMPLATES.filter((p) => p.family.subFamily === code)]));
const VARIANTS = ['formule confort', 'formule éco', 'haute saison', 'basse saison', 'week-end', 'groupe', 'premium', 'tribu', 'semaine', 'flex'];

/** Product `index` (0-based) of the large catalog: ref `SUBFAMILY-000123`, priced around its template. */
export function largeProduct(seed: number, index: number, updatedAt: IsoInstant): Product {
  const random = docRandom(seed, PRODUCTS, index);
  const subFamily = SUB_FAMILIES[index % SUB_FAMILIES.length] ?? 'DIV-SERV-FRAIS';
  const path = familyPathOf(subFamily);
  const candidates = TEMPLATES_BY_SUB_FAMILY.get(subFamily) ?? [];
  const template = random.pick(candidates.length > 0 ? candidates : TEMPLATES);
  const variant = random.pick(VARIANTS);
  return {
    id: `product-${String(index + 1).padStart(6, '0')}` as ProductId,
    ref: `${subFamily}-${String(index + 1).padStart(6, '0')}`,
    label: `${template.label}, ${variant}`,
    labelEn: `${template.labelEn}, ${variant}`,
    family: path,
    tags: [...template.tags],
    unitPrice: cents(Math.max(100, Math.round((template.unitPrice * random.int(70, 140)) / 100))),
    vatRate: template.vatRate,
    unit: template.unit,
    sellable: random.chance(0.98),
    stock: weighted(random, [['not_tracked', 80], ['in_stock', 15], ['low', 4], ['out_of_stock', 1]] as const),
    updatedAt,
  };
}

/**
 * Customer `index` (0-based): 80 % people, 17 % companies, 3 % public bodies; a unique French
 * mobile number each (E.164, for caller lookup), most in a group, some with a collection place.
 */
export function largeClient(seed: number, index: number, updatedAt: IsoInstant): Client {
  const random = docRandom(seed, CLIENTS, index);
  const kind = weighted<ClientKind>(random, [['person', 80], ['company', 17], ['public_body', 3]]);
  const female = random.chance(0.5);
  const firstName = random.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
  const lastName = random.pick(LAST_NAMES);
  const [, town, area] = random.pick(TOWNS);
  const reference = `C${String(index + 1).padStart(6, '0')}`;
  const companyName = kind === 'person' ? '' : kind === 'company' ? `${random.pick(['CE', 'CSE', 'Club', 'Association', 'SARL', 'Agence'])} ${lastName} ${town}` : `Ville de ${town}, service ${random.pick(['enfance', 'jeunesse', 'sports'])}`;
  // 7919 is prime to 10^8, so index → number is one-to-one: no two customers share a mobile.
  const phones = [frenchPhone(index % 2 === 0 ? '6' : '7', (index * 7919 + seed) % 100_000_000)];
  if (random.chance(0.25)) phones.push(frenchPhone(area, random.int(10_000_000, 99_999_999)));
  const grouped = kind === 'person' ? random.chance(0.5) : random.chance(0.9);
  return {
    id: `client-${String(index + 1).padStart(6, '0')}` as ClientId,
    reference,
    kind,
    companyName,
    firstName,
    lastName,
    email: `${emailLocalPart(firstName, lastName)}.${index + 1}@example.org`,
    phones,
    groupCode: grouped ? random.pick(LARGE_GROUPS) : null,
    places: random.chance(0.3) ? [random.pick(LARGE_PLACES)] : [],
    salesRep: largeAgent(random.int(0, LARGE_AGENT_COUNT - 1)).id,
    language: random.chance(0.93) ? 'fr' : 'en',
    updatedAt,
  };
}
