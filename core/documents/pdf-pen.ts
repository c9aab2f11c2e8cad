import type { jsPDF } from 'jspdf';

/** Font styles of the standard Helvetica family (the only fonts that need no embedding). */
export type FontStyle = 'normal' | 'bold' | 'italic';

/** An RGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

export interface TextStyle {
  /** Points. */
  readonly size: number;
  readonly style?: FontStyle;
  readonly color?: Rgb;
}

export type Align = 'left' | 'right' | 'center';

/** Millimetres per typographic point. */
const MM_PER_PT = 25.4 / 72;

/**
 * The few drawing operations documents need, over jsPDF, in millimetres from the top-left corner.
 * One place knows jsPDF's stateful API (current font, size, colours), so layout code only says
 * what to draw where; and only these calls run, none that needs a DOM or a canvas.
 */
export interface Pen {
  /** Height of one line of text of `size` points, in mm. */
  lineHeight(size: number): number;
  /** Distance from the top of a line to its baseline, in mm. */
  ascent(size: number): number;
  width(text: string, style: TextStyle): number;
  /** Splits text into lines no wider than `width` (words longer than a line are cut). */
  wrap(text: string, width: number, style: TextStyle): string[];
  /** Draws one line of text with its baseline at `y`; `x` is the left, right or centre edge per `align`. */
  text(text: string, x: number, y: number, style: TextStyle, align?: Align): void;
  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void;
  strokeRect(x: number, y: number, w: number, h: number, color: Rgb, lineWidth?: number): void;
  line(x1: number, y1: number, x2: number, y2: number, color: Rgb, lineWidth?: number): void;
  addPage(): void;
  pageCount(): number;
  goToPage(page: number): void;
}

const BLACK: Rgb = [0, 0, 0];

/** A pen drawing on `doc` (whose unit must be mm). */
export function createPen(doc: jsPDF): Pen {
  const use = (style: TextStyle): void => {
    doc.setFont('helvetica', style.style ?? 'normal');
    doc.setFontSize(style.size);
  };
  return {
    lineHeight: (size) => size * MM_PER_PT * 1.22,
    ascent: (size) => size * MM_PER_PT * 0.78,
    width(text, style) {
      use(style);
      return doc.getTextWidth(text);
    },
    wrap(text, width, style) {
      use(style);
      if (text === '') return [''];
      // splitTextToSize is typed `any`; it returns the lines as strings.
      const lines: unknown = doc.splitTextToSize(text, width);
      return Array.isArray(lines) ? lines.map(String) : [String(lines)];
    },
    text(text, x, y, style, align = 'left') {
      use(style);
      const [r, g, b] = style.color ?? BLACK;
      doc.setTextColor(r, g, b);
      doc.text(text, x, y, { align, baseline: 'alphabetic' });
    },
    fillRect(x, y, w, h, [r, g, b]) {
      doc.setFillColor(r, g, b);
      doc.rect(x, y, w, h, 'F');
    },
    strokeRect(x, y, w, h, [r, g, b], lineWidth = 0.2) {
      doc.setDrawColor(r, g, b);
      doc.setLineWidth(lineWidth);
      doc.rect(x, y, w, h, 'S');
    },
    line(x1, y1, x2, y2, [r, g, b], lineWidth = 0.2) {
      doc.setDrawColor(r, g, b);
      doc.setLineWidth(lineWidth);
      doc.line(x1, y1, x2, y2);
    },
    addPage: () => {
      doc.addPage();
    },
    pageCount: () => doc.getNumberOfPages(),
    goToPage: (page) => {
      doc.setPage(page);
    },
  };
}
