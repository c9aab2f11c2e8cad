/**
 * `comptoir://dossier/<id>` links (from e-mails, the telephony system, the portal's back-office
 * links). The URL comes from outside the app — any web page can launch it — so it is parsed
 * strictly: one shape only, the id checked against the id pattern (core/shared/ids.ts), nothing
 * else (no query, no credentials, no port, no extra segments) accepted.
 */
import type { DossierId } from '../../core/shared/ids.ts';
import { ID_PATTERN } from '../../core/shared/ids.ts';
import type { Result } from '../../core/shared/result.ts';

export const DEEP_LINK_SCHEME = 'comptoir';
const MAX_LINK_LENGTH = 512;

export type DeepLink = { readonly kind: 'dossier'; readonly dossierId: DossierId };

/**
 * Parses a deep link, refusing anything that is not exactly `comptoir://dossier/<id>[/]`. The raw
 * text is matched, not a parsed URL: a parser would fold `dossier/../x` into `dossier/x` or
 * drop parts, and a link that needs folding is not one we issue.
 */
export function parseDeepLink(candidate: string): Result<DeepLink, 'INVALID_DEEP_LINK'> {
  const invalid = (why: string) => ({ ok: false, error: { code: 'INVALID_DEEP_LINK', message: `Not a Comptoir link: ${why}.` } }) as const;
  if (candidate.length > MAX_LINK_LENGTH) return invalid('too long');
  // Scheme and host are case-insensitive in URLs; Windows appends a "/" to protocol URLs it passes on.
  const match = new RegExp(`^${DEEP_LINK_SCHEME}://dossier/([^/?#]*)/?$`, 'i').exec(candidate);
  if (match === null) return invalid('expected comptoir://dossier/<id>');
  const id = match[1] ?? '';
  if (!ID_PATTERN.test(id)) return invalid('malformed dossier id');
  return { ok: true, value: { kind: 'dossier', dossierId: id as DossierId } };
}

/**
 * The deep link among a process's arguments (Windows and Linux pass it on the command line of
 * the launched — or second — instance). Chromium switches are skipped; the first well-formed link wins.
 */
export function findDeepLinkInArgv(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const parsed = parseDeepLink(arg);
    if (parsed.ok) return parsed.value;
  }
  return null;
}
