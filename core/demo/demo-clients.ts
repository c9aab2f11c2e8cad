import type { Client, ClientKind } from '../clients/client.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { ClientId } from '../shared/ids.ts';
import type { Random } from './demo-random.ts';
import { weighted } from './demo-random.ts';
import { CLAIRE, JULIEN } from './demo-directory.ts';
import { emailLocalPart, FIRST_NAMES_F, FIRST_NAMES_M, frenchPhone, LAST_NAMES, STREETS, TOWNS } from './french-names.ts';

/** A customer with the postal address the desk prints on quotes (kept beside the client document). */
export interface DemoClient {
  readonly client: Client;
  readonly addressLines: readonly string[];
}

type Org = readonly [ClientKind, string, string, string, string | null, 'fr' | 'en', string, string];

/**
 * [kind, company, contact first name, contact last name, group, language, address, postcode and town].
 * Works councils, clubs, tour operators, schools and the public bodies that buy through public
 * procurement (seed 002 "Marché public").
 */
const ORGANISATIONS: readonly Org[] = [
  ['company', 'CE Alpes Industries', 'Karim', 'Benali', 'CEPART', 'fr', '8 avenue des Usines', '38000 Grenoble'],
  ['company', 'CSE Hydro Savoie', 'Anne', 'Vidal', 'CEPART', 'fr', '12 quai de la Rize', '73000 Chambéry'],
  ['company', 'CSE Transports Durand et Fils', 'Olivier', 'Durand', 'CEPART', 'fr', 'ZI des Chesnes, 4 rue du Ruisseau', '38070 Saint-Quentin-Fallavier'],
  ['company', 'CSE Lyon Métropole Santé', 'Nathalie', 'Perrin', 'CEPART', 'fr', '5 place d’Arsonval', '69003 Lyon'],
  ['company', 'Club Alpin de Villeurbanne', 'Rémi', 'Joly', 'CLUBS', 'fr', '23 rue Francis de Pressensé', '69100 Villeurbanne'],
  ['company', 'Ski Club du Vercors', 'Laure', 'Faure', 'CLUBS', 'fr', 'Maison des associations', '38250 Villard-de-Lans'],
  ['company', 'Voyages Altitude', 'Mathieu', 'Colin', 'TO', 'fr', '41 rue de la Charité', '69002 Lyon'],
  ['company', 'Neige et Découverte SARL', 'Céline', 'Masson', 'TO', 'fr', '7 boulevard Haussmann', '75009 Paris'],
  ['company', 'Alpine Escapes Ltd', 'Emily', 'Clarke', 'TO', 'en', '2 rue du Mont-Blanc', '74400 Chamonix-Mont-Blanc'],
  ['company', 'Cabinet Fontaine Conseil', 'Guillaume', 'Fontaine', null, 'fr', '18 cours Lafayette', '69006 Lyon'],
  ['company', 'Institution Saint-Joseph', 'Agnès', 'Lemaire', 'SCOLAIRE', 'fr', '3 montée Saint-Barthélemy', '69005 Lyon'],
  ['public_body', 'Ville de Villeurbanne, direction de l’éducation', 'Sandrine', 'Roche', 'COLLECTIVITES', 'fr', 'Place Lazare Goujon', '69100 Villeurbanne'],
  ['public_body', 'Collège Jean Moulin', 'François', 'Giraud', 'SCOLAIRE', 'fr', '10 rue Jean Moulin', '38100 Grenoble'],
  ['public_body', 'Département de l’Isère, service jeunesse et sport', 'Arnaud', 'Renaud', 'COLLECTIVITES', 'fr', '7 rue Fantin-Latour', '38000 Grenoble'],
];

/** Two English-speaking families among the individual customers (the desk answers in English). */
const ENGLISH_PERSONS = [
  ['James', 'Whitaker'],
  ['Sarah', 'Collins'],
] as const;

export const PERSON_COUNT = 26;

function reference(n: number): string {
  return `CLI-${String(n).padStart(6, '0')}`;
}

function organisation(row: Org, n: number, random: Random, updatedAt: IsoInstant): DemoClient {
  const [kind, companyName, firstName, lastName, groupCode, language, street, town] = row;
  const domain = emailLocalPart(companyName).replace(/\./g, '-').slice(0, 30);
  return {
    client: {
      id: `client-${String(n).padStart(3, '0')}` as ClientId,
      reference: reference(100 + n),
      kind,
      companyName,
      firstName,
      lastName,
      email: `${emailLocalPart(firstName, lastName)}@${domain}.fr`,
      phones: [frenchPhone(town.startsWith('75') ? '1' : '4', random.int(10_000_000, 99_999_999)), frenchPhone('6', random.int(10_000_000, 99_999_999))],
      groupCode,
      places: [],
      salesRep: JULIEN.id,
      language,
      updatedAt,
    },
    addressLines: [street, town],
  };
}

function person(n: number, index: number, random: Random, updatedAt: IsoInstant): DemoClient {
  const english = index === 5 ? ENGLISH_PERSONS[0] : index === 18 ? ENGLISH_PERSONS[1] : undefined;
  const female = random.chance(0.5);
  const firstName = english?.[0] ?? random.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
  const lastName = english?.[1] ?? random.pick(LAST_NAMES);
  const [postcode, town, area] = random.pick(TOWNS);
  const phones = [frenchPhone(random.chance(0.7) ? '6' : '7', random.int(10_000_000, 99_999_999))];
  if (random.chance(0.3)) phones.push(frenchPhone(area, random.int(10_000_000, 99_999_999)));
  const groupCode = weighted<string | null>(random, [[null, 6], ['FIDELITE', 3], ['CEPART', 2]]);
  const places = random.chance(0.35) ? [random.pick(['TIGNESLAC', 'VALCLARET', 'TIGNES1800'])] : [];
  return {
    client: {
      id: `client-${String(n).padStart(3, '0')}` as ClientId,
      reference: reference(100 + n),
      kind: 'person',
      companyName: '',
      firstName,
      lastName,
      email: `${emailLocalPart(firstName, lastName)}${random.int(1, 99)}@example.fr`,
      phones,
      groupCode,
      places,
      salesRep: CLAIRE.id,
      language: english === undefined ? 'fr' : 'en',
      updatedAt,
    },
    addressLines: [`${random.int(1, 120)} ${random.pick(STREETS)}`, `${postcode} ${town}`],
  };
}

/** The demo's 40 customers: 14 organisations (works councils, clubs, agencies, schools, public bodies) and 26 people. */
export function demoClients(random: Random, updatedAt: IsoInstant): DemoClient[] {
  const out = ORGANISATIONS.map((row, i) => organisation(row, i + 1, random, updatedAt));
  for (let i = 0; i < PERSON_COUNT; i += 1) out.push(person(ORGANISATIONS.length + i + 1, i, random, updatedAt));
  return out;
}

/** The name a quote or a message addresses: the company, else the person. */
export function displayName(client: Client): string {
  return client.companyName !== '' ? client.companyName : `${client.firstName} ${client.lastName}`;
}
