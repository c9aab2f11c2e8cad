/** Word lists for plausible French customers; generated data draws from them by index or at random. */

export const FIRST_NAMES_F = [
  'Camille', 'Hélène', 'Sophie', 'Léa', 'Manon', 'Chloé', 'Emma', 'Julie', 'Claire', 'Anne', 'Isabelle', 'Nathalie',
  'Aurélie', 'Élodie', 'Céline', 'Sandrine', 'Margaux', 'Inès', 'Zoé', 'Maëlle', 'Valérie', 'Agnès', 'Laure', 'Océane',
] as const;

export const FIRST_NAMES_M = [
  'Thomas', 'Nicolas', 'Julien', 'Antoine', 'Maxime', 'Pierre', 'Karim', 'Lucas', 'Hugo', 'Mathieu', 'François', 'Olivier',
  'Sébastien', 'Guillaume', 'Romain', 'Benoît', 'Jérôme', 'Yann', 'Étienne', 'Rémi', 'Damien', 'Loïc', 'Mehdi', 'Arnaud',
] as const;

export const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Durand', 'Lefèvre', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Garcia', 'Roux', 'Fournier',
  'Girard', 'Bonnet', 'Dupré', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Chevalier', 'Perrin', 'Morel',
  'Benali', 'Gauthier', 'Mercier', 'Blanc', 'Guérin', 'Faure', 'André', 'Boyer', 'Colin', 'Masson', 'Nguyen', 'Picard',
  'Roche', 'Vidal', 'Brunet', 'Rey', 'Carpentier', 'Joly', 'Lemaire', 'Barbier', 'Arnaud', 'Giraud', 'Duval', 'Renaud',
] as const;

/** Where customers of an Alpine resort live: [postcode, town, E.164 landline area digit]. */
export const TOWNS = [
  ['69003', 'Lyon', '4'], ['69100', 'Villeurbanne', '4'], ['38000', 'Grenoble', '4'], ['73000', 'Chambéry', '4'],
  ['74000', 'Annecy', '4'], ['75011', 'Paris', '1'], ['75015', 'Paris', '1'], ['92100', 'Boulogne-Billancourt', '1'],
  ['13006', 'Marseille', '4'], ['31000', 'Toulouse', '5'], ['33000', 'Bordeaux', '5'], ['44000', 'Nantes', '2'],
  ['59000', 'Lille', '3'], ['67000', 'Strasbourg', '3'], ['06000', 'Nice', '4'], ['35000', 'Rennes', '2'],
  ['21000', 'Dijon', '3'], ['42000', 'Saint-Étienne', '4'], ['63000', 'Clermont-Ferrand', '4'], ['34000', 'Montpellier', '4'],
] as const;

export const STREETS = [
  'rue Paul Bert', 'avenue Jean Jaurès', 'rue de la République', 'boulevard Gambetta', 'rue Victor Hugo', 'place Bellecour',
  'rue des Alpes', 'chemin des Vignes', 'allée des Tilleuls', 'rue Pasteur', 'avenue Félix Faure', 'quai Perrache',
] as const;

/** Accents and apostrophes out, spaces to dots: the local part of a plausible e-mail address. */
export function emailLocalPart(...names: readonly string[]): string {
  return names
    .map((name) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''))
    .filter((part) => part !== '')
    .join('.');
}

/**
 * A French number in E.164 from ten national digits' worth of parts: mobile (`6`/`7`) or landline
 * area digit, then eight digits. `+33` and no leading zero, as stored for caller lookup.
 */
export function frenchPhone(firstDigit: string, eightDigits: number): string {
  return `+33${firstDigit}${String(Math.abs(Math.trunc(eightDigits)) % 100_000_000).padStart(8, '0')}`;
}

/** "06 12 34 56 78" from `+33612345678`: how a French number is read out and printed. */
export function nationalFormat(e164: string): string {
  if (!e164.startsWith('+33') || e164.length !== 12) return e164;
  const digits = `0${e164.slice(3)}`;
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}
