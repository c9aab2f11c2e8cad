/**
 * The PDF's standard fonts (Helvetica) draw only the WinAnsi character set. jsPDF silently switches
 * a string holding any other character to two-byte codes those fonts cannot show, so one stray
 * narrow no-break space (fr-FR number grouping) garbles the whole string. Every printed string goes
 * through `toWinAnsi` first.
 */

/** The characters WinAnsi adds in 0x80–0x9F, beyond Latin-1. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Look-alikes outside WinAnsi that French text and Intl output commonly contain. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u202f': ' ', // narrow no-break space: fr-FR thousands separator
  '\u00a0': ' ', // no-break space: fr-FR before "€" and "%" (kept plain so text extraction is simple)
  '\u2007': ' ',
  '\u2009': ' ',
  '\t': ' ',
  '\u2212': '-', // minus sign
  '\u2010': '-',
  '\u2011': '-',
  '\u2032': '’',
  '\u2033': '”',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2192': '->',
  // Letters with a stroke have no decomposition to strip.
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/**
 * The text with every character outside WinAnsi replaced: spaces and dashes by their plain forms,
 * accented letters by their base letter ("ő" → "o"), anything else by "?". Line breaks are the
 * caller's business (split first); control characters become spaces.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    // Replacements first: the no-break space is WinAnsi, but is printed as a plain space.
    const replacement = REPLACEMENTS[char];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      out += ' ';
      continue;
    }
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    out += base !== '' && [...base].every(isWinAnsi) ? base : '?';
  }
  return out;
}
