import path from 'node:path';
import { mimeTypeFor } from '../../core/shared/mime-types.ts';

/**
 * Maps a request path (as sent, percent-encoded, without the query) to a file under `root`, or null
 * when it must not be served: undecodable, a NUL byte, a backslash, a `..` segment, a dot-file
 * (`.env`, `.git`), or anything that would resolve outside `root` however it is spelled.
 */
export function webFilePath(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  const base = path.resolve(root);
  const resolved = path.resolve(base, ...segments);
  return resolved === base || resolved.startsWith(`${base}${path.sep}`) ? resolved : null;
}

/** Vite names built assets `name-<hash>.ext` under assets/: their content never changes under that name. */
export function isHashedAsset(requestPath: string): boolean {
  return /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/i.test(requestPath);
}

/** A path the single-page app handles itself (no file extension): answered with index.html. */
export function isClientRoute(requestPath: string): boolean {
  const last = requestPath.split('/').at(-1) ?? '';
  return !last.includes('.');
}

/** The Content-Type of a built file, from its extension. */
export function webContentType(file: string): string {
  return mimeTypeFor(path.basename(file));
}
