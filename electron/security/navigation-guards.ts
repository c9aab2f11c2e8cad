/**
 * Navigation, window-creation and external-link guards, applied to every web contents the app
 * creates (as AFFiNE's security-restrictions.ts does). Links to the outside world never load
 * inside the app: https and mailto go to the user's browser / mail client, everything else is
 * dropped.
 */
import type { Result } from '../../core/shared/result.ts';
import { isAppUrl } from './app-origin.ts';

/**
 * Electron security checklist §15 "Do not use shell.openExternal with untrusted content":
 * `openExternal` hands the URL to the OS, which runs whatever handles the scheme (`file:`, `smb:`,
 * `ms-msdt:`, custom app schemes…). Only web pages over TLS and e-mail addresses are allowed.
 */
export function externalUrlAllowed(candidate: string): Result<string, 'REFUSED_URL'> {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, error: { code: 'REFUSED_URL', message: 'Not a URL.' } };
  }
  const refused = { ok: false, error: { code: 'REFUSED_URL', message: `Refused to open ${url.protocol} links outside the app.` } } as const;
  if (url.protocol === 'https:') {
    // Credentials in a link are a phishing tell (https://bank.example@evil.example/).
    return url.hostname !== '' && url.username === '' && url.password === '' ? { ok: true, value: url.href } : refused;
  }
  if (url.protocol === 'mailto:') return { ok: true, value: url.href };
  return refused;
}

/** What to do with a navigation or a `window.open`. */
export type NavigationDecision = 'stay' | 'open-external' | 'refuse';

/**
 * Electron security checklist §13 "Disable or limit navigation": the window may only move within
 * the app origin (reloads, client-side routes). Anything else is stopped; https/mailto links are
 * handed to {@link externalUrlAllowed}'s allow-list instead.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'stay';
  return externalUrlAllowed(url).ok ? 'open-external' : 'refuse';
}

/**
 * Electron security checklist §14 "Disable or limit creation of new windows": the app has exactly
 * one window (DESIGN §11: two renderers must not share one IndexedDB), so `window.open` never
 * creates one — not even for an app URL; external links go to the browser.
 */
export function decideWindowOpen(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'refuse';
  return externalUrlAllowed(url).ok ? 'open-external' : 'refuse';
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of `WebContents` the guards attach to. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

export interface GuardDeps {
  readonly openExternal: (url: string) => Promise<void>;
  readonly log: (message: string) => void;
}

/** Opens an allowed URL in the OS; logs and ignores anything else. */
export function openExternalSafely(deps: GuardDeps, url: string): void {
  const allowed = externalUrlAllowed(url);
  if (!allowed.ok) {
    deps.log(`openExternal refused: ${allowed.error.message}`);
    return;
  }
  deps.openExternal(allowed.value).catch((error: unknown) => deps.log(`openExternal failed: ${String(error)}`));
}

/** Attaches every guard to one web contents (called from `app.on('web-contents-created')`). */
export function installNavigationGuards(contents: GuardedContents, deps: GuardDeps): void {
  const guard = (event: PreventableEvent, url: string): void => {
    const decision = decideNavigation(url);
    if (decision === 'stay') return;
    event.preventDefault();
    if (decision === 'open-external') openExternalSafely(deps, url);
    else deps.log(`navigation refused: ${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', guard);
  // A server redirect is a navigation too: an app URL must not bounce elsewhere.
  contents.on('will-redirect', guard);
  // §12 Verify WebView options before creation: there are no webviews, so none may attach.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'open-external') openExternalSafely(deps, url);
    else deps.log(`window.open refused: ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}
