/**
 * Just enough of RFC 5322 / MIME to check what the server mailed: headers (unfolded, encoded words
 * decoded), multipart bodies split on their boundary, base64 and quoted-printable decoded. A test
 * reader, not a mail parser: it trusts the structure nodemailer writes.
 */
export interface MimePart {
  readonly headers: ReadonlyMap<string, string>;
  readonly raw: string;
  readonly parts: readonly MimePart[];
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

/** A header parameter, e.g. `boundary` of Content-Type or `filename` of Content-Disposition. */
export function param(value: string | undefined, name: string): string | undefined {
  const m = new RegExp(`${name}="?([^";]+)"?`, 'i').exec(value ?? '');
  return m?.[1];
}

export function parseMime(text: string): MimePart {
  const split = text.search(/\r?\n\r?\n/);
  const headerBlock = split < 0 ? text : text.slice(0, split);
  const raw = split < 0 ? '' : text.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = parseHeaders(headerBlock);
  const boundary = (headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/') ? param(headers.get('content-type'), 'boundary') : undefined;
  if (boundary === undefined) return { headers, raw, parts: [] };
  const sections = raw.split(`--${boundary}`);
  const parts = sections.slice(1).filter((s) => !s.startsWith('--')).map((s) => parseMime(s.replace(/^\r?\n/, '')));
  return { headers, raw, parts };
}

/** Every leaf part, depth first. */
export function leaves(part: MimePart): MimePart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(leaves);
}

/** A leaf part's decoded bytes. */
export function bodyBytes(part: MimePart): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.raw.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const soft = part.raw.replace(/=\r?\n/g, '');
    return Buffer.from(soft.replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  }
  return Buffer.from(part.raw, 'utf8');
}
