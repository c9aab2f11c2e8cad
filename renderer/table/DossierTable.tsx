import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { FlexRender, useTable, type ColumnVisibilityState, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { navigate } from '../app/route-store.ts';
import { useT } from '../i18n/useT.ts';
import { projectionStore } from '../projection/projection-store.ts';
import { filterRows, NO_FILTERS, sortRows, type TableFilters } from './filter-rows.ts';
import type { SavedView } from './saved-views-store.ts';
import { COLUMN_WIDTHS, DEFAULT_HIDDEN, features, tableColumns } from './table-columns.tsx';
import { buildTableRows } from './table-rows.ts';
import { TableFilterBar } from './TableFilterBar.tsx';
import { ViewControls } from './ViewControls.tsx';
import './table.css';

const ROW_HEIGHT = 34;
const NUMERIC = new Set(['amount', 'partySize']);
const DEFAULT_SORT: SortingState = [{ id: 'updatedAt', desc: true }];
const hiddenState = (hidden: readonly string[]): ColumnVisibilityState => Object.fromEntries(hidden.map((id) => [id, false]));

/**
 * Every dossier in one virtualised table (issue 4): sort by any column, filters, column choice and
 * saved views, fluid with 50,000 dossiers. Rows come from the in-memory projection; filtering and
 * sorting are plain array passes over precomputed keys (timed in the status line); the table
 * models and the DOM hold only the rows in view.
 */
export function DossierTable() {
  const { t, fmt } = useT();
  const version = useDeferredValue(projectionStore((s) => s.version));
  const [filters, setFilters] = useState<TableFilters>(NO_FILTERS);
  const [sorting, setSorting] = useState<SortingState>(DEFAULT_SORT);
  const [visibility, setVisibility] = useState<ColumnVisibilityState>(() => hiddenState(DEFAULT_HIDDEN));
  const deferredFilters = useDeferredValue(filters);
  const columns = useMemo(() => tableColumns(t, fmt), [t, fmt]);
  const all = useMemo(() => (version >= 0 ? buildTableRows() : []), [version]);
  const agents = useMemo(() => {
    const seen = new Map<string, string>();
    for (const row of all) if (row.agentId !== '') seen.set(row.agentId, row.agent);
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [all]);
  const { rows, ms } = useMemo(() => {
    const started = performance.now();
    const result = sortRows(filterRows(all, deferredFilters), sorting);
    return { rows: result, ms: performance.now() - started };
  }, [all, deferredFilters, sorting]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  // The table models only the rows in view: filtering and sorting are already done above, so a
  // 50k-row model would be rebuilt on every change for nothing.
  const windowRows = useMemo(() => rows.slice(first, last + 1), [rows, first, last]);

  const table = useTable({
    features,
    columns,
    data: windowRows,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setVisibility,
    manualSorting: true,
    enableSortingRemoval: false,
    getRowId: (row) => row.id,
  });
  const modelRows = table.getRowModel().rows;
  const visible = table.getVisibleLeafColumns();
  const template = visible.map((column) => `${COLUMN_WIDTHS[column.id] ?? 120}px`).join(' ');
  const width = visible.reduce((sum, column) => sum + (COLUMN_WIDTHS[column.id] ?? 120), 0);

  function applyView(view: SavedView | null) {
    setFilters(view?.filters ?? NO_FILTERS);
    setSorting(view === null ? DEFAULT_SORT : [...view.sorting]);
    setVisibility(hiddenState(view?.hidden ?? DEFAULT_HIDDEN));
  }

  return (
    <section aria-labelledby="table-title" className="stack">
      <div className="screen-header" style={{ marginBottom: 0 }}>
        <h1 id="table-title">{t.table.title}</h1>
        <ViewControls
          current={() => ({ filters, sorting, hidden: Object.keys(visibility).filter((id) => visibility[id] === false) })}
          onApply={applyView}
          columns={table.getAllLeafColumns().map((column) => ({
            id: column.id,
            label: t.table.col[column.id as keyof typeof t.table.col] ?? column.id,
            visible: column.getIsVisible(),
            toggle: () => column.toggleVisibility(),
          }))}
        />
      </div>
      <TableFilterBar filters={filters} agents={agents} onChange={setFilters} />
      <div className="dtable" role="table" aria-labelledby="table-title" aria-rowcount={rows.length + 1}>
        <div className="dtable-scroll" ref={scroller}>
          <div role="rowgroup" className="dtable-head" style={{ gridTemplateColumns: template, width }}>
            <div role="row" style={{ display: 'contents' }}>
              {table.getHeaderGroups()[0]?.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <div key={header.id} role="columnheader" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                    <button type="button" onClick={header.column.getToggleSortingHandler()}>
                      <FlexRender header={header} />
                      <span aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                    </button>
                  </div>
                );
              })}
            </div>
          </div>
          <div role="rowgroup" className="dtable-body" style={{ height: virtualizer.getTotalSize(), width }}>
            {items.map((item) => {
              const row = modelRows[item.index - first];
              if (row === undefined) return null;
              return (
                <div
                  key={row.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  tabIndex={0}
                  className="dtable-row"
                  style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: template }}
                  onClick={() => navigate({ name: 'dossier', id: row.original.id })}
                  onKeyDown={(e) => e.key === 'Enter' && navigate({ name: 'dossier', id: row.original.id })}
                >
                  {row.getVisibleCells().map((cell) => (
                    <div key={cell.id} role="cell" className={NUMERIC.has(cell.column.id) ? 'num' : undefined}>
                      <FlexRender cell={cell} />
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
        <div className="table-status" role="status">
          <span>{t.table.rows(rows.length, fmt.integer(rows.length))}</span>
          <span data-testid="table-timing">{t.table.timing(ms.toFixed(1))}</span>
        </div>
      </div>
    </section>
  );
}
