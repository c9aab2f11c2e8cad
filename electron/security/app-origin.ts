/**
 * The renderer's own origin. The built renderer is served from `app://comptoir/` rather than
 * `file://` (Electron security checklist §18 "Avoid usage of the file:// protocol and prefer usage
 * of custom protocols"): a file:// page could read any file the user can, and every file:// page
 * shares one origin. Everything that decides "is this us?" goes through {@link isAppUrl}.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'comptoir';
/** Shown in permission checks and CSP: what Chromium reports as the page's origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True for a URL on the app's own origin. Parsed, never prefix-matched: `app://comptoir.evil/` and
 * `app://comptoir@evil/` must not pass. (Node's URL gives non-special schemes an opaque origin, so
 * scheme and host are compared instead of `url.origin`.)
 */
export function isAppUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}
