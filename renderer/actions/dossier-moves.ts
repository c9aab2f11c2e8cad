import { moveDossier, setProcessed, type MoveError, type SetProcessedError, type Stage } from '../../core/pipeline/index.ts';
import { err, ok, type Result } from '../../core/shared/result.ts';
import { pipelineContext, type ActionContext } from './action-context.ts';
import { loadDossierBundle, saveDossierOutcome } from './dossier-bundle.ts';

/** A manual move (board drag and drop, "Move to…" menu), guarded by core `moveDossier`. */
export async function moveDossierTo(dossierId: string, to: Stage, ctx: ActionContext): Promise<Result<true, MoveError>> {
  const bundle = await loadDossierBundle(ctx.db, dossierId);
  if (bundle === null) return err('UNKNOWN_STAGE', 'dossier not found');
  const moved = moveDossier(bundle.dossier, to, bundle.facts, pipelineContext(ctx));
  if (!moved.ok) return moved;
  await saveDossierOutcome(ctx.db, moved.value.dossier, [moved.value.event]);
  return ok(true);
}

/** Seed 001 "Saisie dans le logiciel (Traité)" checkbox. */
export async function setDossierProcessed(dossierId: string, processed: boolean, ctx: ActionContext): Promise<Result<true, SetProcessedError>> {
  const bundle = await loadDossierBundle(ctx.db, dossierId);
  if (bundle === null) return err('NOT_PAID', 'dossier not found');
  const outcome = setProcessed(bundle.dossier, processed, bundle.facts, pipelineContext(ctx));
  if (!outcome.ok) return outcome;
  await saveDossierOutcome(ctx.db, outcome.value.dossier, outcome.value.events);
  return ok(true);
}
