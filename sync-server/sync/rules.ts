import type { JsonObject } from '../../core/model/json.ts';
import type { Principal } from '../auth/principal.ts';
import { ADMIN_WRITTEN, DOSSIER_RELATED, isAppendOnly, type CollectionName } from './collections.ts';
import { ruleColumns } from './rule-columns.ts';

/**
 * Row-level rules (DESIGN §10), enforced on pull (SQL filter below) and on push (canWrite):
 *
 * | collection | agent reads | agent writes | manager | admin |
 * |---|---|---|---|---|
 * | dossiers | own team | own team, assigned to self or unassigned (before and after) | all | all |
 * | quotes, messages, events, payments, documents | those of dossiers they read | those of dossiers they write | all | all |
 * | commands | created by self | created by self | all | all |
 * | clients | all (caller lookup) | all | all | all |
 * | products, offers, reference | all | never | read only | all |
 *
 * `number_blocks` reference documents are written by the server only, admins included.
 *
 * Managers "write like agents across teams": every team, every assignee (they reassign), but not the
 * admin-written collections. messages and events are append-only for every client: an existing one
 * is never changed. The server itself (SYSTEM) is bound by none of this.
 */

/** A dossier as rules see it. */
export interface DossierFacts {
  readonly team: string | null;
  readonly assignedTo: string | null;
}

/**
 * Finds a dossier's facts by id; `undefined` when the server has no such dossier yet. That happens
 * legitimately: each collection replicates on its own, so an offline-created quote can arrive
 * before its dossier. Such documents are accepted for the writer and become visible to the team
 * when the dossier arrives (its related documents are re-stamped then, see restamp.ts).
 */
export type DossierLookup = (dossierId: string) => DossierFacts | undefined;

type User = Extract<Principal, { kind: 'user' }>;

function agentWritesDossier(user: User, dossier: DossierFacts): boolean {
  return dossier.team === user.team && (dossier.assignedTo === null || dossier.assignedTo === user.userId);
}

/** May `principal` read this stored document? */
export function canRead(principal: Principal, collection: CollectionName, body: JsonObject, dossierOf: DossierLookup): boolean {
  if (principal.kind === 'system' || principal.role !== 'agent') return true;
  const columns = ruleColumns(collection, body);
  if (collection === 'dossiers') return columns.team === principal.team;
  if (collection === 'commands') return columns.owner === principal.userId;
  if (DOSSIER_RELATED.includes(collection)) {
    const dossier = columns.dossierId === null ? undefined : dossierOf(columns.dossierId);
    return dossier !== undefined && dossier.team === principal.team;
  }
  return true;
}

/**
 * May `principal` replace `before` (null: insert) by `after`? Both states are checked, so an agent
 * can neither take over someone else's dossier nor give one away to another team.
 */
export function canWrite(
  principal: Principal,
  collection: CollectionName,
  before: JsonObject | null,
  after: JsonObject,
  dossierOf: DossierLookup,
): boolean {
  if (principal.kind === 'system') return true;
  if (before !== null && isAppendOnly(collection)) return false;
  // Number blocks are handed out by the server alone (numbers/number-blocks.ts): a client-written
  // block, even an admin's, could overlap one a device is already consuming offline (DESIGN §8).
  if (collection === 'reference' && (before?.type === 'number_blocks' || after.type === 'number_blocks')) return false;
  if (principal.role === 'admin') return true;
  if (ADMIN_WRITTEN.includes(collection)) return false;
  if (principal.role === 'manager') return true;
  const states = before === null ? [after] : [before, after];
  if (collection === 'dossiers') {
    return states.every((state) => {
      const columns = ruleColumns(collection, state);
      return agentWritesDossier(principal, { team: columns.team, assignedTo: columns.owner });
    });
  }
  if (collection === 'commands') return states.every((state) => ruleColumns(collection, state).owner === principal.userId);
  if (DOSSIER_RELATED.includes(collection)) {
    return states.every((state) => {
      const dossierId = ruleColumns(collection, state).dossierId;
      const dossier = dossierId === null ? undefined : dossierOf(dossierId);
      return dossier === undefined || agentWritesDossier(principal, dossier);
    });
  }
  return true;
}

/** A stored row as `readFilter` sees it: its rule columns, and its dossier's team (related documents). */
export interface ReadableRow {
  readonly team: string | null;
  readonly owner: string | null;
  readonly dossierTeam: string | null;
}

/**
 * `readFilter` in JavaScript, over the same columns (notice-documents.ts delivers documents on the
 * live stream with it): the two must answer alike, which rules.test.ts checks on a real database.
 */
export function readsRow(principal: Principal, collection: CollectionName, row: ReadableRow): boolean {
  if (principal.kind === 'system' || principal.role !== 'agent') return true;
  if (collection === 'dossiers') return row.team !== null && row.team === principal.team;
  if (collection === 'commands') return row.owner !== null && row.owner === principal.userId;
  if (DOSSIER_RELATED.includes(collection)) return row.dossierTeam !== null && row.dossierTeam === principal.team;
  return true;
}

/**
 * The SQL condition matching exactly the documents `canRead` allows, over the `docs` row aliased
 * `d`. `paramIndex` is the number of the first bind parameter it may use.
 */
export function readFilter(principal: Principal, collection: CollectionName, paramIndex: number): { sql: string; params: unknown[] } {
  if (principal.kind === 'system' || principal.role !== 'agent') return { sql: 'TRUE', params: [] };
  if (collection === 'dossiers') return { sql: `d.team = $${paramIndex}`, params: [principal.team] };
  if (collection === 'commands') return { sql: `d.owner = $${paramIndex}`, params: [principal.userId] };
  if (DOSSIER_RELATED.includes(collection)) {
    return {
      sql: `EXISTS (SELECT 1 FROM docs p WHERE p.collection = 'dossiers' AND p.id = d.dossier_id AND p.team = $${paramIndex})`,
      params: [principal.team],
    };
  }
  return { sql: 'TRUE', params: [] };
}
