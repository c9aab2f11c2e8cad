import type { FamilyPath } from '../catalog/product.ts';

/** One node of the catalog's family tree (seed 003: super-family › family › sub-family). */
export interface FamilyNode {
  readonly code: string;
  readonly label: string;
  readonly labelEn: string;
  readonly children?: readonly FamilyNode[];
}

const node = (code: string, label: string, labelEn: string, children?: readonly FamilyNode[]): FamilyNode =>
  children === undefined ? { code, label, labelEn } : { code, label, labelEn, children };

/**
 * The families of a ski resort's sales desk (seed 001: ski school, lift passes, accommodation,
 * rental, activities, packages, "Divers"). Codes are unique across the whole tree, so an offer
 * naming a family code is never ambiguous.
 */
export const TOURISM_FAMILIES: readonly FamilyNode[] = [
  node('SKI', 'École de ski', 'Ski school', [
    node('SKI-COLL', 'Cours collectifs', 'Group lessons', [
      node('SKI-COLL-ENF', 'Enfants', 'Children'),
      node('SKI-COLL-ADU', 'Adultes', 'Adults'),
    ]),
    node('SKI-PART', 'Cours particuliers', 'Private lessons', [
      node('SKI-PART-SKI', 'Ski alpin', 'Alpine skiing'),
      node('SKI-PART-SNOW', 'Snowboard', 'Snowboard'),
    ]),
    node('SKI-CLUB', 'Jardin des neiges', 'Snow garden', [node('SKI-CLUB-PIOU', 'Piou-Piou (3-5 ans)', 'Piou-Piou (age 3-5)')]),
  ]),
  node('RM', 'Remontées mécaniques', 'Lift passes', [
    node('RM-DOM', 'Grand domaine', 'Full ski area', [
      node('RM-DOM-JOUR', 'Forfaits journée', 'Day passes'),
      node('RM-DOM-SEJ', 'Forfaits séjour', 'Multi-day passes'),
      node('RM-DOM-SAIS', 'Forfaits saison', 'Season passes'),
    ]),
    node('RM-DEB', 'Espace débutants', 'Beginner area', [node('RM-DEB-JOUR', 'Forfaits journée débutant', 'Beginner day passes')]),
    node('RM-PIET', 'Piétons', 'Pedestrians', [node('RM-PIET-JOUR', 'Accès piétons', 'Foot passenger access')]),
  ]),
  node('HEB', 'Hébergement', 'Accommodation', [
    node('HEB-APP', 'Appartements', 'Apartments', [
      node('HEB-APP-STD', 'Studios', 'Studios'),
      node('HEB-APP-FAM', 'Appartements familiaux', 'Family apartments'),
      node('HEB-APP-SERV', 'Services résidence', 'Residence services'),
    ]),
    node('HEB-HOT', 'Hôtels', 'Hotels', [
      node('HEB-HOT-3E', 'Hôtels 3 étoiles', '3-star hotels'),
      node('HEB-HOT-4E', 'Hôtels 4 étoiles', '4-star hotels'),
    ]),
    node('HEB-CHAL', 'Chalets', 'Chalets', [node('HEB-CHAL-LUX', 'Chalets de standing', 'Luxury chalets')]),
    node('HEB-COLL', 'Hébergement collectif', 'Group accommodation', [node('HEB-COLL-CV', 'Centres de vacances', 'Holiday centres')]),
  ]),
  node('LOC', 'Location de matériel', 'Equipment rental', [
    node('LOC-SKI', 'Ski', 'Skis', [node('LOC-SKI-ADU', 'Adultes', 'Adults'), node('LOC-SKI-ENF', 'Enfants', 'Children')]),
    node('LOC-SNOW', 'Snowboard', 'Snowboard', [node('LOC-SNOW-PACK', 'Packs snowboard', 'Snowboard packs')]),
    node('LOC-MONT', 'Montagne hors ski', 'Mountain gear', [
      node('LOC-MONT-RAQ', 'Raquettes', 'Snowshoes'),
      node('LOC-MONT-SEC', 'Sécurité', 'Safety gear'),
    ]),
  ]),
  node('ACT', 'Activités', 'Activities', [
    node('ACT-NEIGE', 'Activités neige', 'Snow activities', [
      node('ACT-NEIGE-GUID', 'Sorties accompagnées', 'Guided outings'),
      node('ACT-NEIGE-SENS', 'Sensations', 'Thrills'),
    ]),
    node('ACT-BIEN', 'Bien-être', 'Wellness', [node('ACT-BIEN-SPA', 'Spa et soins', 'Spa and treatments')]),
    node('ACT-CULT', 'Découverte et spectacles', 'Discovery and shows', [
      node('ACT-CULT-VIS', 'Visites', 'Visits'),
      node('ACT-CULT-SPEC', 'Spectacles', 'Shows'),
    ]),
  ]),
  node('PACK', 'Séjours et forfaits groupes', 'Packages and group stays', [
    node('PACK-GRP', 'Groupes', 'Groups', [
      node('PACK-GRP-SCOL', 'Classes de neige', 'School snow trips'),
      node('PACK-GRP-CE', 'Séjours CE et séminaires', 'Works council stays and seminars'),
    ]),
    node('PACK-FAM', 'Familles', 'Families', [node('PACK-FAM-SEM', 'Semaines tout compris', 'All-inclusive weeks')]),
  ]),
  node('REST', 'Restauration', 'Dining', [
    node('REST-REPAS', 'Repas', 'Meals', [
      node('REST-REPAS-PAN', 'Paniers repas', 'Packed lunches'),
      node('REST-REPAS-SOIR', 'Soirées et demi-pension', 'Dinners and half board'),
    ]),
    node('REST-TERR', 'Produits du terroir', 'Local produce', [node('REST-TERR-COL', 'Colis gourmands', 'Food hampers')]),
  ]),
  node('TRANS', 'Transport', 'Transport', [
    node('TRANS-NAV', 'Navettes et transferts', 'Shuttles and transfers', [
      node('TRANS-NAV-GARE', 'Navettes gare', 'Station shuttles'),
      node('TRANS-NAV-AERO', 'Transferts aéroport', 'Airport transfers'),
      node('TRANS-NAV-CAR', 'Autocars', 'Coaches'),
    ]),
  ]),
  node('DIV', 'Divers', 'Miscellaneous', [
    node('DIV-SERV', 'Frais et services', 'Fees and services', [
      node('DIV-SERV-FRAIS', 'Frais', 'Fees'),
      node('DIV-SERV-ASS', 'Assurances', 'Insurance'),
      node('DIV-SERV-TAXE', 'Taxes', 'Taxes'),
    ]),
  ]),
];

/** The full path of a sub-family code, e.g. `SKI-COLL-ENF` → SKI › SKI-COLL › SKI-COLL-ENF. */
export function familyPathOf(subFamily: string): FamilyPath {
  for (const top of TOURISM_FAMILIES) {
    for (const family of top.children ?? []) {
      if ((family.children ?? []).some((sub) => sub.code === subFamily)) {
        return { superFamily: top.code, family: family.code, subFamily };
      }
    }
  }
  throw new RangeError(`unknown sub-family ${subFamily}`);
}

/** Every sub-family code, in tree order. */
export function subFamilyCodes(): string[] {
  return TOURISM_FAMILIES.flatMap((top) => (top.children ?? []).flatMap((family) => (family.children ?? []).map((sub) => sub.code)));
}
