import type { Pen, TextStyle } from './pdf-pen.ts';
import { alignedX, CELL_PAD_X, CELL_PAD_Y, COLOR, COLUMN_ALIGN, columnBoxes, PAGE, SIZE } from './quote-pdf-layout.ts';
import type { Flow } from './quote-pdf-layout.ts';
import { QUOTE_COLUMNS } from './quote-pdf-model.ts';
import type { QuoteColumn, QuotePdfModel, QuotePdfRow } from './quote-pdf-model.ts';

const BOXES = columnBoxes();
const TABLE_WIDTH = PAGE.right - PAGE.left;
const MIN_NUMBER_SIZE = 5.5;

interface Cell {
  readonly lines: readonly string[];
  readonly size: number;
}

/** A number too wide for its column (a six-figure total) is printed smaller, never cut or wrapped. */
function fitted(pen: Pen, text: string, width: number): Cell {
  let size: number = SIZE.table;
  while (size > MIN_NUMBER_SIZE && pen.width(text, { size }) > width) size -= 0.5;
  return { lines: [text], size };
}

/**
 * Catalog references have no spaces; cut them after a separator ("ACT-CHIENS-" / "TRAIN-1H")
 * rather than mid-word, and only cut inside a part that is wider than the column on its own.
 */
function wrapRef(pen: Pen, ref: string, width: number): string[] {
  const style: TextStyle = { size: SIZE.table };
  const lines: string[] = [];
  let current = '';
  for (const part of ref.split(/(?<=[-/_.])/)) {
    if (pen.width(current + part, style) <= width) {
      current += part;
      continue;
    }
    if (current !== '') lines.push(current);
    const pieces = pen.wrap(part, width, style);
    current = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  lines.push(current);
  return lines;
}

function cells(pen: Pen, row: Extract<QuotePdfRow, { kind: 'line' }>): Record<QuoteColumn, Cell> {
  const out: Partial<Record<QuoteColumn, Cell>> = {};
  for (const column of QUOTE_COLUMNS) {
    const inner = BOXES[column].width - 2 * CELL_PAD_X;
    const text = row.cells[column];
    if (column === 'ref') out[column] = { lines: wrapRef(pen, text, inner), size: SIZE.table };
    else if (column === 'label') out[column] = { lines: pen.wrap(text, inner, { size: SIZE.table }), size: SIZE.table };
    else out[column] = fitted(pen, text, inner);
  }
  return out as Record<QuoteColumn, Cell>;
}

function rowHeight(pen: Pen, lineCount: number, size: number = SIZE.table): number {
  return lineCount * pen.lineHeight(size) + 2 * CELL_PAD_Y;
}

/** Column headers in bold on a tinted band; long headers ("Unit price excl. VAT") wrap. */
function drawHeader(pen: Pen, model: QuotePdfModel, top: number): number {
  const style: TextStyle = { size: SIZE.table, style: 'bold', color: COLOR.accent };
  const wrapped = QUOTE_COLUMNS.map((column) => pen.wrap(model.columns[column], BOXES[column].width - 2 * CELL_PAD_X, style));
  const height = rowHeight(pen, Math.max(...wrapped.map((lines) => lines.length)));
  pen.fillRect(PAGE.left, top, TABLE_WIDTH, height, COLOR.headerFill);
  QUOTE_COLUMNS.forEach((column, index) => {
    (wrapped[index] ?? []).forEach((line, n) => {
      const y = top + CELL_PAD_Y + pen.ascent(SIZE.table) + n * pen.lineHeight(SIZE.table);
      pen.text(line, alignedX(BOXES[column], COLUMN_ALIGN[column]), y, style, COLUMN_ALIGN[column]);
    });
  });
  return top + height;
}

function drawLineRow(pen: Pen, row: Extract<QuotePdfRow, { kind: 'line' }>, flow: Flow, model: QuotePdfModel, stripe: boolean): void {
  const content = cells(pen, row);
  const height = rowHeight(pen, Math.max(...QUOTE_COLUMNS.map((column) => content[column].lines.length)));
  if (flow.ensure(height)) flow.y = drawHeader(pen, model, flow.y);
  if (stripe) pen.fillRect(PAGE.left, flow.y, TABLE_WIDTH, height, COLOR.stripe);
  for (const column of QUOTE_COLUMNS) {
    const cell = content[column];
    const style: TextStyle = { size: cell.size, style: column === 'number' ? 'bold' : 'normal', color: column === 'number' ? COLOR.muted : COLOR.text };
    cell.lines.forEach((line, n) => {
      const y = flow.y + CELL_PAD_Y + pen.ascent(SIZE.table) + n * pen.lineHeight(SIZE.table);
      pen.text(line, alignedX(BOXES[column], COLUMN_ALIGN[column]), y, style, COLUMN_ALIGN[column]);
    });
  }
  flow.y += height;
  pen.line(PAGE.left, flow.y, PAGE.right, flow.y, COLOR.rule, 0.1);
}

/**
 * A comment line, in italics across the description and number columns. A very long comment is
 * continued on the next page rather than drawn past the footer.
 */
function drawCommentRow(pen: Pen, text: string, flow: Flow, model: QuotePdfModel): void {
  const style: TextStyle = { size: SIZE.table, style: 'italic', color: COLOR.text };
  const x = BOXES.ref.x + CELL_PAD_X;
  const lines = text.split('\n').flatMap((paragraph) => pen.wrap(paragraph, PAGE.right - x - CELL_PAD_X, style));
  let rest = lines;
  while (rest.length > 0) {
    if (flow.ensure(rowHeight(pen, 1))) flow.y = drawHeader(pen, model, flow.y);
    const fit = Math.max(1, Math.floor((flow.room() - 2 * CELL_PAD_Y) / pen.lineHeight(SIZE.table)));
    const chunk = rest.slice(0, fit);
    rest = rest.slice(fit);
    chunk.forEach((line, n) => {
      pen.text(line, x, flow.y + CELL_PAD_Y + pen.ascent(SIZE.table) + n * pen.lineHeight(SIZE.table), style);
    });
    flow.y += rowHeight(pen, chunk.length);
    pen.line(PAGE.left, flow.y, PAGE.right, flow.y, COLOR.rule, 0.1);
  }
}

/**
 * The lines table: header, then one row per quote line, breaking pages between rows and repeating
 * the header at the top of each new page. Alternate priced lines are tinted so a long row is easy
 * to follow across the page.
 */
export function drawLinesTable(pen: Pen, model: QuotePdfModel, flow: Flow): void {
  // Keep the header with at least two rows: a header alone at the foot of a page helps nobody.
  flow.ensure(rowHeight(pen, 2) + 3 * rowHeight(pen, 1));
  flow.y = drawHeader(pen, model, flow.y);
  let priced = 0;
  for (const row of model.rows) {
    if (row.kind === 'comment') {
      drawCommentRow(pen, row.text, flow, model);
    } else {
      drawLineRow(pen, row, flow, model, priced % 2 === 1);
      priced += 1;
    }
  }
}
