import { memo } from 'react';
import type { Cents } from '../../core/money/index.ts';
import type { Stage } from '../../core/pipeline/index.ts';
import { routeHash } from '../app/route-store.ts';
import { useT } from '../i18n/useT.ts';
import type { DossierRow } from '../projection/rows.ts';
import { DossierNumber } from '../ui/DossierNumber.tsx';
import { MoveMenu } from './MoveMenu.tsx';

interface DossierCardProps {
  readonly row: DossierRow;
  /** Passed in (not read here) so that the memoised card re-renders when they change. */
  readonly name: string;
  readonly amount: Cents | null;
  onDragStart(row: DossierRow): void;
  onDragEnd(): void;
  onMove(row: DossierRow, stage: Stage): void;
}

/** One dossier on the board: draggable, with a "Move to…" menu for the keyboard. */
export const DossierCard = memo(function DossierCard({ row, name, amount, onDragStart, onDragEnd, onMove }: DossierCardProps) {
  const { t, fmt } = useT();
  return (
    <li
      className="card"
      draggable
      aria-label={`${row.number} ${name}`}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', row.id);
        event.dataTransfer.effectAllowed = 'move';
        event.currentTarget.classList.add('dragging');
        onDragStart(row);
      }}
      onDragEnd={(event) => {
        event.currentTarget.classList.remove('dragging');
        onDragEnd();
      }}
    >
      <div className="top">
        <a href={routeHash({ name: 'dossier', id: row.id })}>
          <DossierNumber number={row.number} />
        </a>
        <span className="num">{amount === null ? '' : fmt.money(amount)}</span>
      </div>
      <div className="small">{name}</div>
      <p className="subject">{row.subject}</p>
      {row.startDate !== null && (
        <div className="dates">
          {fmt.date(row.startDate)} → {fmt.date(row.endDate)}
        </div>
      )}
      <div className="meta">
        <span>{row.partySize === null ? '' : t.pipeline.party(row.partySize)}</span>
        <MoveMenu number={row.number} current={row.stage} onMove={(stage) => onMove(row, stage)} />
      </div>
    </li>
  );
});
