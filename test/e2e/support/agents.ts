/** The two agents of the sync specs: same team, so each sees the other's dossiers (server rules). */
export const E2E_AGENTS = [
  { email: 'claire@e2e.test', password: 'claire-e2e-password', name: 'Claire Martin', team: 'accueil' },
  { email: 'bruno@e2e.test', password: 'bruno-e2e-password', name: 'Bruno Petit', team: 'accueil' },
] as const;

/** The demo desk's present (its offers and dates are placed around it). */
export const E2E_NOW = new Date().toISOString();

/** The demo administrator (sync-server/admin/demo.ts): offers are written by admins only. */
export const E2E_ADMIN = { email: 'admin@comptoir-des-neiges.fr', password: 'comptoir-demo', name: 'Administrateur démo', team: 'direction' } as const;
