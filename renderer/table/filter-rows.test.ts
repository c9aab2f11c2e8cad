import { describe, expect, it } from 'vitest';
import { cents } from '../../core/money/index.ts';
import { filterRows, NO_FILTERS, sortRows } from './filter-rows.ts';
import type { TableRow } from './table-rows.ts';

function row(overrides: Partial<TableRow>): TableRow {
  return {
    id: 'd1', number: 'D-2026-000001', client: 'Dupré Hélène', subject: 'Ski', stage: 'new', stageRank: 0, agentId: 'u1', agent: 'Claire',
    source: 'phone', startDate: '2027-02-13', endDate: '2027-02-20', partySize: 4, amount: cents(10_000), quote: '', negotiation: null,
    transferred: 'none', updatedAt: '2026-11-01T10:00:00.000Z', createdAt: '2026-11-01T10:00:00.000Z', haystack: 'd-2026-000001 dupre helene ski',
    clientKey: 'dupre helene', subjectKey: 'ski', ...overrides,
  };
}

const rows = [
  row({ id: 'a', number: 'D-2026-000001', clientKey: 'martin', stage: 'paid', stageRank: 4, amount: cents(300), startDate: '2027-01-10' }),
  row({ id: 'b', number: 'D-2026-000002', clientKey: 'andre', stage: 'new', stageRank: 0, amount: null, agentId: '', transferred: 'order' }),
  row({ id: 'c', number: 'D-2026-000003', clientKey: 'dupre', stage: 'paid', stageRank: 4, amount: cents(100), negotiation: 'untreated', haystack: 'd-2026-000003 dupre hiver' }),
];

describe('dossier table filters and sort', () => {
  it('combines the filters of the toolbar', () => {
    expect(filterRows(rows, { ...NO_FILTERS, stages: ['paid'] }).map((r) => r.id)).toEqual(['a', 'c']);
    expect(filterRows(rows, { ...NO_FILTERS, agent: '' }).map((r) => r.id)).toEqual(['b']);
    expect(filterRows(rows, { ...NO_FILTERS, negotiation: 'untreated' }).map((r) => r.id)).toEqual(['c']);
    expect(filterRows(rows, { ...NO_FILTERS, transferred: 'order' }).map((r) => r.id)).toEqual(['b']);
    expect(filterRows(rows, { ...NO_FILTERS, startTo: '2027-01-31' }).map((r) => r.id)).toEqual(['a']);
    expect(filterRows(rows, { ...NO_FILTERS, text: 'HIVER' }).map((r) => r.id)).toEqual(['c']);
  });

  it('sorts by any column both ways, dossiers without an amount first when ascending', () => {
    expect(sortRows([...rows], [{ id: 'client', desc: false }]).map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(sortRows([...rows], [{ id: 'amount', desc: true }]).map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(sortRows([...rows], [{ id: 'amount', desc: false }]).map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });
});
