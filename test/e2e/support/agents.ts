/** The two agents of the sync specs: same team, so each sees the other's dossiers (server rules). */
export const E2E_AGENTS = [
  { email: 'claire@e2e.test', password: 'claire-e2e-password', name: 'Claire Martin', team: 'accueil' },
  { email: 'bruno@e2e.test', password: 'bruno-e2e-password', name: 'Bruno Petit', team: 'accueil' },
] as const;

/** The demo desk's present (its offers and dates are placed around it). */
export const E2E_NOW = new Date().toISOString();
