import { useMemo, useState, type KeyboardEvent } from 'react';
import { uiStore } from '../app/ui-store.ts';
import { useT } from '../i18n/useT.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { paletteItems } from './palette-items.ts';

/** Ctrl/Cmd+K: every frequent action and an instant search over dossiers and clients. */
export function CommandPalette() {
  const { t } = useT();
  const mode = uiStore((s) => s.paletteMode);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const items = useMemo(() => paletteItems(query, t, mode), [query, t, mode]);
  const current = Math.min(active, Math.max(items.length - 1, 0));

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((current + 1) % Math.max(items.length, 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current - 1 + items.length) % Math.max(items.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      items[current]?.run();
    }
  }

  let lastGroup = '';
  return (
    <Dialog title={t.palette.title} onClose={() => uiStore.getState().close()}>
      <input
        role="combobox"
        aria-label={t.palette.input}
        aria-expanded="true"
        aria-controls="palette-results"
        aria-activedescendant={items[current] ? `palette-${items[current].id}` : undefined}
        placeholder={t.palette.placeholder}
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-results" role="listbox" aria-label={t.palette.title} className="results">
        {items.length === 0 && <li className="muted">{t.palette.noResult}</li>}
        {items.flatMap((item, index) => {
          const header =
            item.group !== lastGroup ? (
              <li key={`group-${item.group}`} role="presentation" className="group">
                {t.palette[item.group]}
              </li>
            ) : null;
          lastGroup = item.group;
          const option = (
            <li
              key={item.id}
              id={`palette-${item.id}`}
              role="option"
              aria-selected={index === current}
              onMouseEnter={() => setActive(index)}
              onClick={() => item.run()}
            >
              <span className="grow">{item.label}</span>
              {item.detail !== '' && <span className="muted small">{item.detail}</span>}
              {item.shortcut !== undefined && <kbd>{item.shortcut}</kbd>}
            </li>
          );
          return header ? [header, option] : [option];
        })}
      </ul>
    </Dialog>
  );
}
