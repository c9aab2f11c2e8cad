import type { IsoInstant } from '../shared/clock.ts';
import type { ClientId, UserId } from '../shared/ids.ts';

export type ClientKind = 'person' | 'company' | 'public_body';

/** A customer. Phone numbers are stored normalised (E.164) for caller lookup. */
export interface Client {
  readonly id: ClientId;
  /** Seed 002 "Référence" of the client, used by CLIENT-scoped offers. */
  readonly reference: string;
  readonly kind: ClientKind;
  /** Company or public body name; empty for a person. */
  readonly companyName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  /** E.164, e.g. `+33612345678`. */
  readonly phones: readonly string[];
  /** Client group code (seed 002 GROUPE scope), or null. */
  readonly groupCode: string | null;
  /** Delivery / collection places (seed 002 "Collecte" scope), by code. */
  readonly places: readonly string[];
  /** The client's sales rep (seed 000 copy of the quote to the client's rep). */
  readonly salesRep: UserId | null;
  readonly language: 'fr' | 'en';
  readonly updatedAt: IsoInstant;
}
