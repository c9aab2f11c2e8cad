import type { Pen } from './pdf-pen.ts';
import { COLOR, PAGE, SIZE } from './quote-pdf-layout.ts';
import type { QuotePdfModel } from './quote-pdf-model.ts';

const COMPANY_WIDTH = 92;
const META_LABEL_X = PAGE.right - 64;
const RECIPIENT_X = 110;
const RECIPIENT_WIDTH = PAGE.right - RECIPIENT_X;

/** Seller on the left, title and quote references on the right; returns the y below them. */
function drawTop(pen: Pen, model: QuotePdfModel): number {
  const body = { size: SIZE.body, color: COLOR.muted };
  pen.text(model.company.name, PAGE.left, 21, { size: SIZE.company, style: 'bold', color: COLOR.accent });
  let left = 22.5;
  for (const line of model.company.lines) {
    for (const part of pen.wrap(line, COMPANY_WIDTH, body)) {
      left += pen.lineHeight(SIZE.body);
      pen.text(part, PAGE.left, left, body);
    }
  }

  pen.text(model.title, PAGE.right, 21, { size: SIZE.title, style: 'bold', color: COLOR.accent }, 'right');
  let right = 26;
  if (model.draftMark !== null) {
    right += 1;
    pen.text(model.draftMark, PAGE.right, right, { size: SIZE.heading, style: 'bold', color: COLOR.draft }, 'right');
    right += 1;
  }
  for (const { label, value } of model.meta) {
    right += pen.lineHeight(SIZE.body) + 0.4;
    pen.text(label, META_LABEL_X, right, { size: SIZE.body, color: COLOR.muted });
    pen.text(value, PAGE.right, right, { size: SIZE.body, style: 'bold', color: COLOR.text }, 'right');
  }
  return Math.max(left, right);
}

/** The customer block, boxed where a window envelope shows it; returns the y below it. */
function drawRecipient(pen: Pen, model: QuotePdfModel, top: number): number {
  const inner = RECIPIENT_WIDTH - 8;
  const name = pen.wrap(model.recipient.name, inner, { size: SIZE.heading + 0.5, style: 'bold' });
  const lines = model.recipient.lines.flatMap((line) => pen.wrap(line, inner, { size: SIZE.body }));
  const height = 4 + pen.lineHeight(SIZE.small) + name.length * pen.lineHeight(SIZE.heading + 0.5) + lines.length * pen.lineHeight(SIZE.body) + 3;
  pen.strokeRect(RECIPIENT_X, top, RECIPIENT_WIDTH, height, COLOR.rule, 0.3);
  let y = top + 3 + pen.ascent(SIZE.small);
  pen.text(model.recipient.heading.toUpperCase(), RECIPIENT_X + 4, y, { size: SIZE.small, style: 'bold', color: COLOR.muted });
  y += 1;
  for (const part of name) {
    y += pen.lineHeight(SIZE.heading + 0.5);
    pen.text(part, RECIPIENT_X + 4, y, { size: SIZE.heading + 0.5, style: 'bold', color: COLOR.text });
  }
  for (const line of lines) {
    y += pen.lineHeight(SIZE.body);
    pen.text(line, RECIPIENT_X + 4, y, { size: SIZE.body, color: COLOR.text });
  }
  return top + height;
}

/** First page: seller, title, references, customer and subject. Returns where the lines table starts. */
export function drawFirstPageHeader(pen: Pen, model: QuotePdfModel): number {
  const below = drawTop(pen, model);
  let y = drawRecipient(pen, model, Math.max(below + 6, 46)) + 4;
  model.subject.forEach((line, index) => {
    const style = { size: SIZE.heading, style: index === 0 ? ('bold' as const) : ('normal' as const), color: COLOR.text };
    for (const part of pen.wrap(line, PAGE.right - PAGE.left, style)) {
      y += pen.lineHeight(SIZE.heading);
      pen.text(part, PAGE.left, y, style);
    }
  });
  return y + 4;
}

/** The top of every following page: who and which quote, so a loose page is still identifiable. */
export function drawContinuationHeader(pen: Pen, model: QuotePdfModel): number {
  pen.text(model.company.name, PAGE.left, PAGE.top + 2, { size: SIZE.heading, style: 'bold', color: COLOR.accent });
  pen.text(model.continuedTitle, PAGE.right, PAGE.top + 2, { size: SIZE.body, color: COLOR.muted }, 'right');
  pen.line(PAGE.left, PAGE.top + 4, PAGE.right, PAGE.top + 4, COLOR.rule, 0.3);
  return PAGE.top + 8;
}

/** Legal line and "Page n/N" at the foot of every page, drawn once the page count is known. */
export function drawPageFooters(pen: Pen, model: QuotePdfModel): void {
  const pages = pen.pageCount();
  const style = { size: SIZE.small, color: COLOR.muted };
  const legal = pen.wrap(model.footer, PAGE.right - PAGE.left - 25, style).slice(0, 2);
  for (let page = 1; page <= pages; page += 1) {
    pen.goToPage(page);
    pen.line(PAGE.left, PAGE.footerRule, PAGE.right, PAGE.footerRule, COLOR.rule, 0.3);
    legal.forEach((line, index) => {
      pen.text(line, PAGE.left, PAGE.footerRule + 4 + index * pen.lineHeight(SIZE.small), style);
    });
    pen.text(model.labels.page(page, pages), PAGE.right, PAGE.footerRule + 4, { ...style, style: 'bold' }, 'right');
  }
}
