import type { DossierDoc } from '../../core/schemas/index.ts';
import { actionContext } from '../actions/action-context.ts';
import { assignToMe } from '../actions/dossier-edits.ts';
import { setDossierProcessed } from '../actions/dossier-moves.ts';
import { notifyError } from '../app/toast-store.ts';
import { useT } from '../i18n/useT.ts';
import { MoveMenu } from '../pipeline/MoveMenu.tsx';
import { moveWithFeedback } from '../pipeline/move-with-feedback.ts';
import { userName } from '../reference/reference-store.ts';
import { sessionStore } from '../session/session-store.ts';
import { DossierNumber } from '../ui/DossierNumber.tsx';

/** Number, subject, stage with "Move to…", the processed box (seed 001) and the assignee. */
export function DossierHeader({ dossier }: { readonly dossier: DossierDoc }) {
  const { t } = useT();
  const me = sessionStore((s) => s.user?.id);

  async function toggleProcessed(processed: boolean) {
    const result = await setDossierProcessed(dossier.id, processed, actionContext());
    if (!result.ok) notifyError(t.moveErrors[result.error.code], t.dossier.processed);
  }

  return (
    <header className="dossier-title">
      <a href="#/pipeline" className="btn small ghost" aria-label={t.dossier.back}>
        ←
      </a>
      <h1>
        {t.dossier.number} <DossierNumber number={dossier.number} />
      </h1>
      <span className="subject">{dossier.subject}</span>
      <span className="badge accent" aria-label={t.common.pair(t.dossier.stage, t.stages[dossier.stage])}>
        {t.stages[dossier.stage]}
      </span>
      <MoveMenu number={dossier.number} current={dossier.stage} onMove={(stage) => void moveWithFeedback(dossier, stage)} />
      <label className="inline small">
        <input type="checkbox" checked={dossier.processed} onChange={(e) => void toggleProcessed(e.target.checked)} />
        {t.dossier.processed}
      </label>
      <span className="small muted">
        {t.common.pair(t.dossier.assignedTo, dossier.assignedTo === null ? t.dossier.unassigned : userName(dossier.assignedTo))}
      </span>
      {dossier.assignedTo !== me && (
        <button type="button" className="btn small" onClick={() => void assignToMe(dossier.id, actionContext())}>
          {t.dossier.assignToMe}
        </button>
      )}
      <span className="badge">{t.sources[dossier.source]}</span>
    </header>
  );
}
