import { STAGES, type Stage } from '../../core/pipeline/index.ts';
import type { NegotiationState } from '../../core/quote/index.ts';
import { useT } from '../i18n/useT.ts';
import { NO_FILTERS, type TableFilters } from './filter-rows.ts';
import type { Transferred } from './table-rows.ts';

const NEGOTIATION: readonly NegotiationState[] = ['none', 'untreated', 'in_progress', 'finalised', 'cancelled'];

interface TableFilterBarProps {
  readonly filters: TableFilters;
  readonly agents: readonly { readonly id: string; readonly name: string }[];
  onChange(filters: TableFilters): void;
}

/** Stage, agent, negotiation state (seed 000), transferred (seed 000), stay dates and free text. */
export function TableFilterBar({ filters, agents, onChange }: TableFilterBarProps) {
  const { t } = useT();
  const set = (patch: Partial<TableFilters>) => onChange({ ...filters, ...patch });
  const toggleStage = (stage: Stage) =>
    set({ stages: filters.stages.includes(stage) ? filters.stages.filter((s) => s !== stage) : [...filters.stages, stage] });
  return (
    <fieldset className="row" style={{ alignItems: 'flex-end' }}>
      <legend>{t.table.filters}</legend>
      <label>
        {t.table.text}
        <input type="search" value={filters.text} onChange={(e) => set({ text: e.target.value })} />
      </label>
      <details className="menu-anchor">
        <summary className="btn small">
          {t.table.stage}
          {filters.stages.length > 0 && <span className="badge accent">{filters.stages.length}</span>}
        </summary>
        <div className="menu" role="group" aria-label={t.table.stage} style={{ left: 0, right: 'auto', padding: 8 }}>
          {STAGES.map((stage) => (
            <label key={stage} className="inline">
              <input type="checkbox" checked={filters.stages.includes(stage)} onChange={() => toggleStage(stage)} />
              {t.stages[stage]}
            </label>
          ))}
        </div>
      </details>
      <label>
        {t.table.agent}
        <select value={filters.agent ?? '*'} onChange={(e) => set({ agent: e.target.value === '*' ? null : e.target.value })}>
          <option value="*">{t.common.all}</option>
          <option value="">{t.dossier.unassigned}</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.table.negotiation}
        <select value={filters.negotiation ?? '*'} onChange={(e) => set({ negotiation: e.target.value === '*' ? null : (e.target.value as NegotiationState) })}>
          <option value="*">{t.common.all}</option>
          {NEGOTIATION.map((state) => (
            <option key={state} value={state}>
              {t.quote.negotiationStates[state]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.table.transferred}
        <select value={filters.transferred ?? '*'} onChange={(e) => set({ transferred: e.target.value === '*' ? null : (e.target.value as Transferred) })}>
          <option value="*">{t.table.transferredAny}</option>
          <option value="order">{t.table.transferredOrder}</option>
          <option value="invoice">{t.table.transferredInvoice}</option>
          <option value="none">{t.table.transferredNone}</option>
        </select>
      </label>
      <label>
        {t.table.startFrom}
        <input type="date" value={filters.startFrom} onChange={(e) => set({ startFrom: e.target.value })} />
      </label>
      <label>
        {t.table.startTo}
        <input type="date" value={filters.startTo} onChange={(e) => set({ startTo: e.target.value })} />
      </label>
      <button type="button" className="btn small" onClick={() => onChange(NO_FILTERS)}>
        {t.table.clear}
      </button>
    </fieldset>
  );
}
