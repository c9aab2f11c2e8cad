import { useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { savedViewsStore, type SavedView } from './saved-views-store.ts';

interface ViewControlsProps {
  /** The current set-up, to save under a name. */
  current(): Omit<SavedView, 'name'>;
  onApply(view: SavedView | null): void;
  readonly columns: readonly { readonly id: string; readonly label: string; readonly visible: boolean; toggle(): void }[];
}

/** Column choice and saved views. */
export function ViewControls({ current, onApply, columns }: ViewControlsProps) {
  const { t } = useT();
  const views = savedViewsStore((s) => s.views);
  const [selected, setSelected] = useState('');
  const [name, setName] = useState('');
  return (
    <div className="row">
      <details className="menu-anchor">
        <summary className="btn small">{t.table.columns}</summary>
        <div className="menu" role="group" aria-label={t.table.columns} style={{ padding: 8 }}>
          {columns.map((column) => (
            <label key={column.id} className="inline">
              <input type="checkbox" checked={column.visible} onChange={column.toggle} />
              {column.label}
            </label>
          ))}
        </div>
      </details>
      <label className="inline">
        {t.table.view}
        <select
          aria-label={t.table.view}
          value={selected}
          onChange={(e) => {
            setSelected(e.target.value);
            onApply(views.find((v) => v.name === e.target.value) ?? null);
          }}
        >
          <option value="">{t.table.defaultView}</option>
          {views.map((view) => (
            <option key={view.name} value={view.name}>
              {view.name}
            </option>
          ))}
        </select>
      </label>
      {selected !== '' && (
        <button
          type="button"
          className="btn small danger"
          onClick={() => {
            savedViewsStore.getState().remove(selected);
            setSelected('');
          }}
        >
          {t.table.deleteView}
        </button>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() === '') return;
          savedViewsStore.getState().save({ name: name.trim(), ...current() });
          setSelected(name.trim());
          setName('');
        }}
      >
        <input aria-label={t.table.viewName} placeholder={t.table.viewName} value={name} onChange={(e) => setName(e.target.value)} style={{ width: 140 }} />
        <button type="submit" className="btn small">
          {t.table.saveView}
        </button>
      </form>
    </div>
  );
}
