import type { Product, StockStatus } from '../catalog/product.ts';
import { toNet } from '../money/vat.ts';
import { bp, cents } from '../money/units.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { ProductId } from '../shared/ids.ts';
import { familyPathOf } from './tourism-families.ts';

/**
 * [ref, sub-family, French label, English label, public price incl. VAT in cents, VAT rate in basis
 * points, unit, tags]. Prices are set the way a resort sets them, incl. VAT; the catalog stores the
 * HT price derived from it.
 *
 * VAT rates as French rules apply them: 10 % for accommodation, lift passes (passenger transport),
 * meals and shuttles; 20 % for ski lessons, rental, activities and fees; 5.5 % for live shows and
 * food products; 0 % for tourist tax and insurance, which are outside VAT.
 */
type Row = readonly [string, string, string, string, number, number, string, readonly string[]];

const ROWS: readonly Row[] = [
  ['ESF-COLL-ENF-6M', 'SKI-COLL-ENF', 'Cours collectifs ESF enfant (6-12 ans), 6 matinées', 'ESF group lessons, children (6-12), 6 mornings', 18_500, 2000, 'personne', ['enfant']],
  ['ESF-COLL-ENF-6A', 'SKI-COLL-ENF', 'Cours collectifs ESF enfant, 6 après-midi', 'ESF group lessons, children, 6 afternoons', 16_500, 2000, 'personne', ['enfant']],
  ['ESF-TEST-ETOILE', 'SKI-COLL-ENF', 'Passage de test ESF (Flocon à Étoile d’or)', 'ESF level test (Flocon to Gold Star)', 2_500, 2000, 'personne', ['enfant']],
  ['ESF-COLL-ADU-6M', 'SKI-COLL-ADU', 'Cours collectifs ESF adulte, 6 matinées', 'ESF group lessons, adults, 6 mornings', 21_000, 2000, 'personne', ['adulte']],
  ['ESF-COLL-ADU-3J', 'SKI-COLL-ADU', 'Stage adulte perfectionnement hors-piste, 3 jours', 'Adult off-piste improvement course, 3 days', 13_500, 2000, 'personne', ['adulte']],
  ['ESF-PART-SKI-2H', 'SKI-PART-SKI', 'Cours particulier de ski, 2 heures (1 à 2 personnes)', 'Private ski lesson, 2 hours (1-2 people)', 12_000, 2000, 'forfait', ['débutant']],
  ['ESF-PART-SKI-J', 'SKI-PART-SKI', 'Moniteur privé de ski, journée complète', 'Private ski instructor, full day', 45_000, 2000, 'jour', []],
  ['ESF-PART-SNOW-2H', 'SKI-PART-SNOW', 'Cours particulier de snowboard, 2 heures', 'Private snowboard lesson, 2 hours', 12_500, 2000, 'forfait', []],
  ['ESF-PIOU-5D', 'SKI-CLUB-PIOU', 'Jardin des neiges Piou-Piou, 5 demi-journées', 'Piou-Piou snow garden, 5 half days', 16_000, 2000, 'personne', ['enfant', 'famille']],
  ['RM-1J-ADU', 'RM-DOM-JOUR', 'Forfait 1 jour grand domaine adulte', 'Full area 1-day pass, adult', 6_600, 1000, 'personne', ['adulte']],
  ['RM-1J-ENF', 'RM-DOM-JOUR', 'Forfait 1 jour grand domaine enfant (5-13 ans)', 'Full area 1-day pass, child (5-13)', 5_300, 1000, 'personne', ['enfant']],
  ['RM-6J-ADU', 'RM-DOM-SEJ', 'Forfait 6 jours grand domaine adulte', 'Full area 6-day pass, adult', 33_000, 1000, 'personne', ['adulte']],
  ['RM-6J-ENF', 'RM-DOM-SEJ', 'Forfait 6 jours grand domaine enfant (5-13 ans)', 'Full area 6-day pass, child (5-13)', 26_400, 1000, 'personne', ['enfant']],
  ['RM-6J-SEN', 'RM-DOM-SEJ', 'Forfait 6 jours grand domaine senior (65-74 ans)', 'Full area 6-day pass, senior (65-74)', 28_050, 1000, 'personne', ['senior']],
  ['RM-6J-FAM', 'RM-DOM-SEJ', 'Forfait 6 jours famille (2 adultes et 2 enfants)', 'Family 6-day pass (2 adults, 2 children)', 108_900, 1000, 'forfait', ['famille']],
  ['RM-SAISON-ADU', 'RM-DOM-SAIS', 'Forfait saison grand domaine adulte', 'Full area season pass, adult', 132_000, 1000, 'personne', ['adulte']],
  ['RM-DEB-1J', 'RM-DEB-JOUR', 'Forfait espace débutants, 1 jour', 'Beginner area pass, 1 day', 2_200, 1000, 'personne', ['débutant']],
  ['RM-PIETON-1J', 'RM-PIET-JOUR', 'Accès piétons télécabine, 1 jour', 'Gondola foot passenger pass, 1 day', 1_870, 1000, 'personne', []],
  ['HEB-STD2-7N', 'HEB-APP-STD', 'Studio 2 personnes, 7 nuits', 'Studio for 2, 7 nights', 65_000, 1000, 'séjour', []],
  ['HEB-APP4-7N', 'HEB-APP-FAM', 'Appartement 4 personnes, 7 nuits, résidence Les Lauzes', 'Apartment for 4, 7 nights, Les Lauzes residence', 98_000, 1000, 'séjour', ['famille']],
  ['HEB-APP6-7N', 'HEB-APP-FAM', 'Appartement 6 personnes, 7 nuits, résidence Le Chamois', 'Apartment for 6, 7 nights, Le Chamois residence', 120_000, 1000, 'séjour', ['famille']],
  ['HEB-APP8-7N', 'HEB-APP-FAM', 'Appartement 8 personnes pied des pistes, 7 nuits', 'Ski-in ski-out apartment for 8, 7 nights', 165_000, 1000, 'séjour', ['famille', 'groupe']],
  ['HEB-APP4-NUIT', 'HEB-APP-FAM', 'Appartement 4 personnes, la nuit (hors vacances scolaires)', 'Apartment for 4, per night (outside school holidays)', 14_000, 1000, 'nuit', []],
  ['HEB-MENAGE', 'HEB-APP-SERV', 'Ménage de fin de séjour', 'End-of-stay cleaning', 8_500, 2000, 'forfait', []],
  ['HEB-LINGE', 'HEB-APP-SERV', 'Kit linge de lit et de toilette', 'Bed and bath linen kit', 1_800, 1000, 'personne', []],
  ['HEB-HOT3-DP', 'HEB-HOT-3E', 'Hôtel 3* demi-pension, par personne et par nuit', '3-star hotel half board, per person per night', 9_800, 1000, 'nuit', []],
  ['HEB-HOT4-DP', 'HEB-HOT-4E', 'Hôtel 4* demi-pension avec spa, par personne et par nuit', '4-star hotel half board with spa, per person per night', 16_500, 1000, 'nuit', []],
  ['HEB-CHALET12-7N', 'HEB-CHAL-LUX', 'Chalet 12 personnes avec sauna et jacuzzi, 7 nuits', 'Chalet for 12 with sauna and hot tub, 7 nights', 480_000, 1000, 'séjour', ['groupe']],
  ['HEB-CV-PC', 'HEB-COLL-CV', 'Centre de vacances, pension complète, par personne et par nuit', 'Holiday centre, full board, per person per night', 6_200, 1000, 'nuit', ['groupe', 'scolaire']],
  ['LOC-SKI-ADU-ECO', 'LOC-SKI-ADU', 'Pack ski adulte éco (skis et chaussures), 6 jours', 'Adult economy ski pack (skis and boots), 6 days', 11_400, 2000, 'personne', ['adulte']],
  ['LOC-SKI-ADU-PERF', 'LOC-SKI-ADU', 'Pack ski adulte performance, 6 jours', 'Adult performance ski pack, 6 days', 16_800, 2000, 'personne', ['adulte']],
  ['LOC-SKI-ENF', 'LOC-SKI-ENF', 'Pack ski enfant (skis et chaussures), 6 jours', 'Child ski pack (skis and boots), 6 days', 6_600, 2000, 'personne', ['enfant']],
  ['LOC-CASQUE', 'LOC-SKI-ENF', 'Casque de ski, 6 jours', 'Ski helmet, 6 days', 2_100, 2000, 'personne', ['enfant']],
  ['LOC-SNOW-6J', 'LOC-SNOW-PACK', 'Pack snowboard et boots, 6 jours', 'Snowboard and boots pack, 6 days', 13_200, 2000, 'personne', []],
  ['LOC-RAQ-ADU', 'LOC-MONT-RAQ', 'Raquettes et bâtons adulte, 1 jour', 'Adult snowshoes and poles, 1 day', 1_440, 2000, 'jour', []],
  ['LOC-RAQ-ENF', 'LOC-MONT-RAQ', 'Raquettes enfant, 1 jour', 'Child snowshoes, 1 day', 960, 2000, 'jour', ['enfant']],
  ['LOC-DVA', 'LOC-MONT-SEC', 'Pack sécurité avalanche (DVA, pelle, sonde), 1 jour', 'Avalanche safety pack (transceiver, shovel, probe), 1 day', 1_800, 2000, 'jour', []],
  ['ACT-CHIENS-1H', 'ACT-NEIGE-GUID', 'Balade en chiens de traîneau, 1 heure', 'Dog sled ride, 1 hour', 8_400, 2000, 'personne', ['famille']],
  ['ACT-RAQ-NUIT', 'ACT-NEIGE-GUID', 'Sortie raquettes nocturne accompagnée avec fondue', 'Guided night snowshoe outing with fondue', 4_800, 2000, 'personne', []],
  ['ACT-PARAPENTE', 'ACT-NEIGE-SENS', 'Baptême de parapente biplace', 'Tandem paragliding flight', 9_600, 2000, 'personne', []],
  ['ACT-MOTONEIGE', 'ACT-NEIGE-SENS', 'Randonnée motoneige, 1 heure (pilote et passager)', 'Snowmobile ride, 1 hour (driver and passenger)', 18_000, 2000, 'forfait', []],
  ['ACT-GLACE', 'ACT-NEIGE-SENS', 'Initiation escalade sur glace, demi-journée', 'Ice climbing initiation, half day', 6_500, 2000, 'personne', []],
  ['ACT-SPA-2H', 'ACT-BIEN-SPA', 'Accès spa et piscine, 2 heures', 'Spa and pool access, 2 hours', 3_000, 2000, 'personne', []],
  ['ACT-MASSAGE', 'ACT-BIEN-SPA', 'Massage relaxant, 50 minutes', 'Relaxing massage, 50 minutes', 9_000, 2000, 'personne', []],
  ['ACT-FROMAGERIE', 'ACT-CULT-VIS', 'Visite de la coopérative laitière avec dégustation de beaufort', 'Dairy cooperative visit with Beaufort tasting', 1_200, 1000, 'personne', ['famille']],
  ['ACT-SPECTACLE', 'ACT-CULT-SPEC', 'Spectacle « Nuit de la glisse » sur le front de neige', '“Night of gliding” show on the snow front', 2_500, 550, 'personne', []],
  ['PACK-CLASSE-5J', 'PACK-GRP-SCOL', 'Classe de neige 5 jours tout compris (hébergement, ESF, forfait, matériel)', '5-day school snow trip, all inclusive (lodging, lessons, pass, gear)', 42_000, 1000, 'personne', ['scolaire', 'groupe']],
  ['PACK-CE-WE', 'PACK-GRP-CE', 'Week-end CE 2 nuits, demi-pension et forfait 2 jours', 'Works council weekend, 2 nights half board and 2-day pass', 29_000, 1000, 'personne', ['groupe']],
  ['PACK-SEMINAIRE-J', 'PACK-GRP-CE', 'Journée séminaire (salle équipée, pauses, déjeuner)', 'Seminar day (equipped room, breaks, lunch)', 7_500, 2000, 'personne', ['groupe']],
  ['PACK-FAM-SEMAINE', 'PACK-FAM-SEM', 'Semaine tout compris famille 4 personnes', 'All-inclusive family week for 4', 289_000, 1000, 'séjour', ['famille']],
  ['REST-PANIER', 'REST-REPAS-PAN', 'Panier repas montagne', 'Mountain packed lunch', 1_450, 1000, 'personne', []],
  ['REST-SOIREE-SAV', 'REST-REPAS-SOIR', 'Soirée savoyarde au restaurant d’altitude (raclette ou fondue)', 'Savoyard evening at the mountain restaurant (raclette or fondue)', 3_900, 1000, 'personne', ['groupe']],
  ['REST-DP-ENF', 'REST-REPAS-SOIR', 'Demi-pension enfant, par nuit', 'Child half board, per night', 2_800, 1000, 'nuit', ['enfant']],
  ['REST-COLIS', 'REST-TERR-COL', 'Colis gourmand de produits savoyards (beaufort, diots, miel)', 'Savoyard food hamper (Beaufort, sausages, honey)', 4_500, 550, 'unité', []],
  ['TRANS-GARE-AR', 'TRANS-NAV-GARE', 'Navette gare de Bourg-Saint-Maurice, aller-retour', 'Bourg-Saint-Maurice station shuttle, return', 3_800, 1000, 'personne', []],
  ['TRANS-GVA-AR', 'TRANS-NAV-AERO', 'Transfert aéroport de Genève, aller-retour', 'Geneva airport transfer, return', 11_000, 1000, 'personne', []],
  ['TRANS-CAR-J', 'TRANS-NAV-CAR', 'Autocar 50 places avec chauffeur, journée', '50-seat coach with driver, per day', 145_000, 1000, 'jour', ['groupe']],
  ['DIV-FRAIS-DOSSIER', 'DIV-SERV-FRAIS', 'Frais de dossier', 'Booking fee', 3_000, 2000, 'forfait', []],
  ['DIV-ASSURANCE', 'DIV-SERV-ASS', 'Assurance annulation et interruption de séjour', 'Cancellation and curtailment insurance', 2_500, 0, 'personne', []],
  ['DIV-TAXE-SEJOUR', 'DIV-SERV-TAXE', 'Taxe de séjour, par adulte et par nuit', 'Tourist tax, per adult per night', 165, 0, 'nuit', []],
];

/** Sold only at the ticket office (photo pass), out of stock, low stock: the cases the desk must handle. */
const NOT_SELLABLE = new Set(['RM-SAISON-ADU']);
const STOCK: Readonly<Record<string, StockStatus>> = { 'LOC-RAQ-ENF': 'out_of_stock', 'LOC-DVA': 'low', 'LOC-SKI-ADU-PERF': 'in_stock', 'LOC-SNOW-6J': 'in_stock' };

/** The ski resort catalog: 60 services over the family tree of `TOURISM_FAMILIES`. */
export function tourismCatalog(updatedAt: IsoInstant): Product[] {
  return ROWS.map(([ref, subFamily, label, labelEn, gross, rate, unit, tags]): Product => ({
    id: `prod-${ref}` as ProductId,
    ref,
    label,
    labelEn,
    family: familyPathOf(subFamily),
    tags: [...tags],
    unitPrice: toNet(cents(gross), bp(rate)),
    vatRate: bp(rate),
    unit,
    sellable: !NOT_SELLABLE.has(ref),
    stock: STOCK[ref] ?? 'not_tracked',
    updatedAt,
  }));
}
