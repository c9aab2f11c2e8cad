import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { STAGES, type Stage } from '../../core/pipeline/index.ts';
import { useT } from '../i18n/useT.ts';

interface MoveMenuProps {
  readonly number: string;
  readonly current: Stage;
  onMove(stage: Stage): void;
}

/** The keyboard alternative to drag and drop: "Move to…" opens a menu of the other stages. */
export function MoveMenu({ number, current, onMove }: MoveMenuProps) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const targets = STAGES.filter((stage) => stage !== current);

  useEffect(() => {
    if (open) menu.current?.querySelector('button')?.focus();
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const items = [...(menu.current?.querySelectorAll('button') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  }

  return (
    <span className="menu-anchor" onClick={(e) => e.stopPropagation()}>
      <button
        ref={button}
        type="button"
        className="btn small ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t.pipeline.moveLabel(number)}
        onClick={() => setOpen(!open)}
      >
        {t.pipeline.moveTo}
      </button>
      {open && (
        <ul ref={menu} role="menu" aria-label={t.pipeline.moveLabel(number)} className="menu" onKeyDown={onKeyDown}>
          {targets.map((stage) => (
            <li key={stage} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  close();
                  onMove(stage);
                }}
              >
                {t.stages[stage]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
