import type { UserId } from '../shared/ids.ts';

/** A desk user as the `users` reference document lists them (the server's users table holds the passwords). */
export interface DemoUser {
  readonly id: UserId;
  readonly name: string;
  readonly email: string;
  readonly role: 'agent' | 'manager' | 'admin';
  readonly team: string;
  /** Direct line, E.164. */
  readonly phone: string;
}

export interface DemoTeam {
  readonly code: string;
  readonly label: string;
  readonly labelEn: string;
}

/** Individual customers on one side, groups and works councils on the other; the manager oversees both. */
export const DEMO_TEAMS: readonly DemoTeam[] = [
  { code: 'accueil', label: 'Accueil individuels', labelEn: 'Individual customers desk' },
  { code: 'groupes', label: 'Groupes, CE et scolaires', labelEn: 'Groups, works councils and schools' },
  { code: 'direction', label: 'Direction commerciale', labelEn: 'Sales management' },
];

export const CLAIRE: DemoUser = {
  id: 'user-claire' as UserId,
  name: 'Claire Martin',
  email: 'claire.martin@comptoir-des-neiges.fr',
  role: 'agent',
  team: 'accueil',
  phone: '+33479401235',
};

export const JULIEN: DemoUser = {
  id: 'user-julien' as UserId,
  name: 'Julien Roux',
  email: 'julien.roux@comptoir-des-neiges.fr',
  role: 'agent',
  team: 'groupes',
  phone: '+33479401236',
};

export const SOPHIE: DemoUser = {
  id: 'user-sophie' as UserId,
  name: 'Sophie Bernard',
  email: 'sophie.bernard@comptoir-des-neiges.fr',
  role: 'manager',
  team: 'direction',
  phone: '+33479401230',
};

export const DEMO_USERS: readonly DemoUser[] = [CLAIRE, JULIEN, SOPHIE];

/** Seed 002 "Groupes" (code périmètre of GROUPE offers). */
export const CLIENT_GROUPS = [
  { code: 'CEPART', label: 'Comités d’entreprise partenaires', labelEn: 'Partner works councils' },
  { code: 'SCOLAIRE', label: 'Établissements scolaires', labelEn: 'Schools' },
  { code: 'CLUBS', label: 'Clubs et associations sportives', labelEn: 'Sports clubs and associations' },
  { code: 'TO', label: 'Agences et tour-opérateurs', labelEn: 'Travel agencies and tour operators' },
  { code: 'FIDELITE', label: 'Clients fidèles (3 saisons et plus)', labelEn: 'Loyal customers (3 seasons or more)' },
  { code: 'COLLECTIVITES', label: 'Collectivités publiques', labelEn: 'Public bodies' },
] as const;

/** Seed 002 "Collecte": where rented equipment and passes are collected. */
export const COLLECTION_PLACES = [
  { code: 'TIGNESLAC', label: 'Tignes Le Lac, magasin du front de neige', labelEn: 'Tignes Le Lac, snow-front shop' },
  { code: 'VALCLARET', label: 'Val Claret, point retrait', labelEn: 'Val Claret, pick-up point' },
  { code: 'TIGNES1800', label: 'Tignes 1800, accueil résidence', labelEn: 'Tignes 1800, residence desk' },
] as const;
