/**
 * A small RFC 4180 reader and writer: quoted fields, doubled quotes, separators and line breaks
 * inside quotes, CRLF / LF / CR line ends, an optional UTF-8 byte-order mark. No dependency, so the
 * same code runs in the renderer, the main process and the server.
 */

/** The separators Comptoir reads: `;` (French Excel, our export) and `,`. */
export type CsvSeparator = ';' | ',';

/** One record and the physical line it starts on (1-based, counting line breaks inside quotes). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvSyntaxCode = 'UNTERMINATED_QUOTE' | 'CHARACTERS_AFTER_QUOTE';

/** A syntax error, located by line and by field position in its record (0-based). */
export interface CsvSyntaxError {
  readonly code: CsvSyntaxCode;
  readonly message: string;
  readonly line: number;
  readonly field: number;
}

export type CsvParseResult = { readonly ok: true; readonly value: CsvRecord[] } | { readonly ok: false; readonly error: CsvSyntaxError };

export const BOM = '\uFEFF';

/** The text without a leading byte-order mark (Excel adds one to UTF-8 files). */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Parses CSV text (without BOM) into records. A quote inside an unquoted field is kept as a plain
 * character, as Excel writes `12" screen`; a quoted field must end at a separator or a line end.
 * A final line break does not make an extra record; blank lines come back as one empty field.
 */
export function parseCsv(text: string, separator: CsvSeparator): CsvParseResult {
  const records: CsvRecord[] = [];
  const n = text.length;
  if (n === 0) return { ok: true, value: records };
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      const startLine = line;
      let value = '';
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) {
          return { ok: false, error: { code: 'UNTERMINATED_QUOTE', message: `the quoted field opened on line ${startLine} is never closed`, line: startLine, field: fields.length } };
        }
        const chunk = text.slice(j, close);
        line += countLineBreaks(chunk);
        value += chunk;
        j = close + 1;
        if (text[j] !== '"') break;
        value += '"';
        j += 1;
      }
      if (j < n && text[j] !== separator && text[j] !== '\r' && text[j] !== '\n') {
        return { ok: false, error: { code: 'CHARACTERS_AFTER_QUOTE', message: `characters follow the closing quote of field ${fields.length + 1}`, line, field: fields.length } };
      }
      fields.push(value);
      i = j;
    } else {
      let j = i;
      while (j < n && text[j] !== separator && text[j] !== '\r' && text[j] !== '\n') j += 1;
      fields.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) {
      records.push({ line: recordLine, fields });
      break;
    }
    if (text[i] === separator) {
      i += 1;
      continue;
    }
    // A line end: CRLF, LF or a lone CR (old Mac Excel).
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line += 1;
    records.push({ line: recordLine, fields });
    fields = [];
    recordLine = line;
    if (i >= n) break;
  }
  return { ok: true, value: records };
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let k = 0; k < text.length; k += 1) {
    const c = text[k];
    if (c === '\n' || (c === '\r' && text[k + 1] !== '\n')) count += 1;
  }
  return count;
}

/** A field as written: quoted only when it holds the separator, a quote or a line break. */
export function formatField(value: string, separator: CsvSeparator): string {
  const needsQuotes = value.includes(separator) || value.includes('"') || value.includes('\n') || value.includes('\r');
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text: UTF-8 BOM (so Excel reads accents), one record per CRLF-terminated line. */
export function formatCsv(records: readonly (readonly string[])[], separator: CsvSeparator): string {
  let out = BOM;
  for (const record of records) out += `${record.map((f) => formatField(f, separator)).join(separator)}\r\n`;
  return out;
}
