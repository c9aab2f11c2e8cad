/**
 * The sync server's address, as typed by a user or preset by IT. It decides where the renderer
 * may connect (CSP connect-src) and where updates come from, so it is normalised strictly:
 * https only — http solely for loopback (development) or when the machine policy allows it for a
 * LAN server — no credentials, query or fragment. A path prefix is kept (a server behind a
 * reverse proxy at `https://intranet.example/comptoir`).
 */
import type { Result } from '../../core/shared/result.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `https://host[:port][/prefix]` without a trailing slash, or `INVALID_SERVER_URL`. */
export function normalizeServerUrl(input: string, options: { readonly allowInsecureHttp: boolean }): Result<string, 'INVALID_SERVER_URL'> {
  const invalid = (why: string) => ({ ok: false, error: { code: 'INVALID_SERVER_URL', message: why } }) as const;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return invalid('The server address is not a URL (e.g. https://comptoir.example.com).');
  }
  const insecureAllowed = options.allowInsecureHttp || LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && insecureAllowed)) {
    return invalid('The server address must start with https://.');
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return invalid('The server address must not contain a user name, a password, a query or a fragment.');
  }
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** The origin part, for CSP `connect-src` (a CSP source with a path would match that path only). */
export function serverOrigin(serverUrl: string): string {
  return new URL(serverUrl).origin;
}

/**
 * The server address baked in at build time: electron-builder writes the `publish` URL
 * (`${COMPTOIR_SERVER_URL}/updates/`) into `resources/app-update.yml`. The file is one flat YAML
 * map, so its `url:` line is read directly. A `.invalid` host means "built without a preset".
 */
export function serverUrlFromUpdateConfig(yaml: string): string | null {
  const line = /^url:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(yaml);
  const url = line?.[1];
  if (url === undefined) return null;
  const server = url.replace(/\/updates\/?$/, '');
  const normalized = normalizeServerUrl(server, { allowInsecureHttp: false });
  if (!normalized.ok || new URL(normalized.value).hostname.endsWith('.invalid')) return null;
  return normalized.value;
}
