import { columnVisibilityFeature, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { Formatters } from '../i18n/formatters.ts';
import type { Messages } from '../i18n/fr.ts';
import { DossierNumber } from '../ui/DossierNumber.tsx';
import type { TableRow } from './table-rows.ts';

/** Sorting state and column visibility from the table; the sorting itself is ours (filter-rows.ts). */
export const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });

const helper = createColumnHelper<typeof features, TableRow>();

/** Column widths (px) for the CSS grid of the virtualised rows. */
export const COLUMN_WIDTHS: Readonly<Record<string, number>> = {
  number: 170, client: 190, subject: 260, stage: 160, agent: 130, source: 120, startDate: 110, endDate: 110,
  partySize: 60, amount: 120, quote: 150, negotiation: 200, transferred: 120, updatedAt: 150, createdAt: 150,
};

/** Hidden until chosen in "Columns". */
export const DEFAULT_HIDDEN: readonly string[] = ['endDate', 'source', 'quote', 'createdAt', 'transferred'];

export function tableColumns(t: Messages, fmt: Formatters) {
  const c = t.table.col;
  return helper.columns([
    helper.accessor('number', { header: c.number, cell: (info) => <DossierNumber number={info.getValue()} /> }),
    helper.accessor('client', { header: c.client }),
    helper.accessor('subject', { header: c.subject }),
    helper.accessor('stage', { header: c.stage, cell: (info) => <span className="badge">{t.stages[info.getValue()]}</span> }),
    helper.accessor('agent', { header: c.agent }),
    helper.accessor('source', { header: c.source, cell: (info) => t.sources[info.getValue()] }),
    helper.accessor('startDate', { header: c.startDate, cell: (info) => fmt.date(info.getValue() || null) }),
    helper.accessor('endDate', { header: c.endDate, cell: (info) => fmt.date(info.getValue() || null) }),
    helper.accessor('partySize', { header: c.partySize, cell: (info) => (info.getValue() < 0 ? '' : info.getValue()) }),
    helper.accessor('amount', { header: c.amount, cell: (info) => (info.getValue() === null ? '' : fmt.money(info.getValue() ?? (0 as never))) }),
    helper.accessor('quote', { header: c.quote }),
    helper.accessor('negotiation', {
      header: c.negotiation,
      cell: (info) => {
        const state = info.getValue();
        return state === null || state === 'none' ? '' : t.quote.negotiationStates[state];
      },
    }),
    helper.accessor('transferred', {
      header: c.transferred,
      cell: (info) => ({ order: t.table.transferredOrder, invoice: t.table.transferredInvoice, none: '' })[info.getValue()],
    }),
    helper.accessor('updatedAt', { header: c.updatedAt, cell: (info) => fmt.dateTime(info.getValue()) }),
    helper.accessor('createdAt', { header: c.createdAt, cell: (info) => fmt.dateTime(info.getValue()) }),
  ]);
}
