import type { Align, Pen, Rgb } from './pdf-pen.ts';
import type { QuoteColumn } from './quote-pdf-model.ts';
import { QUOTE_COLUMNS } from './quote-pdf-model.ts';

/** A4 portrait, in mm. The body stops above the footer (legal line and page number). */
export const PAGE = { width: 210, height: 297, left: 15, right: 195, top: 15, bodyBottom: 278, footerRule: 281 } as const;
export const CONTENT_WIDTH = PAGE.right - PAGE.left;

/** Font sizes in points. */
export const SIZE = { title: 20, company: 14, heading: 9.5, body: 8.5, table: 8, small: 7 } as const;

export const COLOR = {
  text: [33, 37, 41],
  muted: [108, 117, 125],
  accent: [31, 58, 96],
  headerFill: [226, 232, 240],
  stripe: [246, 248, 250],
  rule: [206, 212, 218],
  totalFill: [31, 58, 96],
  white: [255, 255, 255],
  draft: [200, 80, 30],
} as const satisfies Record<string, Rgb>;

/** Horizontal and vertical padding inside table cells, in mm. */
export const CELL_PAD_X = 1.4;
export const CELL_PAD_Y = 1.3;

/**
 * Fixed widths of the number columns, wide enough for "999 999,99" at table size; the label takes
 * what is left, so long labels wrap instead of pushing the numbers off the page.
 */
const FIXED_WIDTHS: Readonly<Record<Exclude<QuoteColumn, 'label'>, number>> = {
  number: 8,
  ref: 24,
  quantity: 13,
  unitPrice: 21,
  discount: 15,
  vatRate: 12,
  total: 23,
};

/** Numbers are right-aligned so that units, tens and cents line up down the page. */
export const COLUMN_ALIGN: Readonly<Record<QuoteColumn, Align>> = {
  number: 'right',
  ref: 'left',
  label: 'left',
  quantity: 'right',
  unitPrice: 'right',
  discount: 'right',
  vatRate: 'right',
  total: 'right',
};

export interface ColumnBox {
  readonly x: number;
  readonly width: number;
}

/** Left edge and width of every column, left to right across the content width. */
export function columnBoxes(): Readonly<Record<QuoteColumn, ColumnBox>> {
  const fixed = Object.values(FIXED_WIDTHS).reduce((a, b) => a + b, 0);
  const boxes: Partial<Record<QuoteColumn, ColumnBox>> = {};
  let x: number = PAGE.left;
  for (const column of QUOTE_COLUMNS) {
    const width = column === 'label' ? CONTENT_WIDTH - fixed : FIXED_WIDTHS[column];
    boxes[column] = { x, width };
    x += width;
  }
  return boxes as Record<QuoteColumn, ColumnBox>;
}

/** The x at which to draw text aligned `align` inside a box, padding included. */
export function alignedX(box: ColumnBox, align: Align): number {
  if (align === 'right') return box.x + box.width - CELL_PAD_X;
  if (align === 'center') return box.x + box.width / 2;
  return box.x + CELL_PAD_X;
}

/**
 * The vertical cursor of a flowing document: `ensure` starts a new page when the next block
 * would cross the body's bottom, and `newPage` draws whatever repeats at the top of each page.
 */
export interface Flow {
  y: number;
  /** Makes room for `height` mm; returns true when that took a new page. */
  ensure(height: number): boolean;
  /** Room left on the current page, in mm. */
  room(): number;
}

export function createFlow(pen: Pen, startY: number, onNewPage: () => number): Flow {
  const flow: Flow = {
    y: startY,
    ensure(height) {
      if (flow.y + height <= PAGE.bodyBottom) return false;
      pen.addPage();
      flow.y = onNewPage();
      return true;
    },
    room: () => PAGE.bodyBottom - flow.y,
  };
  return flow;
}
