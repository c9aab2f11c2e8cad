import { searchable } from '../searchable.ts';
import type { CsvIssue } from './csv-issue.ts';
import { parseCsv, stripBom } from './rfc4180.ts';
import type { CsvSeparator } from './rfc4180.ts';

/** A column of an import format. */
export interface ColumnSpec {
  readonly name: string;
  /** The header must be present (values may still be optional, row by row). */
  readonly required: boolean;
}

/** One data row; `get` gives undefined when the column is absent from the file. */
export interface TableRow {
  readonly line: number;
  readonly get: (column: string) => string | undefined;
}

/** A file read against a format: its rows, or the issues that stop it being read at all. */
export interface CsvTable {
  readonly separator: CsvSeparator | null;
  readonly rows: readonly TableRow[];
  readonly errors: readonly CsvIssue[];
  readonly warnings: readonly CsvIssue[];
}

// Headers typed or saved by Excel vary in accents, case, spaces and apostrophes ("Libelle type",
// "l’offre"): match them loosely, report them by the format's own name.
function headerKey(header: string): string {
  return searchable(header).replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim();
}

/** `;` or `,`, whichever the header line holds more of (`;` on a tie, the French default). */
export function detectSeparator(text: string): CsvSeparator | null {
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  const semicolons = header.split(';').length - 1;
  const commas = header.split(',').length - 1;
  if (semicolons === 0 && commas === 0) return null;
  return semicolons >= commas ? ';' : ',';
}

const empty = (errors: CsvIssue[], warnings: CsvIssue[] = []): CsvTable => ({ separator: null, rows: [], errors, warnings });

/**
 * Reads CSV text (with or without BOM, `;` or `,`) against a list of columns found by header name
 * in any order. Blank lines are skipped. Any file-level problem (no separator, bad quoting,
 * missing or duplicated column, wrong number of fields) is an error with its line and column.
 */
export function readCsvTable(input: string, columns: readonly ColumnSpec[]): CsvTable {
  const text = stripBom(input);
  if (text.trim() === '') return empty([{ line: 1, column: null, code: 'EMPTY_FILE', message: 'the file is empty' }]);
  const separator = detectSeparator(text);
  if (separator === null) {
    const tab = /^[^\r\n]*\t/.test(text) ? ' (it looks tab-separated)' : '';
    return empty([{ line: 1, column: null, code: 'SEPARATOR_NOT_FOUND', message: `the header line has no ";" or "," separator${tab}; save the file as CSV (separator ";")` }]);
  }
  const parsed = parseCsv(text, separator);
  if (!parsed.ok) {
    const { line, field, code, message } = parsed.error;
    const firstLine = parseCsv(text.split(/\r\n|\r|\n/, 1)[0] ?? '', separator);
    const raw = firstLine.ok ? firstLine.value[0]?.fields[field] : undefined;
    return empty([{ line, column: raw === undefined ? null : locate(raw, columns), code, message }]);
  }
  const records = parsed.value;
  const header = records[0]?.fields ?? [];

  const errors: CsvIssue[] = [];
  const warnings: CsvIssue[] = [];
  const byKey = new Map(columns.map((c) => [headerKey(c.name), c.name]));
  const position = new Map<string, number>();
  header.forEach((raw, index) => {
    const name = byKey.get(headerKey(raw));
    if (name === undefined) {
      if (raw.trim() !== '') warnings.push({ line: 1, column: raw, code: 'UNKNOWN_COLUMN', message: `column "${raw}" is not part of this format and is ignored` });
    } else if (position.has(name)) {
      errors.push({ line: 1, column: name, code: 'DUPLICATE_COLUMN', message: `column "${name}" appears twice` });
    } else position.set(name, index);
  });
  for (const column of columns) {
    if (column.required && !position.has(column.name)) errors.push({ line: 1, column: column.name, code: 'MISSING_COLUMN', message: `mandatory column "${column.name}" is missing` });
  }
  if (errors.length > 0) return { separator, rows: [], errors, warnings };

  const rows: TableRow[] = [];
  for (const record of records.slice(1)) {
    const fields = record.fields;
    if (fields.every((f) => f.trim() === '')) continue;
    // Excel sometimes adds empty trailing fields; missing fields, though, shift every column.
    if (fields.length < header.length || fields.slice(header.length).some((f) => f.trim() !== '')) {
      errors.push({ line: record.line, column: null, code: 'WRONG_FIELD_COUNT', message: `${fields.length} fields where the header has ${header.length}` });
      continue;
    }
    rows.push({ line: record.line, get: (column) => (position.has(column) ? fields[position.get(column) ?? 0] : undefined) });
  }
  return { separator, rows, errors, warnings };
}

function locate(raw: string, columns: readonly ColumnSpec[]): string | null {
  return columns.find((c) => headerKey(c.name) === headerKey(raw))?.name ?? (raw === '' ? null : raw);
}
