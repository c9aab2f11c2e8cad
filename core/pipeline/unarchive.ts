import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import { derivedStage } from './derived-stage.ts';
import type { Dossier, Stage } from './dossier.ts';
import type { DossierEvent, PipelineContext } from './dossier-event.ts';
import { checkMove, moveDossier } from './move-dossier.ts';
import type { PipelineFacts } from './pipeline-facts.ts';

export type UnarchiveError = 'NOT_ARCHIVED';

/**
 * The stage a dossier was in when it was last archived, read from its history (any order; the
 * latest archiving wins). Null when the history holds no archiving of this dossier.
 */
export function stageBeforeArchive(dossier: Pick<Dossier, 'id'>, history: readonly DossierEvent[]): Stage | null {
  let last: DossierEvent | undefined;
  for (const e of history) {
    if (e.dossierId === dossier.id && e.kind === 'stage_changed' && e.toStage === 'archived' && (!last || e.at >= last.at)) last = e;
  }
  return last?.fromStage ?? null;
}

/**
 * Takes a dossier out of the archive, back to the stage recorded when it was archived. If that
 * record is missing (history not synced yet) or no longer fits the facts (a payment arrived while
 * archived), it goes to the furthest stage the facts justify instead. The move is a manual
 * `stage_changed` whose payload says which rule chose the stage.
 */
export function unarchiveDossier(
  dossier: Dossier,
  history: readonly DossierEvent[],
  facts: PipelineFacts,
  context: PipelineContext,
): Result<{ readonly dossier: Dossier; readonly event: DossierEvent }, UnarchiveError> {
  if (dossier.stage !== 'archived') return err('NOT_ARCHIVED', `the dossier is in ${dossier.stage}, not archived`);
  const recorded = stageBeforeArchive(dossier, history);
  const useRecorded = recorded !== null && recorded !== 'archived' && checkMove(dossier, recorded, facts).ok;
  const to = useRecorded ? recorded : derivedStage(facts, dossier.processed);
  const moved = moveDossier(dossier, to, facts, context, { unarchived: true, restored: useRecorded ? 'recorded' : 'derived' });
  // The derived stage always fits the facts it was derived from.
  if (!moved.ok) throw new Error(`derived stage ${to} refused: ${moved.error.code}`);
  return ok(moved.value);
}
