import { inflateSync } from 'node:zlib';

/**
 * The text a jsPDF document draws, good enough to check figures: every content stream inflated,
 * every string operand of `Tj`/`TJ` decoded (octal escapes as WinAnsi bytes), non-breaking spaces
 * made plain.
 */
export function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const parts: string[] = [];
  for (const m of raw.matchAll(/<<([^>]*?)>>\s*stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('endstream', start);
    const body = Buffer.from(raw.slice(start, end), 'latin1');
    let content: string;
    try {
      content = (m[1] ?? '').includes('FlateDecode') ? inflateSync(body).toString('latin1') : body.toString('latin1');
    } catch {
      continue;
    }
    for (const s of content.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      parts.push((s[1] ?? '').replace(/\\([0-7]{1,3}|.)/g, (_all, esc: string) => (/^[0-7]/.test(esc) ? String.fromCharCode(parseInt(esc, 8)) : esc)));
    }
  }
  return parts.join('\n').replace(/[\u00a0\u202f]/g, ' ');
}
