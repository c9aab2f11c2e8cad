import { bp } from '../money/units.ts';
import type { DossierSource } from '../pipeline/dossier.ts';
import type { PriceMode } from '../quote/quote.ts';
import type { StoryItem } from './story-quote.ts';

/** What a kind of customer asks for, and the quote the desk answers with. */
export interface StoryTemplate {
  readonly key: string;
  readonly subject: string;
  readonly request: string;
  readonly source: DossierSource;
  readonly nights: number;
  /** [month, day] the stay starts from (then the next Saturday), for requests tied to a holiday. */
  readonly season?: readonly [number, number];
  readonly partySize: number;
  readonly priceMode: PriceMode;
  readonly items: readonly StoryItem[];
  readonly footerDiscountRate?: number;
  readonly depositRate?: number;
  readonly tags: readonly string[];
}

const p = (ref: string, quantity: number): StoryItem => ({ kind: 'product', ref, quantity });
const pct = (ref: string, quantity: number, rate: number): StoryItem => ({ kind: 'product', ref, quantity, discount: { kind: 'percent', rate: bp(rate) } });
const misc = (label: string, unitPrice: number, quantity: number, vatRate: number): StoryItem => ({ kind: 'misc', label, unitPrice, quantity, vatRate });
const fee = (label: string, amount: number, vatRate: number): StoryItem => ({ kind: 'fee', label, amount, vatRate });
const note = (text: string): StoryItem => ({ kind: 'comment', text });

/** Individual customers and families: TTC quotes, the individual desk. */
export const FAMILY_TEMPLATES: readonly StoryTemplate[] = [
  {
    key: 'family-week', subject: 'Semaine ski février, 2 adultes et 2 enfants', source: 'web_form', nights: 7, partySize: 4, priceMode: 'TTC', season: [2, 6],
    request: 'Bonjour, nous cherchons un appartement pour 4 (2 adultes, enfants de 7 et 10 ans) pendant les vacances de février, avec forfaits, cours ESF pour les enfants et location du matériel. Merci !',
    items: [p('HEB-APP6-7N', 1), p('RM-6J-ADU', 2), p('RM-6J-ENF', 2), p('ESF-COLL-ENF-6M', 2), p('LOC-SKI-ADU-ECO', 2), p('LOC-SKI-ENF', 2), p('LOC-CASQUE', 2), p('DIV-TAXE-SEJOUR', 14)],
    tags: ['famille', 'vacances scolaires'],
  },
  {
    key: 'spa-weekend', subject: 'Week-end en amoureux, hôtel 4* et spa', source: 'phone', nights: 2, partySize: 2, priceMode: 'TTC',
    request: 'souhaite 2 nuits en hôtel 4* avec demi-pension, accès spa et deux massages, ski le samedi et le dimanche.',
    items: [p('HEB-HOT4-DP', 4), p('RM-1J-ADU', 4), p('ACT-SPA-2H', 2), p('ACT-MASSAGE', 2), p('DIV-TAXE-SEJOUR', 4)],
    tags: ['couple'],
  },
  {
    key: 'snowboard-beginners', subject: 'Premiers pas en snowboard, 2 adultes', source: 'email', nights: 7, partySize: 2, priceMode: 'TTC',
    request: 'Bonjour,\nMon compagnon et moi voulons apprendre le snowboard. Pouvez-vous nous proposer une semaine avec logement, forfaits et quelques cours particuliers ?\nCordialement',
    items: [p('HEB-APP4-7N', 1), p('RM-6J-ADU', 2), p('ESF-PART-SNOW-2H', 3), p('LOC-SNOW-6J', 2), note('Cours particuliers à 9 h de préférence, moniteur anglophone si possible.'), p('DIV-TAXE-SEJOUR', 14)],
    tags: ['débutant'],
  },
  {
    key: 'all-inclusive', subject: 'Semaine tout compris avec transfert depuis Genève', source: 'web_form', nights: 7, partySize: 4, priceMode: 'TTC',
    request: 'We are a family of four flying to Geneva. Could you quote an all-inclusive week with airport transfers and cancellation insurance? We will need a cot for the baby.',
    items: [p('PACK-FAM-SEMAINE', 1), p('TRANS-GVA-AR', 4), p('DIV-ASSURANCE', 4), misc('Lit bébé et chaise haute, installés à l’arrivée', 4_000, 1, 1000)],
    tags: ['famille', 'étranger'],
  },
  {
    key: 'seniors-snowshoes', subject: 'Séjour raquettes et découverte, 2 seniors', source: 'phone', nights: 7, partySize: 2, priceMode: 'TTC',
    request: 'couple de retraités, ne skient pas : studio au calme, sorties raquettes, visite de la fromagerie, accès télécabine pour déjeuner en altitude.',
    items: [p('HEB-STD2-7N', 1), p('RM-PIETON-1J', 4), p('ACT-RAQ-NUIT', 2), p('ACT-FROMAGERIE', 2), p('LOC-RAQ-ADU', 6), p('REST-COLIS', 1), p('DIV-TAXE-SEJOUR', 14)],
    tags: ['senior'],
  },
  {
    key: 'chalet-friends', subject: 'Chalet pour 12 amis, semaine du Nouvel An', source: 'email', nights: 7, partySize: 12, priceMode: 'TTC', season: [12, 26],
    request: 'Bonjour, nous sommes 12 amis et cherchons un chalet avec sauna pour la semaine du Nouvel An, avec un traiteur le soir du réveillon et 10 forfaits 6 jours.',
    items: [p('HEB-CHALET12-7N', 1), p('HEB-MENAGE', 1), p('HEB-LINGE', 12), p('RM-6J-ADU', 10), misc('Traiteur soirée du réveillon, menu savoyard servi au chalet', 6_500, 12, 1000), p('REST-SOIREE-SAV', 12), p('DIV-TAXE-SEJOUR', 84)],
    footerDiscountRate: 300, tags: ['groupe', 'réveillon'],
  },
];

