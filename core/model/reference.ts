import type { Brand } from '../shared/brand.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { JsonObject } from './json.ts';

export type ReferenceId = Brand<string, 'ReferenceId'>;

/** The small configuration documents admins write and every client reads (DESIGN §3). */
export const REFERENCE_TYPES = ['settings', 'order_states', 'templates', 'families', 'client_groups', 'users', 'number_blocks'] as const;
export type ReferenceType = (typeof REFERENCE_TYPES)[number];

/**
 * One configuration document (`reference` collection), keyed by `type`. `data` is the payload of
 * that type (settings object, list of order states …); each owning module parses it into its own
 * types. `number_blocks` documents are written by the server only (DESIGN §8).
 */
export interface ReferenceEntry {
  readonly id: ReferenceId;
  readonly type: ReferenceType;
  readonly data: JsonObject;
  readonly updatedAt: IsoInstant;
}
