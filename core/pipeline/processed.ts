import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { ActivityOutcome } from './apply-event.ts';
import { derivedStage } from './derived-stage.ts';
import type { Dossier } from './dossier.ts';
import { newDossierEvent, stageChangedEvent } from './dossier-event.ts';
import type { DossierEvent, PipelineContext } from './dossier-event.ts';
import { fullyPaid } from './pipeline-facts.ts';
import type { PipelineFacts } from './pipeline-facts.ts';

export type SetProcessedError = 'NOT_PAID';

/**
 * The "Saisie dans le logiciel (Traité)" checkbox (seed 001). Ticking it moves a paid dossier to
 * `processed`; unticking moves it back to `paid` (or to what the facts justify, if the total grew
 * since). On an archived dossier only the box changes. Ticking an unpaid dossier is refused;
 * setting the box to its current value changes nothing and records nothing.
 */
export function setProcessed(
  dossier: Dossier,
  processed: boolean,
  facts: PipelineFacts,
  context: PipelineContext,
): Result<ActivityOutcome, SetProcessedError> {
  if (processed === dossier.processed) return ok({ dossier, events: [] });
  if (processed && !fullyPaid(facts)) return err('NOT_PAID', 'only a dossier paid in full can be marked processed');
  if (processed && dossier.stage !== 'paid' && dossier.stage !== 'archived') {
    return err('NOT_PAID', `a dossier in ${dossier.stage} is not in the paid column`);
  }
  const kind = processed ? 'processed_marked' : 'processed_unmarked';
  const boxEvent = newDossierEvent(dossier, context, {
    kind,
    summary: processed ? 'marked as entered in the back-office software' : 'unmarked as entered in the back-office software',
  });
  const events: DossierEvent[] = [boxEvent];
  let stage = dossier.stage;
  if (dossier.stage !== 'archived') {
    stage = processed ? 'processed' : derivedStage(facts, false);
    if (stage !== dossier.stage) events.push(stageChangedEvent(dossier, context, dossier.stage, stage, kind));
  }
  return ok({ dossier: { ...dossier, processed, stage, updatedAt: boxEvent.at }, events });
}
