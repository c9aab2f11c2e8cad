import type { Stage } from '../../core/pipeline/index.ts';
import type { NegotiationState } from '../../core/quote/index.ts';
import { fold, type TableRow, type Transferred } from './table-rows.ts';

/** What the table's toolbar filters on (issue 4: stage, agent, negotiation state, transferred, dates). */
export interface TableFilters {
  readonly text: string;
  readonly stages: readonly Stage[];
  /** A user id, `''` for unassigned, null for everyone. */
  readonly agent: string | null;
  readonly negotiation: NegotiationState | null;
  readonly transferred: Transferred | null;
  /** Stay start date range, inclusive, `YYYY-MM-DD` or `''`. */
  readonly startFrom: string;
  readonly startTo: string;
}

export const NO_FILTERS: TableFilters = { text: '', stages: [], agent: null, negotiation: null, transferred: null, startFrom: '', startTo: '' };

export interface SortSpec {
  readonly id: string;
  readonly desc: boolean;
}

export function filterRows(rows: readonly TableRow[], f: TableFilters): TableRow[] {
  const text = fold(f.text.trim());
  const stages = f.stages.length === 0 ? null : new Set(f.stages);
  return rows.filter(
    (row) =>
      (stages === null || stages.has(row.stage)) &&
      (f.agent === null || row.agentId === f.agent) &&
      (f.negotiation === null || row.negotiation === f.negotiation) &&
      (f.transferred === null || row.transferred === f.transferred) &&
      (f.startFrom === '' || (row.startDate !== '' && row.startDate >= f.startFrom)) &&
      (f.startTo === '' || (row.startDate !== '' && row.startDate <= f.startTo)) &&
      (text === '' || row.haystack.includes(text)),
  );
}

type Key = (row: TableRow) => string | number;

/** Sort keys by column id: plain strings and numbers, compared with `<`. */
const KEYS: Readonly<Record<string, Key>> = {
  number: (r) => r.number,
  client: (r) => r.clientKey,
  subject: (r) => r.subjectKey,
  stage: (r) => r.stageRank,
  agent: (r) => r.agent,
  source: (r) => r.source,
  startDate: (r) => r.startDate,
  endDate: (r) => r.endDate,
  partySize: (r) => r.partySize,
  amount: (r) => r.amount ?? -1,
  quote: (r) => r.quote,
  negotiation: (r) => r.negotiation ?? '',
  transferred: (r) => r.transferred,
  updatedAt: (r) => r.updatedAt,
  createdAt: (r) => r.createdAt,
};

/** Sorts in place by the first sort spec (then by number, so equal keys keep a stable order). */
export function sortRows(rows: TableRow[], sorting: readonly SortSpec[]): TableRow[] {
  const spec = sorting[0];
  const key = spec === undefined ? undefined : KEYS[spec.id];
  if (spec === undefined || key === undefined) return rows;
  const direction = spec.desc ? -1 : 1;
  // Decorate once: one key computation per row instead of one per comparison.
  const decorated = rows.map((row) => ({ row, key: key(row) }));
  decorated.sort((a, b) => (a.key < b.key ? -direction : a.key > b.key ? direction : a.row.number < b.row.number ? -1 : 1));
  for (let i = 0; i < decorated.length; i += 1) rows[i] = (decorated[i] as { row: TableRow }).row;
  return rows;
}
