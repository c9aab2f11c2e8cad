import { useMemo, useState } from 'react';
import { applyImport, planDiscountsImport, planOffersImport, type CsvIssue, type ImportPlan, type Offer } from '../../core/offers/index.ts';
import type { ClientDatabase } from '../../core/replication/index.ts';
import { toastStore } from '../app/toast-store.ts';
import { randomIds, systemClock } from '../db/runtime.ts';
import { useT } from '../i18n/useT.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { writeOffers } from './offer-data.ts';
import type { CodeLabel } from './reference-lists.ts';

export type ImportKind = 'offers' | 'discounts';

interface Props {
  readonly db: ClientDatabase;
  readonly kind: ImportKind;
  readonly fileName: string;
  readonly text: string;
  readonly offers: readonly Offer[];
  readonly groups: readonly CodeLabel[];
  readonly places: readonly CodeLabel[];
  readonly onClose: () => void;
}

function planFor(props: Props): ImportPlan {
  if (props.kind === 'discounts') return planDiscountsImport(props.text, props.offers, { clock: systemClock });
  const groups = new Set(props.groups.map((g) => g.code));
  const places = new Set(props.places.map((p) => p.code));
  return planOffersImport(props.text, props.offers, {
    ids: randomIds,
    clock: systemClock,
    // Clients are not all in memory: their references are checked by the server's rules, not here.
    isKnownScopeCode: (scope, code) => (scope === 'GROUP' && groups.size > 0 ? groups.has(code) : scope === 'PLACE' && places.size > 0 ? places.has(code) : true),
  });
}

function IssueTable({ issues, caption }: { readonly issues: readonly CsvIssue[]; readonly caption: string }) {
  const { t } = useT();
  const c = t.offers.csv;
  return (
    <table className="grid import-issues">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">{c.line}</th>
          <th scope="col">{c.column}</th>
          <th scope="col">{c.problem}</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((issue, i) => (
          <tr key={i} data-testid="import-issue">
            <td className="num">{issue.line}</td>
            <td>{issue.column ?? '—'}</td>
            <td>
              {issue.code in t.offers.errors ? t.offers.errors[issue.code as keyof typeof t.offers.errors] : issue.code}{' '}
              <span className="small muted">{issue.message}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Seed 002 "Importer les offres" as a dry run: what would be created and changed, every problem by line
 * and column; "Appliquer" only when the file has no error, and then all of it or nothing.
 */
export function ImportDialog(props: Props) {
  const { t } = useT();
  const c = t.offers.csv;
  const plan = useMemo(() => planFor(props), [props.kind, props.text, props.offers]);
  const [busy, setBusy] = useState(false);
  const hasErrors = plan.errors.length > 0;
  const changes = plan.toCreate.length + plan.toUpdate.length;
  const apply = async () => {
    const applied = applyImport(props.offers, plan);
    if (!applied.ok) {
      toastStore.getState().push({ kind: 'error', text: applied.error.code === 'STALE_PLAN' ? c.stale : c.blocked });
      return;
    }
    setBusy(true);
    try {
      await writeOffers(props.db, [...plan.toCreate, ...plan.toUpdate.map((change) => change.after)]);
      toastStore.getState().push({ kind: 'info', text: c.applied(changes) });
      props.onClose();
    } catch (error) {
      toastStore.getState().push({ kind: 'error', text: `${t.errors.unexpected} ${String(error)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={c.previewTitle(props.fileName)} onClose={props.onClose} wide>
      <div className="stack">
        <p className="row" role="status" aria-label={c.previewTitle(props.fileName)}>
          <span className="badge accent" data-testid="to-create">{c.toCreate(plan.toCreate.length)}</span>
          <span className="badge accent" data-testid="to-update">{c.toUpdate(plan.toUpdate.length)}</span>
          <span className="badge">{c.unchanged(plan.unchanged)}</span>
          <span className={hasErrors ? 'badge danger' : 'badge'}>{c.errors(plan.errors.length)}</span>
          <span className={plan.warnings.length > 0 ? 'badge warn' : 'badge'}>{c.warnings(plan.warnings.length)}</span>
        </p>
        {hasErrors && <p className="notice danger">{c.blocked}</p>}
        {hasErrors && <IssueTable issues={plan.errors} caption={c.errors(plan.errors.length)} />}
        {plan.warnings.length > 0 && <IssueTable issues={plan.warnings} caption={c.warnings(plan.warnings.length)} />}
        {!hasErrors && changes === 0 && <p className="muted">{c.nothing}</p>}
        {!hasErrors && changes > 0 && (
          <ul className="import-changes">
            {plan.toCreate.map((o) => (
              <li key={o.id}>
                <span className="badge ok">+</span> <span className="mono">{o.code}</span> {o.title}
              </li>
            ))}
            {plan.toUpdate.map((ch) => (
              <li key={ch.after.id}>
                <span className="badge accent">~</span> <span className="mono">{ch.after.code}</span> {ch.after.title}
              </li>
            ))}
          </ul>
        )}
        <div className="row end">
          <button type="button" className="btn" onClick={props.onClose}>
            {t.common.cancel}
          </button>
          <button type="button" className="btn primary" disabled={hasErrors || changes === 0 || busy} onClick={() => void apply()}>
            {c.apply}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
