/**
 * Reads the text back out of an uncompressed PDF written by jsPDF with the standard fonts, without
 * any PDF library: enough for tests to check what a customer would read, where it sits and in which
 * font, on machines without poppler's `pdftotext`. Not a general PDF parser (no compression, no
 * embedded fonts, no text matrices); deliberately not re-exported from index.ts.
 */

/** One string drawn on a page, in PDF points from the bottom-left corner. */
export interface TextRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** The font's BaseFont, e.g. `Helvetica-Oblique`. */
  readonly font: string;
  readonly size: number;
}

const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function latin1(bytes: Uint8Array): string {
  let out = '';
  // Chunked: String.fromCharCode with a whole file's bytes as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** A PDF literal string's bytes (escapes resolved), read as WinAnsi. */
function decodeLiteral(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i += 1) {
    let char = body[i] ?? '';
    if (char === '\\') {
      const next = body[i + 1] ?? '';
      const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1, i + 4));
      if (octal) {
        char = String.fromCharCode(parseInt(octal[0], 8));
        i += octal[0].length;
      } else {
        char = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[next] ?? next;
        i += 1;
      }
    }
    const code = char.charCodeAt(0);
    out += code >= 0x80 && code <= 0x9f ? (WIN_ANSI_HIGH[code - 0x80] ?? char) : char;
  }
  return out;
}

/** BaseFont by font object number, and resource name (`/F1`) by object number. */
function fontNames(pdf: string): Map<string, string> {
  const baseFonts = new Map<string, string>();
  for (const m of pdf.matchAll(/(\d+) 0 obj\s*<<\s*\/Type \/Font\s*\/BaseFont \/([\w-]+)/g)) baseFonts.set(m[1] ?? '', m[2] ?? '');
  const byResource = new Map<string, string>();
  for (const m of pdf.matchAll(/\/(F\d+) (\d+) 0 R/g)) byResource.set(m[1] ?? '', baseFonts.get(m[2] ?? '') ?? '?');
  return byResource;
}

/** The text runs of every page, in drawing order. Throws on a compressed file. */
export function pdfTextRuns(bytes: Uint8Array): TextRun[][] {
  const pdf = latin1(bytes);
  if (pdf.includes('/FlateDecode')) throw new Error('pdfTextRuns reads uncompressed PDFs only (render with compress: false)');
  const fonts = fontNames(pdf);
  const pages: TextRun[][] = [];
  for (const stream of pdf.matchAll(/\/Type \/Page\n[\s\S]*?stream\n([\s\S]*?)\nendstream/g)) {
    const runs: TextRun[] = [];
    let font = '?';
    let size = 0;
    let x = 0;
    let y = 0;
    let leading = 0;
    for (const line of (stream[1] ?? '').split('\n')) {
      const tf = /^\/(F\d+) ([\d.]+) Tf$/.exec(line);
      if (tf) [font, size] = [fonts.get(tf[1] ?? '') ?? '?', Number(tf[2])];
      const tl = /^([-\d.]+) TL$/.exec(line);
      if (tl) leading = Number(tl[1]);
      const td = /^([-\d.]+) ([-\d.]+) Td$/.exec(line);
      if (td) [x, y] = [Number(td[1]), Number(td[2])];
      const tj = /^(T\* )?\((.*)\) Tj$/.exec(line);
      if (tj) {
        if (tj[1] !== undefined) y -= leading;
        runs.push({ text: decodeLiteral(tj[2] ?? ''), x, y, font, size });
      }
    }
    pages.push(runs);
  }
  return pages;
}

/**
 * Each page as lines of text, top to bottom: runs on the same baseline (within half a point) are
 * joined left to right with one space, like `pdftotext -layout` once its padding is squeezed.
 */
export function pdfPageLines(bytes: Uint8Array): string[][] {
  return pdfTextRuns(bytes).map((runs) => {
    const rows: { y: number; runs: TextRun[] }[] = [];
    for (const run of runs) {
      const row = rows.find((r) => Math.abs(r.y - run.y) < 0.5);
      if (row) row.runs.push(run);
      else rows.push({ y: run.y, runs: [run] });
    }
    rows.sort((a, b) => b.y - a.y);
    return rows.map((row) =>
      row.runs
        .sort((a, b) => a.x - b.x)
        .map((run) => run.text.trim())
        .filter((text) => text !== '')
        .join(' '),
    );
  });
}
