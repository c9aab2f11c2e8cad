import type { ClientDatabase } from '../../core/replication/index.ts';
import { pipelineFacts, type DossierEvent, type PipelineFacts } from '../../core/pipeline/index.ts';
import type { Payment } from '../../core/payment/index.ts';
import type { Quote } from '../../core/quote/index.ts';
import { toDossierDoc, type DossierDoc } from '../../core/schemas/index.ts';
import type { Dossier } from '../../core/pipeline/index.ts';
import type { DossierId } from '../../core/shared/ids.ts';

/** A dossier with everything its pipeline guards look at. */
export interface DossierBundle {
  readonly dossier: DossierDoc;
  readonly quotes: readonly Quote[];
  readonly payments: readonly Payment[];
  readonly facts: PipelineFacts;
}

/** Reads one dossier, its quotes (all versions) and payments, through their dossier indexes. */
export async function loadDossierBundle(db: ClientDatabase, id: string): Promise<DossierBundle | null> {
  const dossierId = id as DossierId;
  const [dossierDoc, quoteDocs, paymentDocs] = await Promise.all([
    db.dossiers.findOne(dossierId).exec(),
    db.quotes.find({ selector: { dossierId }, sort: [{ version: 'asc' }] }).exec(),
    db.payments.find({ selector: { dossierId }, sort: [{ createdAt: 'asc' }] }).exec(),
  ]);
  if (dossierDoc === null) return null;
  const quotes = quoteDocs.map((d) => d.toMutableJSON());
  const payments = paymentDocs.map((d) => d.toMutableJSON());
  return { dossier: dossierDoc.toMutableJSON(), quotes, payments, facts: pipelineFacts(quotes, payments) };
}

/** Saves a dossier changed by a core operation together with the history it produced. */
export async function saveDossierOutcome(db: ClientDatabase, dossier: Dossier, events: readonly DossierEvent[]): Promise<void> {
  await db.dossiers.incrementalUpsert(toDossierDoc(dossier));
  if (events.length > 0) await db.events.bulkInsert([...events]);
}
