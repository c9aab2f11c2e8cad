import type { Dossier, Stage } from './dossier.ts';
import { stageChangedEvent } from './dossier-event.ts';
import type { DossierEvent, PipelineContext, StageChangeCause } from './dossier-event.ts';
import { isFrozenForAutomaticMoves, stageRank } from './stage-rank.ts';

/**
 * Moves a dossier forward to `target` when that is further along, recording the move as done by
 * the system. Never moves backwards, and never touches a processed or archived dossier.
 */
export function autoAdvance(
  dossier: Dossier,
  target: Stage,
  cause: StageChangeCause,
  context: PipelineContext,
): { readonly dossier: Dossier; readonly event: DossierEvent | null } {
  if (isFrozenForAutomaticMoves(dossier.stage) || stageRank(target) <= stageRank(dossier.stage)) {
    return { dossier, event: null };
  }
  const event = stageChangedEvent(dossier, { ...context, actor: 'system' }, dossier.stage, target, cause);
  return { dossier: { ...dossier, stage: target, updatedAt: event.at }, event };
}
