import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../core/model/json.ts';
import type { Principal } from '../auth/principal.ts';
import { canRead, canWrite, readFilter, readsRow, type DossierFacts } from './rules.ts';

const alice: Principal = { kind: 'user', userId: 'u-alice', role: 'agent', team: 'alpes' };
const manager: Principal = { kind: 'user', userId: 'u-max', role: 'manager', team: 'alpes' };
const admin: Principal = { kind: 'user', userId: 'u-ada', role: 'admin', team: 'siege' };

const dossiers: Record<string, DossierFacts> = {
  mine: { team: 'alpes', assignedTo: 'u-alice' },
  open: { team: 'alpes', assignedTo: null },
  colleague: { team: 'alpes', assignedTo: 'u-bruno' },
  other: { team: 'mer', assignedTo: 'u-chloe' },
};
const lookup = (id: string) => dossiers[id];
const dossier = (team: string, assignedTo: string | null): JsonObject => ({ id: 'd', team, assignedTo });
const quote = (dossierId: string): JsonObject => ({ id: 'q', dossierId });

describe('row-level rules', () => {
  it("lets an agent read their team's dossiers and the documents of those dossiers", () => {
    expect(canRead(alice, 'dossiers', dossier('alpes', 'u-bruno'), lookup)).toBe(true);
    expect(canRead(alice, 'dossiers', dossier('mer', null), lookup)).toBe(false);
    expect(canRead(alice, 'quotes', quote('colleague'), lookup)).toBe(true);
    expect(canRead(alice, 'payments', quote('other'), lookup)).toBe(false);
    expect(canRead(alice, 'messages', quote('unknown'), lookup)).toBe(false);
    expect(canRead(alice, 'products', { id: 'p' }, lookup)).toBe(true);
    expect(canRead(manager, 'dossiers', dossier('mer', null), lookup)).toBe(true);
  });

  it('lets an agent write only dossiers assigned to them or unassigned, before and after the change', () => {
    expect(canWrite(alice, 'dossiers', null, dossier('alpes', null), lookup)).toBe(true);
    expect(canWrite(alice, 'dossiers', dossier('alpes', null), dossier('alpes', 'u-alice'), lookup)).toBe(true);
    expect(canWrite(alice, 'dossiers', dossier('alpes', 'u-bruno'), dossier('alpes', 'u-alice'), lookup)).toBe(false);
    expect(canWrite(alice, 'dossiers', dossier('alpes', 'u-alice'), dossier('alpes', 'u-bruno'), lookup)).toBe(false);
    expect(canWrite(alice, 'dossiers', dossier('alpes', 'u-alice'), dossier('mer', 'u-alice'), lookup)).toBe(false);
    expect(canWrite(manager, 'dossiers', dossier('mer', 'u-chloe'), dossier('alpes', 'u-alice'), lookup)).toBe(true);
  });

  it("ties documents of a dossier to the dossier's rule, accepting a dossier not synced yet", () => {
    expect(canWrite(alice, 'quotes', null, quote('mine'), lookup)).toBe(true);
    expect(canWrite(alice, 'quotes', null, quote('colleague'), lookup)).toBe(false);
    expect(canWrite(alice, 'quotes', quote('mine'), quote('other'), lookup)).toBe(false);
    expect(canWrite(alice, 'quotes', null, quote('not-yet-pushed'), lookup)).toBe(true);
  });

  it('keeps admin collections and append-only collections closed', () => {
    expect(canWrite(alice, 'offers', null, { id: 'o' }, lookup)).toBe(false);
    expect(canWrite(manager, 'reference', null, { id: 'r' }, lookup)).toBe(false);
    expect(canWrite(admin, 'products', null, { id: 'p' }, lookup)).toBe(true);
    expect(canWrite(admin, 'messages', quote('mine'), { ...quote('mine'), body: 'x' }, lookup)).toBe(false);
    expect(canWrite({ kind: 'system' }, 'messages', quote('mine'), { ...quote('mine'), body: 'x' }, lookup)).toBe(true);
  });

  it('lets agents see and write their own commands only', () => {
    const command = (createdBy: string): JsonObject => ({ id: 'c', createdBy, payload: {} });
    expect(canRead(alice, 'commands', command('u-alice'), lookup)).toBe(true);
    expect(canRead(alice, 'commands', command('u-bruno'), lookup)).toBe(false);
    expect(canWrite(alice, 'commands', null, command('u-bruno'), lookup)).toBe(false);
  });

  it('filters pulls in SQL on the same facts', () => {
    expect(readFilter(alice, 'dossiers', 4)).toEqual({ sql: 'd.team = $4', params: ['alpes'] });
    expect(readFilter(alice, 'quotes', 4).sql).toContain("p.collection = 'dossiers'");
    expect(readFilter(alice, 'commands', 4)).toEqual({ sql: 'd.owner = $4', params: ['u-alice'] });
    expect(readFilter(alice, 'clients', 4)).toEqual({ sql: 'TRUE', params: [] });
    expect(readFilter(manager, 'dossiers', 4)).toEqual({ sql: 'TRUE', params: [] });
  });

  it('filters documents delivered on the live stream on the same columns as the SQL filter', () => {
    const row = (team: string | null, owner: string | null, dossierTeam: string | null) => ({ team, owner, dossierTeam });
    expect(readsRow(alice, 'dossiers', row('alpes', null, null))).toBe(true);
    expect(readsRow(alice, 'dossiers', row('mer', 'u-alice', null))).toBe(false);
    expect(readsRow(alice, 'dossiers', row(null, null, null))).toBe(false);
    expect(readsRow(alice, 'quotes', row(null, null, 'alpes'))).toBe(true);
    expect(readsRow(alice, 'quotes', row(null, null, 'mer'))).toBe(false);
    // A document whose dossier the server does not hold yet is hidden, as the SQL EXISTS hides it.
    expect(readsRow(alice, 'messages', row(null, null, null))).toBe(false);
    expect(readsRow(alice, 'commands', row(null, 'u-alice', null))).toBe(true);
    expect(readsRow(alice, 'commands', row(null, 'u-bruno', null))).toBe(false);
    expect(readsRow(alice, 'offers', row(null, null, null))).toBe(true);
    expect(readsRow(manager, 'dossiers', row('mer', null, null))).toBe(true);
    expect(readsRow({ kind: 'system' }, 'commands', row(null, 'u-bruno', null))).toBe(true);
  });
});
