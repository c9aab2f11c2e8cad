import type { MigrationStrategies, RxCollection } from 'rxdb';
import type { CollectionName } from '../schemas/collections.ts';
import { defineCollectionSchema } from '../schemas/define-schema.ts';
import { enumField, idField, instantField, jsonObjectField, nullable, textField } from '../schemas/json-fields.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { ConflictSide } from './conflict-path.ts';
import { COLLECTION_NAMES } from '../schemas/collections.ts';

/**
 * Why a value was recorded:
 * - `concurrent`: both sides changed it differently; the server's value was kept (keep mine / keep theirs).
 * - `refused`: the server refused this client's change (rules): its copy was kept; only "keep theirs"
 *   (acknowledge) makes sense, since pushing it again would be refused again.
 */
export type ConflictReason = 'concurrent' | 'refused';

/** Open until the user chooses; `kept_theirs` also acknowledges a refused change. */
export type ConflictStatus = 'open' | 'kept_mine' | 'kept_theirs';

export const CONFLICT_STATUSES: readonly ConflictStatus[] = ['open', 'kept_mine', 'kept_theirs'];

/**
 * A document of the local-only `conflicts` collection: one value the merge could not reconcile, kept
 * for review (DESIGN §9, §12 "conflicts to review"). Never replicated: each device reviews its own.
 * At most one open conflict per document path: a later conflict on the same path replaces it.
 */
export interface ConflictDoc {
  readonly id: string;
  /** The replicated collection (`collection` is reserved by RxDB documents). */
  readonly collectionName: CollectionName;
  readonly docId: string;
  /** `formatPath` form: `''` whole document, `subject`, `negotiation/state`, `lines/@line-3`. */
  readonly path: string;
  readonly reason: ConflictReason;
  /** This device's value, which lost. */
  readonly mine: ConflictSide;
  /** The server's value, which the document now holds. */
  readonly theirs: ConflictSide;
  /** When the conflict was detected. */
  readonly at: IsoInstant;
  readonly status: ConflictStatus;
  readonly resolvedAt: IsoInstant | null;
  readonly updatedAt: IsoInstant;
}

export type ConflictCollection = RxCollection<ConflictDoc>;

/** The name of the local-only collection, the 12th and last the free RxDB build allows (DESIGN §3). */
export const CONFLICTS_COLLECTION = 'conflicts';

export const conflictSchema = defineCollectionSchema<ConflictDoc>()({
  version: 0,
  title: CONFLICTS_COLLECTION,
  description: 'Local-only review queue of values a sync merge could not reconcile.',
  properties: {
    id: idField(),
    collectionName: enumField(COLLECTION_NAMES),
    docId: idField(),
    path: textField(200),
    reason: enumField(['concurrent', 'refused']),
    mine: jsonObjectField(),
    theirs: jsonObjectField(),
    at: instantField(),
    status: enumField(CONFLICT_STATUSES),
    resolvedAt: nullable(instantField()),
    updatedAt: instantField(),
  },
  required: ['id', 'collectionName', 'docId', 'path', 'reason', 'mine', 'theirs', 'at', 'status', 'resolvedAt', 'updatedAt'],
  indexes: [
    // The review list: open conflicts, oldest first.
    ['status', 'at'],
    // A document's conflicts (badge on the dossier or quote, replacing an open one on the same path).
    ['docId', 'status'],
  ],
});

/** No migrations yet: version 0. */
export const conflictMigrationStrategies: MigrationStrategies = {};
