/**
 * The renderer's Content Security Policy (Electron security checklist §7 "Define a Content Security
 * Policy"). It is set twice, so that neither path can be forgotten: on every `app://` response by
 * the protocol handler (app-protocol.ts), and on every response of the session through
 * `webRequest.onHeadersReceived` ({@link installCspHeaders}).
 *
 * Choices:
 * - scripts only from the app bundle: no inline script, no `eval` (no 'unsafe-eval': RxDB's
 *   dev-mode, which needs it, must never ship — DESIGN §3);
 * - the network is the configured sync server only (`connect-src`), so injected script has
 *   nowhere to send data; `'self'` there is the app bundle (app://), not a network origin;
 * - inline styles are allowed: React and table virtualisation set `style` attributes, and CSS
 *   cannot run script;
 * - no plugins, no frames, no forms posting elsewhere, no `<base>` rewriting.
 */
import { APP_SCHEME } from './app-origin.ts';

/** Builds the policy for the sync server currently configured (null before first configuration). */
export function buildContentSecurityPolicy(serverOrigin: string | null): string {
  const connect = serverOrigin === null ? "'self'" : `'self' ${serverOrigin}`;
  return [
    `default-src 'self' ${APP_SCHEME}:`,
    `script-src 'self'`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src ${connect}`,
    `worker-src 'self'`,
    `object-src 'none'`,
    `frame-src 'none'`,
    `frame-ancestors 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
}

/** The part of `session.webRequest` used here. */
export interface WebRequestLike {
  onHeadersReceived(
    listener: (
      details: { readonly url: string; readonly responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void,
  ): void;
}

/**
 * Adds the policy to every response the session receives. Existing CSP headers (any casing) are
 * replaced, not merged: a server must not be able to loosen ours. The policy is read per response
 * so a change of sync server applies from the next reload.
 */
export function installCspHeaders(webRequest: WebRequestLike, currentPolicy: () => string): void {
  webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [currentPolicy()];
    callback({ responseHeaders: headers });
  });
}
