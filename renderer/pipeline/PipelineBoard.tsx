import { useCallback, useMemo, useState } from 'react';
import { cents, type Cents } from '../../core/money/index.ts';
import { STAGES, type MoveError, type Stage } from '../../core/pipeline/index.ts';
import type { Result } from '../../core/shared/result.ts';
import { useT } from '../i18n/useT.ts';
import { dossierQuote, dossierRows, projectionStore } from '../projection/projection-store.ts';
import type { DossierRow } from '../projection/rows.ts';
import { sessionStore } from '../session/session-store.ts';
import { moveChecks, moveWithFeedback } from './move-with-feedback.ts';
import { PipelineColumn } from './PipelineColumn.tsx';
import './pipeline.css';

type Scope = 'mine' | 'team' | 'all';
const SCOPES: readonly Scope[] = ['all', 'team', 'mine'];

interface Column {
  readonly rows: DossierRow[];
  total: number;
}

/** Seed 001's seven columns with drag and drop, counts and amounts; guarded by core `moveDossier`. */
export function PipelineBoard() {
  const { t, fmt } = useT();
  const version = projectionStore((s) => s.version);
  const ready = projectionStore((s) => s.dossiersReady);
  const user = sessionStore((s) => s.user);
  const [scope, setScope] = useState<Scope>('all');
  const [checks, setChecks] = useState<Map<Stage, Result<true, MoveError>> | null>(null);

  const columns = useMemo(() => {
    const byStage = new Map<Stage, Column>(STAGES.map((stage) => [stage, { rows: [], total: 0 }]));
    if (version < 0) return byStage;
    for (const row of dossierRows.values()) {
      if (scope === 'mine' && row.assignedTo !== user?.id) continue;
      if (scope === 'team' && row.team !== user?.team) continue;
      const column = byStage.get(row.stage);
      if (column === undefined) continue;
      column.rows.push(row);
      column.total += dossierQuote(row.id)?.totalGross ?? 0;
    }
    for (const column of byStage.values()) column.rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    return byStage;
  }, [version, scope, user]);

  const onDragStart = useCallback((row: DossierRow) => {
    void moveChecks(row.id).then(setChecks);
  }, []);
  const onDragEnd = useCallback(() => setChecks(null), []);
  const onMove = useCallback((row: DossierRow, stage: Stage) => void moveWithFeedback(row, stage), []);
  const onDrop = useCallback((id: string, stage: Stage) => {
    setChecks(null);
    const row = dossierRows.get(id);
    if (row !== undefined && row.stage !== stage) void moveWithFeedback(row, stage);
  }, []);
  const labels: Record<Scope, string> = { mine: t.pipeline.mine, team: t.pipeline.team, all: t.pipeline.all };

  return (
    <section aria-labelledby="pipeline-title">
      <div className="screen-header">
        <h1 id="pipeline-title">{t.pipeline.title}</h1>
        {!ready && (
          <span className="small muted" role="status">
            {t.pipeline.loading(fmt.integer(dossierRows.size))}
          </span>
        )}
        <div role="radiogroup" aria-label={t.pipeline.scope} className="row">
          {SCOPES.map((s) => (
            <label key={s} className="inline btn small">
              <input type="radio" name="pipeline-scope" checked={scope === s} onChange={() => setScope(s)} />
              {labels[s]}
            </label>
          ))}
        </div>
      </div>
      <div className="board">
        {STAGES.map((stage) => {
          const column = columns.get(stage) ?? { rows: [], total: 0 };
          return (
            <PipelineColumn
              key={stage}
              stage={stage}
              rows={column.rows}
              total={cents(column.total) as Cents}
              check={checks?.get(stage) ?? null}
              onDragStart={onDragStart}
              onDragEnd={onDragEnd}
              onDrop={onDrop}
              onMove={onMove}
            />
          );
        })}
      </div>
    </section>
  );
}
