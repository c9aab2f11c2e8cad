import type { IsoDate, IsoInstant } from '../shared/clock.ts';
import type { ClientId, DossierId, UserId } from '../shared/ids.ts';

/** The seven pipeline columns of seed 001, in order (DESIGN §5). */
export const STAGES = ['new', 'in_progress', 'awaiting_payment', 'deposit_paid', 'paid', 'processed', 'archived'] as const;
export type Stage = (typeof STAGES)[number];

export type DossierSource = 'phone' | 'web_form' | 'email' | 'walk_in';

/** A commercial file. A dossier in stage `new` is a "request" (no priced line yet). */
export interface Dossier {
  readonly id: DossierId;
  /** Readable number, e.g. `D-2026-000042` (DESIGN §8). */
  readonly number: string;
  readonly clientId: ClientId | null;
  readonly source: DossierSource;
  readonly subject: string;
  /** Stay / service dates; either may be unknown at first contact. */
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
  readonly partySize: number | null;
  readonly assignedTo: UserId | null;
  readonly team: string;
  readonly stage: Stage;
  /** Seed 001: "Saisie dans le logiciel (Traité)". */
  readonly processed: boolean;
  readonly tags: readonly string[];
  readonly createdAt: IsoInstant;
  readonly updatedAt: IsoInstant;
}
