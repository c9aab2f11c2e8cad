import { useMemo, useState } from 'react';
import { cents } from '../../core/money/index.ts';
import { STAGES } from '../../core/pipeline/index.ts';
import { useT } from '../i18n/useT.ts';
import { projectionStore } from '../projection/projection-store.ts';
import { userName } from '../reference/reference-store.ts';
import { sessionStore } from '../session/session-store.ts';
import { AGE_BUCKETS, dashboardFigures } from './dashboard-figures.ts';
import './dashboard.css';

function Bar({ value, max, label }: { readonly value: number; readonly max: number; readonly label: string }) {
  return (
    <div className="bar" role="img" aria-label={label}>
      <span style={{ width: `${max === 0 ? 0 : Math.max(1, (100 * value) / max)}%` }} />
    </div>
  );
}

/** DESIGN §12 manager charts, drawn with CSS bars from the projection. */
export function Dashboard() {
  const { t, fmt } = useT();
  const version = projectionStore((s) => s.version);
  const user = sessionStore((s) => s.user);
  const [teamOnly, setTeamOnly] = useState(user?.role === 'agent');
  const figures = useMemo(() => (version >= 0 ? dashboardFigures(Date.now(), teamOnly ? (user?.team ?? null) : null) : null), [version, teamOnly, user]);
  if (figures === null) return null;
  const maxCount = Math.max(...[...figures.byStage.values()].map((s) => s.count));
  const maxAge = Math.max(...figures.ageing.values());
  const agents = [...figures.agents].sort((a, b) => b[1].open - a[1].open).slice(0, 20);
  const money = (amount: number) => fmt.money(cents(amount));
  return (
    <section aria-labelledby="dashboard-title" className="stack">
      <div className="screen-header">
        <h1 id="dashboard-title">{t.dashboard.title}</h1>
        <label className="inline">
          <input type="checkbox" checked={teamOnly} onChange={(e) => setTeamOnly(e.target.checked)} />
          {t.pipeline.team}
        </label>
      </div>
      <div className="dashboard">
        <section className="panel" aria-labelledby="funnel-title">
          <h2 id="funnel-title">{t.dashboard.funnel}</h2>
          <table className="grid">
            <tbody>
              {STAGES.map((stage) => {
                const s = figures.byStage.get(stage) ?? { count: 0, amount: 0 };
                return (
                  <tr key={stage}>
                    <th scope="row">{t.stages[stage]}</th>
                    <td style={{ width: '45%' }}>
                      <Bar value={s.count} max={maxCount} label={t.pipeline.count(s.count)} />
                    </td>
                    <td className="num">{fmt.integer(s.count)}</td>
                    <td className="num">{money(s.amount)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <section className="panel stack" aria-label={t.dashboard.conversion}>
          <div className="kpi">
            <h2>{t.dashboard.conversion}</h2>
            <strong>{figures.conversion === null ? '—' : `${fmt.integer(Math.round(figures.conversion * 100))} %`}</strong>
            <span className="small muted">{t.dashboard.conversionHint}</span>
          </div>
          <div className="kpi">
            <h2>{t.dashboard.depositsPending}</h2>
            <strong>{money(figures.awaiting.amount)}</strong>
            <span className="small muted">{t.dashboard.depositsHint(figures.awaiting.count, fmt.integer(figures.awaiting.count))}</span>
          </div>
        </section>
        <section className="panel" aria-labelledby="ageing-title">
          <h2 id="ageing-title">{t.dashboard.ageing}</h2>
          <table className="grid">
            <tbody>
              {AGE_BUCKETS.map((b) => (
                <tr key={b}>
                  <th scope="row">{t.dashboard.buckets[b]}</th>
                  <td style={{ width: '55%' }}>
                    <Bar value={figures.ageing.get(b) ?? 0} max={maxAge} label={String(figures.ageing.get(b) ?? 0)} />
                  </td>
                  <td className="num">{fmt.integer(figures.ageing.get(b) ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="panel" aria-labelledby="agents-title">
          <h2 id="agents-title">{t.dashboard.perAgent}</h2>
          <table className="grid">
            <thead>
              <tr>
                <th>{t.dashboard.agent}</th>
                <th className="num">{t.dashboard.open}</th>
                <th className="num">{t.dashboard.touched}</th>
              </tr>
            </thead>
            <tbody>
              {agents.map(([id, a]) => (
                <tr key={id}>
                  <td>{id === '' ? t.dashboard.unassigned : userName(id)}</td>
                  <td className="num">{fmt.integer(a.open)}</td>
                  <td className="num">{fmt.integer(a.touched)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </section>
  );
}
