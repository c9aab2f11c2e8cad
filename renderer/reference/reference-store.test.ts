import { describe, expect, it } from 'vitest';
import { parseDeskSettings } from '../actions/desk-settings.ts';
import { parseUsers } from './reference-store.ts';

describe('reference documents as the admin (and the demo) write them', () => {
  it('reads one user per document, or a list', () => {
    expect([...parseUsers({ id: 'u1', name: 'Claire Martin', team: 'accueil', role: 'agent' }).values()]).toEqual([{ id: 'u1', name: 'Claire Martin', team: 'accueil' }]);
    expect([...parseUsers({ users: [{ id: 'u2', name: 'Julien' }] }).keys()]).toEqual(['u2']);
  });

  it('falls back to the seed-000 defaults for missing settings', () => {
    const settings = parseDeskSettings({ quoteValidityDays: 15, defaultPriceMode: 'HT', company: { name: 'Comptoir des Neiges', siret: '812' } });
    expect(settings.quote.validityDays).toBe(15);
    expect(settings.quote.defaultDepositRate).toBe(3000);
    expect(settings.defaultPriceMode).toBe('HT');
    expect(settings.company.name).toBe('Comptoir des Neiges');
    expect(parseDeskSettings(null).defaultPriceMode).toBe('TTC');
  });
});
