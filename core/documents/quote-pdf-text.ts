import type { QuotePdfInput } from './quote-pdf-input.ts';
import { QUOTE_COLUMNS, quotePdfModel } from './quote-pdf-model.ts';

/**
 * What the quote PDF says, as plain text in reading order, one printed line per line (table cells
 * separated by " | "). For tests, previews and plain-text emails; page numbers, which depend on the
 * layout, are left out.
 */
export function quotePdfText(input: QuotePdfInput): string {
  const model = quotePdfModel(input);
  const out: string[] = [model.company.name, ...model.company.lines, ''];
  out.push(model.draftMark === null ? model.title : `${model.title} (${model.draftMark})`);
  for (const { label, value } of model.meta) out.push(model.labels.pair(label, value));
  out.push('', model.recipient.heading, model.recipient.name, ...model.recipient.lines, '', ...model.subject, '');
  out.push(QUOTE_COLUMNS.map((column) => model.columns[column]).join(' | '));
  for (const row of model.rows) {
    out.push(row.kind === 'comment' ? `  ${row.text}` : QUOTE_COLUMNS.map((column) => row.cells[column]).join(' | '));
  }
  out.push('', model.vatTable.columns.join(' | '), ...model.vatTable.rows.map((row) => row.join(' | ')), '');
  for (const { label, value } of model.totals) out.push(model.labels.pair(label, value));
  if (model.clientRequest !== null) out.push('', model.clientRequest.heading, model.clientRequest.text);
  out.push('', model.payment.heading, ...model.payment.lines, '', model.acceptance.heading, model.acceptance.hint, '', model.footer);
  return out.join('\n');
}
