import type { Pen, TextStyle } from './pdf-pen.ts';
import { CELL_PAD_X, COLOR, PAGE, SIZE } from './quote-pdf-layout.ts';
import type { Flow } from './quote-pdf-layout.ts';
import type { QuotePdfModel } from './quote-pdf-model.ts';

const VAT_WIDTHS = [19, 24, 24, 25] as const;
const VAT_WIDTH = VAT_WIDTHS.reduce((a, b) => a + b, 0);
const RIGHT_X = 117;
const RIGHT_WIDTH = PAGE.right - RIGHT_X;
const ROW = 5.2;
const GAP = 6;

/** The VAT table: one row per rate (base, VAT, total), as French rules want it on the document. */
function drawVatTable(pen: Pen, model: QuotePdfModel, top: number): number {
  const header: TextStyle = { size: SIZE.small + 0.5, style: 'bold', color: COLOR.accent };
  const body: TextStyle = { size: SIZE.table, color: COLOR.text };
  pen.fillRect(PAGE.left, top, VAT_WIDTH, ROW, COLOR.headerFill);
  const cell = (texts: readonly string[], y: number, style: TextStyle): void => {
    let x: number = PAGE.left;
    texts.forEach((text, index) => {
      const width = VAT_WIDTHS[index] ?? 0;
      // The rate column reads like a label, the amounts line up on their cents.
      if (index === 0) pen.text(text, x + CELL_PAD_X, y, style);
      else pen.text(text, x + width - CELL_PAD_X, y, style, 'right');
      x += width;
    });
  };
  cell(model.vatTable.columns, top + ROW - 1.6, header);
  let y = top + ROW;
  for (const row of model.vatTable.rows) {
    cell(row, y + ROW - 1.6, body);
    y += ROW;
    pen.line(PAGE.left, y, PAGE.left + VAT_WIDTH, y, COLOR.rule, 0.1);
  }
  return y;
}

/** Totals on the right; the amount to pay stands out on a dark band. */
function drawTotals(pen: Pen, model: QuotePdfModel, top: number): number {
  let y = top;
  for (const row of model.totals) {
    const height = row.strong ? ROW + 2 : ROW;
    if (row.strong) pen.fillRect(RIGHT_X, y, RIGHT_WIDTH, height, COLOR.totalFill);
    const style: TextStyle = row.strong
      ? { size: SIZE.heading + 0.5, style: 'bold', color: COLOR.white }
      : { size: SIZE.body, color: COLOR.text };
    const baseline = y + height - (row.strong ? 2.1 : 1.6);
    pen.text(row.label, RIGHT_X + 2, baseline, style);
    pen.text(row.value, PAGE.right - 2, baseline, style, 'right');
    y += height;
    if (!row.strong) pen.line(RIGHT_X, y, PAGE.right, y, COLOR.rule, 0.1);
  }
  return y;
}

/** Lines of text that may run over a page break, one line at a time. */
function flowLines(pen: Pen, flow: Flow, lines: readonly string[], style: TextStyle, x: number): void {
  for (const line of lines) {
    flow.ensure(pen.lineHeight(style.size));
    flow.y += pen.lineHeight(style.size);
    pen.text(line, x, flow.y, style);
  }
}

function heading(pen: Pen, flow: Flow, text: string, x: number): void {
  flow.ensure(pen.lineHeight(SIZE.heading) * 3);
  flow.y += pen.lineHeight(SIZE.heading);
  pen.text(text, x, flow.y, { size: SIZE.heading, style: 'bold', color: COLOR.accent });
  flow.y += 0.8;
}

/** The signature box: "Bon pour accord", with room to sign. */
function drawAcceptance(pen: Pen, model: QuotePdfModel, top: number): number {
  const hint = pen.wrap(model.acceptance.hint, RIGHT_WIDTH - 6, { size: SIZE.small });
  const height = 30;
  pen.strokeRect(RIGHT_X, top, RIGHT_WIDTH, height, COLOR.rule, 0.3);
  pen.text(model.acceptance.heading, RIGHT_X + 3, top + 5, { size: SIZE.heading, style: 'bold', color: COLOR.accent });
  hint.forEach((line, n) => {
    pen.text(line, RIGHT_X + 3, top + 9 + n * pen.lineHeight(SIZE.small), { size: SIZE.small, color: COLOR.muted });
  });
  return top + height;
}

/**
 * Everything after the lines: VAT table and totals side by side (kept together on one page), the
 * customer's request, then payment terms beside the signature box.
 */
export function drawSummary(pen: Pen, model: QuotePdfModel, flow: Flow): void {
  const vatHeight = (model.vatTable.rows.length + 1) * ROW;
  const totalsHeight = model.totals.reduce((sum, row) => sum + (row.strong ? ROW + 2 : ROW), 0);
  flow.ensure(GAP + Math.max(vatHeight, totalsHeight));
  flow.y += GAP;
  flow.y = Math.max(drawVatTable(pen, model, flow.y), drawTotals(pen, model, flow.y));

  const body: TextStyle = { size: SIZE.body, color: COLOR.text };
  if (model.clientRequest !== null) {
    flow.y += 2;
    heading(pen, flow, model.clientRequest.heading, PAGE.left);
    const text = model.clientRequest.text.split('\n').flatMap((p) => pen.wrap(p, PAGE.right - PAGE.left, { ...body, style: 'italic' }));
    flowLines(pen, flow, text, { ...body, style: 'italic' }, PAGE.left);
  }

  const leftWidth = RIGHT_X - PAGE.left - 6;
  const terms = model.payment.lines.flatMap((line) => pen.wrap(line, leftWidth, body));
  const termsHeight = pen.lineHeight(SIZE.heading) + 0.8 + terms.length * pen.lineHeight(SIZE.body);
  const sideBySide = termsHeight <= 100;
  flow.ensure(GAP + (sideBySide ? Math.max(termsHeight, 30) : 40));
  flow.y += GAP;
  const top = flow.y;
  heading(pen, flow, model.payment.heading, PAGE.left);
  if (sideBySide) {
    flowLines(pen, flow, terms, body, PAGE.left);
    flow.y = Math.max(flow.y, drawAcceptance(pen, model, top));
    return;
  }
  flowLines(pen, flow, model.payment.lines.flatMap((line) => pen.wrap(line, PAGE.right - PAGE.left, body)), body, PAGE.left);
  flow.ensure(GAP + 30);
  flow.y = drawAcceptance(pen, model, flow.y + GAP);
}
