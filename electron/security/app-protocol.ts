/**
 * Serves the built renderer on `app://comptoir/` (Electron security checklist §18 "Avoid usage of
 * the file:// protocol and prefer usage of custom protocols"): only files under the renderer's
 * build directory can ever be read, whatever URL the page asks for. Path traversal is refused
 * before the file system is touched: `..` (plain or percent-encoded), encoded slashes, backslashes,
 * absolute and drive-letter paths, and NUL bytes.
 */
import path from 'node:path';
import type { Result } from '../../core/shared/result.ts';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';
import { mimeTypeFor } from '../../core/shared/mime-types.ts';

/**
 * Registered before `app` is ready (`protocol.registerSchemesAsPrivileged`). `standard` gives the
 * scheme a real origin (so IndexedDB, which RxDB uses, works and is isolated to it); `secure`
 * makes it a secure context like https.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

export type AppPathError = 'NOT_APP_ORIGIN' | 'FORBIDDEN_PATH';

/** Maps an `app://` URL to a file under `rootDir`, or says why it may not. Pure apart from `node:path`. */
export function resolveAppPath(rootDir: string, requestUrl: string): Result<string, AppPathError> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, error: { code: 'NOT_APP_ORIGIN', message: 'Unparsable URL.' } };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, error: { code: 'NOT_APP_ORIGIN', message: `Not an ${APP_SCHEME}://${APP_HOST} URL.` } };
  }
  const forbidden = { ok: false, error: { code: 'FORBIDDEN_PATH', message: `Refused path: ${url.pathname}` } } as const;
  // Backslashes (raw or %5C) are separators on Windows; URLs never need them.
  if (/\\|%5c/i.test(url.pathname)) return forbidden;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return forbidden;
  }
  if (decoded.includes('\0')) return forbidden;
  const segments = decoded.replace(/^\//, '').split('/');
  const last = segments.length - 1;
  for (const [index, segment] of segments.entries()) {
    // `..` here can only come from an encoded form (%2e%2e, %2f) that the URL parser did not fold.
    if (segment === '..' || segment === '.') return forbidden;
    // An empty segment inside the path is `//`: after decoding, an absolute path.
    if (segment === '' && index !== last) return forbidden;
    if (index === 0 && /^[a-z]:$/i.test(segment)) return forbidden;
  }
  const relative = segments.join(path.sep);
  const file = path.resolve(rootDir, relative === '' || decoded.endsWith('/') ? path.join(relative, 'index.html') : relative);
  const fromRoot = path.relative(path.resolve(rootDir), file);
  if (fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return forbidden;
  return { ok: true, value: file };
}

export interface AppProtocolOptions {
  /** The renderer's build output (dist/renderer). */
  readonly rootDir: string;
  readonly readFile: (file: string) => Promise<Uint8Array>;
  /** Read per response, so a change of sync server applies from the next reload. */
  readonly contentSecurityPolicy: () => string;
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/** The `protocol.handle('app', …)` handler. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const read = async (file: string): Promise<Uint8Array | null> => {
    try {
      return await options.readFile(file);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const resolved = resolveAppPath(options.rootDir, request.url);
    if (!resolved.ok) return textResponse(resolved.error.code === 'FORBIDDEN_PATH' ? 403 : 404, resolved.error.message);
    let file = resolved.value;
    let body = await read(file);
    // Client-side routes (`/dossiers/D-2026-000042`) have no extension: serve the single page.
    if (body === null && path.extname(file) === '') {
      file = path.join(options.rootDir, 'index.html');
      body = await read(file);
    }
    if (body === null) return textResponse(404, 'Not found');
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(file),
        'Content-Security-Policy': options.contentSecurityPolicy(),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
