import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv, stripBom } from './rfc4180.ts';

function records(text: string, separator: ';' | ',' = ';') {
  const parsed = parseCsv(text, separator);
  return parsed.ok ? parsed.value.map((r) => [r.line, ...r.fields]) : parsed.error;
}

describe('parseCsv', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    expect(records('a;"b;c";"say ""hi"""\r\n"multi\r\nline";x;\n')).toEqual([
      [1, 'a', 'b;c', 'say "hi"'],
      [2, 'multi\r\nline', 'x', ''],
    ]);
  });

  it('accepts LF, CRLF and lone CR line ends, with or without a final one', () => {
    expect(records('a;b\nc;d')).toEqual([[1, 'a', 'b'], [2, 'c', 'd']]);
    expect(records('a;b\r\nc;d\r\n')).toEqual([[1, 'a', 'b'], [2, 'c', 'd']]);
    expect(records('a;b\rc;d\r')).toEqual([[1, 'a', 'b'], [2, 'c', 'd']]);
  });

  it('numbers records by the line they start on, blank lines included', () => {
    expect(records('h\n\n"x\ny"\nz')).toEqual([[1, 'h'], [2, ''], [3, 'x\ny'], [5, 'z']]);
  });

  it('keeps a quote inside an unquoted field, as Excel writes it', () => {
    expect(records('12" screen;b')).toEqual([[1, '12" screen', 'b']]);
  });

  it('reports an unclosed quote and text after a closing quote with their line and field', () => {
    expect(records('a;b\nc;"open\n')).toMatchObject({ code: 'UNTERMINATED_QUOTE', line: 2, field: 1 });
    expect(records('a;b\n"x"y;z')).toMatchObject({ code: 'CHARACTERS_AFTER_QUOTE', line: 2, field: 0 });
  });

  it('reads the comma-separated flavour', () => {
    expect(records('a,"b,c"\n', ',')).toEqual([[1, 'a', 'b,c']]);
  });
});

describe('formatCsv', () => {
  it('writes a BOM, CRLF line ends and quotes only where needed', () => {
    expect(formatCsv([['a', 'b;c', 'd"e', 'f\ng', '']], ';')).toBe('\uFEFFa;"b;c";"d""e";"f\ng";\r\n');
    expect(formatCsv([['a;b', 'c,d']], ',')).toBe('\uFEFFa;b,"c,d"\r\n');
  });

  it('round-trips any table of strings', () => {
    const table = fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', 'é', ';', ',', '"', '\r', '\n', ' ', '€') }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(table, fc.constantFrom(';' as const, ',' as const), (rows, separator) => {
        const parsed = parseCsv(stripBom(formatCsv(rows, separator)), separator);
        expect(parsed.ok && parsed.value.map((r) => r.fields)).toEqual(rows);
      }),
    );
  });
});
