import { useState, type FormEvent } from 'react';
import type { DossierDoc } from '../../core/schemas/index.ts';
import { actionContext } from '../actions/action-context.ts';
import { changeStayDates } from '../actions/dossier-edits.ts';
import { notify } from '../app/toast-store.ts';
import { useT } from '../i18n/useT.ts';

/**
 * Stay dates and party size. Changing the dates never loses a quote (DESIGN §5): core `changeDates`
 * flags the draft and sent quotes "dates changed", to re-price on request.
 */
export function StayCard({ dossier }: { readonly dossier: DossierDoc }) {
  const { t } = useT();
  const [start, setStart] = useState(dossier.startDate ?? '');
  const [end, setEnd] = useState(dossier.endDate ?? '');
  const [party, setParty] = useState(dossier.partySize === null ? '' : String(dossier.partySize));
  const [error, setError] = useState<string | null>(null);
  const changed = start !== (dossier.startDate ?? '') || end !== (dossier.endDate ?? '');
  const partyChanged = party !== (dossier.partySize === null ? '' : String(dossier.partySize));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const ctx = actionContext();
    if (changed) {
      const result = await changeStayDates(dossier.id, { startDate: start === '' ? null : start, endDate: end === '' ? null : end }, ctx);
      if (!result.ok) {
        setError(t.dateErrors[result.error.code]);
        return;
      }
      notify(t.dossier.datesChangedNotice(result.value));
    }
    if (partyChanged) {
      const size = Number.parseInt(party, 10);
      const doc = await ctx.db.dossiers.findOne(dossier.id).exec();
      await doc?.incrementalPatch({ partySize: Number.isInteger(size) && size >= 0 ? size : null, updatedAt: ctx.clock.now() });
    }
  }

  return (
    <section className="panel" aria-labelledby="stay-title">
      <h2 id="stay-title">{t.dossier.stay}</h2>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <div className="row">
          <label className="grow">
            {t.dossier.startDate}
            <input type="date" value={start} onChange={(e) => setStart(e.target.value)} />
          </label>
          <label className="grow">
            {t.dossier.endDate}
            <input type="date" value={end} min={start || undefined} onChange={(e) => setEnd(e.target.value)} />
          </label>
        </div>
        <label>
          {t.dossier.partySize}
          <input type="number" min={0} value={party} onChange={(e) => setParty(e.target.value)} />
        </label>
        {error !== null && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="row end">
          <button type="submit" className="btn" disabled={!changed && !partyChanged}>
            {changed ? t.dossier.changeDates : t.common.save}
          </button>
        </div>
      </form>
    </section>
  );
}
