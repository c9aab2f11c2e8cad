import { checkMove, STAGES, type MoveError, type Stage } from '../../core/pipeline/index.ts';
import type { Result } from '../../core/shared/result.ts';
import { actionContext } from '../actions/action-context.ts';
import { loadDossierBundle } from '../actions/dossier-bundle.ts';
import { moveDossierTo } from '../actions/dossier-moves.ts';
import { notify, notifyError } from '../app/toast-store.ts';
import { currentTranslation } from '../i18n/useT.ts';

/** Moves a dossier by hand and says what happened: a confirmation, or why the move is refused. */
export async function moveWithFeedback(dossier: { readonly id: string; readonly number: string }, to: Stage): Promise<boolean> {
  const { t } = currentTranslation();
  const moved = await moveDossierTo(dossier.id, to, actionContext());
  if (moved.ok) {
    notify(t.pipeline.moved(dossier.number, t.stages[to]));
    return true;
  }
  notifyError(t.moveErrors[moved.error.code], t.pipeline.refused(t.stages[to]));
  return false;
}

/** Which columns would accept a dragged dossier, and why the others would not (for the board's highlight). */
export async function moveChecks(dossierId: string): Promise<Map<Stage, Result<true, MoveError>>> {
  const bundle = await loadDossierBundle(actionContext().db, dossierId);
  const checks = new Map<Stage, Result<true, MoveError>>();
  if (bundle === null) return checks;
  for (const stage of STAGES) checks.set(stage, checkMove(bundle.dossier, stage, bundle.facts));
  return checks;
}