/** Works councils, schools, clubs, companies, agencies and public bodies: HT quotes, the groups desk. */
export const GROUP_TEMPLATES = {
  ceWeekend: {
    key: 'ce-weekend', subject: 'Week-end CE, 40 salariés', source: 'email', nights: 2, partySize: 40, priceMode: 'HT',
    request: 'Bonjour,\nLe CSE organise un week-end ski pour 40 salariés en mars : hébergement en demi-pension, forfaits, car depuis Lyon et une soirée savoyarde. Pouvez-vous nous faire une proposition ?',
    items: [p('PACK-CE-WE', 40), p('TRANS-CAR-J', 2), p('REST-SOIREE-SAV', 40), pct('LOC-SKI-ADU-ECO', 25, 1000), fee('Frais de dossier groupe', 2_500, 2000)],
    depositRate: 4000, tags: ['CE', 'groupe'],
  },
  ceFamilies: {
    key: 'ce-families', subject: 'Semaines CE vacances de février, 8 familles', source: 'phone', nights: 7, partySize: 32, priceMode: 'HT', season: [2, 6],
    request: 'le CE réserve 8 appartements 6 personnes pour les vacances de février, avec forfaits pour 16 adultes et 16 enfants et location de skis.',
    items: [p('HEB-APP6-7N', 8), p('RM-6J-ADU', 16), p('RM-6J-ENF', 16), p('LOC-SKI-ADU-ECO', 16), p('LOC-SKI-ENF', 16), note('Répartition des familles par appartement communiquée par le CE au plus tard un mois avant l’arrivée.'), p('DIV-TAXE-SEJOUR', 112)],
    tags: ['CE', 'vacances scolaires'],
  },
  school: {
    key: 'school', subject: 'Classe de neige, 2 classes de CM2 (52 élèves)', source: 'email', nights: 4, partySize: 58, priceMode: 'HT',
    request: 'Bonjour,\nNous organisons une classe de neige du lundi au vendredi pour 52 élèves et 6 accompagnateurs. Merci de nous adresser un devis avec le transport en car.',
    items: [p('PACK-CLASSE-5J', 52), misc('Accompagnateurs adultes (hébergement et forfait)', 18_000, 6, 1000), p('TRANS-CAR-J', 2), p('ESF-TEST-ETOILE', 52), note('Arrivée lundi 10 h, départ vendredi 16 h. Régimes alimentaires à transmettre.')],
    depositRate: 3000, tags: ['scolaire', 'groupe'],
  },
  club: {
    key: 'club', subject: 'Stage club, 24 licenciés', source: 'email', nights: 5, partySize: 24, priceMode: 'HT',
    request: 'Bonjour, le club prépare un stage de 5 jours pour 24 licenciés : centre de vacances en pension complète, forfaits et 5 journées de moniteur.',
    items: [p('HEB-CV-PC', 120), p('RM-6J-ADU', 24), p('ESF-PART-SKI-J', 5), p('LOC-DVA', 24)],
    tags: ['club', 'groupe'],
  },
  seminar: {
    key: 'seminar', subject: 'Séminaire de direction, 15 personnes', source: 'phone', nights: 2, partySize: 15, priceMode: 'HT',
    request: 'séminaire de 2 jours pour 15 cadres en hôtel 4*, salle équipée, activité motoneige le premier soir et parapente pour quelques volontaires.',
    items: [p('PACK-SEMINAIRE-J', 30), p('HEB-HOT4-DP', 30), p('ACT-MOTONEIGE', 8), p('ACT-PARAPENTE', 4), fee('Frais de dossier', 3_000, 2000)],
    footerDiscountRate: 500, depositRate: 4000, tags: ['entreprise'],
  },
  agency: {
    key: 'agency', subject: 'Contingent appartements Voyages Altitude', source: 'email', nights: 7, partySize: 52, priceMode: 'HT',
    request: 'Bonjour,\nPour notre brochure, merci de confirmer 6 appartements 6 personnes et 4 appartements 4 personnes, ainsi que 40 transferts depuis Genève aux tarifs de notre contrat.',
    items: [p('HEB-APP6-7N', 6), p('HEB-APP4-7N', 4), p('TRANS-GVA-AR', 40)],
    depositRate: 2000, tags: ['agence'],
  },
  procurement: {
    key: 'procurement', subject: 'Classes de neige, marché public lot 1', source: 'email', nights: 4, partySize: 84, priceMode: 'HT',
    request: 'Bonjour,\nDans le cadre du marché n° 2026-EDU-014 (lot 1), merci de nous transmettre le devis pour 3 classes (84 élèves) aux conditions du marché.',
    items: [p('PACK-CLASSE-5J', 84), note('Marché public n° 2026-EDU-014, lot 1 : prix unitaire contractuel.')],
    tags: ['marché public', 'scolaire'],
  },
  youth: {
    key: 'youth', subject: 'Séjour jeunesse du Département, 30 jeunes', source: 'email', nights: 5, partySize: 30, priceMode: 'HT',
    request: 'Bonjour, le service jeunesse organise un séjour de 5 jours pour 30 jeunes : pension complète, forfaits journée et cours collectifs.',
    items: [p('HEB-CV-PC', 150), p('RM-1J-ENF', 150), p('ESF-COLL-ENF-6M', 30)],
    tags: ['collectivité'],
  },
} satisfies Readonly<Record<string, StoryTemplate>>;
