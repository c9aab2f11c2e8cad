import { useState } from 'react';
import type { Cents } from '../../core/money/index.ts';
import type { MoveError, Stage } from '../../core/pipeline/index.ts';
import type { Result } from '../../core/shared/result.ts';
import { useT } from '../i18n/useT.ts';
import { clientName, dossierQuote } from '../projection/projection-store.ts';
import type { DossierRow } from '../projection/rows.ts';
import { DossierCard } from './DossierCard.tsx';

const PAGE = 30;

interface PipelineColumnProps {
  readonly stage: Stage;
  readonly rows: readonly DossierRow[];
  readonly total: Cents;
  /** While a card is dragged: may it be dropped here, and if not why. */
  readonly check: Result<true, MoveError> | null;
  onDragStart(row: DossierRow): void;
  onDragEnd(): void;
  onDrop(dossierId: string, stage: Stage): void;
  onMove(row: DossierRow, stage: Stage): void;
}

/** One stage of seed 001: its label, count and amount, and its most recently touched dossiers. */
export function PipelineColumn({ stage, rows, total, check, onDragStart, onDragEnd, onDrop, onMove }: PipelineColumnProps) {
  const { t, fmt } = useT();
  const [shown, setShown] = useState(PAGE);
  const [over, setOver] = useState(false);
  const headingId = `column-${stage}`;
  const state = check === null ? '' : check.ok ? 'allowed' : 'refused';
  return (
    <section
      className={`column ${state} ${over ? 'over' : ''}`}
      aria-labelledby={headingId}
      data-stage={stage}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const id = event.dataTransfer.getData('text/plain');
        if (id !== '') onDrop(id, stage);
      }}
    >
      <header className="column-header">
        <h2 id={headingId}>
          <span>{t.stages[stage]}</span>
          <span className="badge" aria-label={t.pipeline.count(rows.length)}>
            {fmt.integer(rows.length)}
          </span>
        </h2>
        <div className="totals">
          <span>{t.pipeline.count(rows.length)}</span>
          <span className="num" data-testid={`total-${stage}`}>
            {fmt.money(total)}
          </span>
        </div>
        {check !== null && !check.ok && check.error.code !== 'SAME_STAGE' && <div className="refusal">{t.moveErrors[check.error.code]}</div>}
      </header>
      <ul className="cards" aria-labelledby={headingId}>
        {rows.slice(0, shown).map((row) => (
          <DossierCard
            key={row.id}
            row={row}
            name={clientName(row.clientId)}
            amount={dossierQuote(row.id)?.totalGross ?? null}
            onDragStart={onDragStart}
            onDragEnd={onDragEnd}
            onMove={onMove}
          />
        ))}
        {rows.length > shown && (
          <li>
            <button type="button" className="btn small" style={{ width: '100%', justifyContent: 'center' }} onClick={() => setShown(shown + PAGE)}>
              {t.common.showMore(Math.min(PAGE, rows.length - shown))}
            </button>
          </li>
        )}
      </ul>
    </section>
  );
}
