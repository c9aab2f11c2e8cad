import type { JsonObject } from '../../core/model/json.ts';
import type { CollectionName } from './collections.ts';
import { DOSSIER_RELATED } from './collections.ts';

/**
 * The facts rules look at, copied into indexed columns of `docs` on every write so that pulls filter
 * in SQL with the same meaning as the push checks in rules.ts.
 */
export interface RuleColumns {
  /** dossiers: the team owning the dossier. */
  readonly team: string | null;
  /** dossiers: the assigned agent; commands: their creator. */
  readonly owner: string | null;
  /** Documents of one dossier: its id. */
  readonly dossierId: string | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Extracts the rule columns of a stored document body. */
export function ruleColumns(collection: CollectionName, body: JsonObject): RuleColumns {
  if (collection === 'dossiers') return { team: text(body.team), owner: text(body.assignedTo), dossierId: null };
  if (collection === 'commands') {
    const payload = body.payload;
    const dossierId = typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? text((payload as JsonObject).dossierId) : null;
    return { team: null, owner: text(body.createdBy), dossierId };
  }
  if (DOSSIER_RELATED.includes(collection)) return { team: null, owner: null, dossierId: text(body.dossierId) };
  return { team: null, owner: null, dossierId: null };
}
