/**
 * The one place where a window's webPreferences are decided (as AFFiNE's web-preferences.ts does).
 * Each value cites the Electron security checklist item it satisfies:
 * https://www.electronjs.org/docs/latest/tutorial/security
 */
import type { WebPreferences } from 'electron';
import { VERSION_SWITCH } from '../preload-switches.ts';

export interface WebPreferencesInput {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  readonly preloadPath: string;
  /** App version, handed to the preload on its command line (a sandboxed preload cannot ask `app`). */
  readonly appVersion: string;
  /** DevTools only in unpackaged development builds. */
  readonly devTools: boolean;
}

export function secureWebPreferences(input: WebPreferencesInput): WebPreferences {
  return {
    preload: input.preloadPath,
    // §3 Enable context isolation: the page cannot reach the preload's globals or Electron internals.
    contextIsolation: true,
    // §4 Enable process sandboxing: the renderer (and the preload) run without Node.js.
    sandbox: true,
    // §2 Do not enable Node.js integration for remote content — nor for ours.
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // §6 Do not disable webSecurity (same-origin policy stays on).
    webSecurity: true,
    // §8 Do not enable allowRunningInsecureContent.
    allowRunningInsecureContent: false,
    // §9 Do not enable experimental features; §10 do not use enableBlinkFeatures (left unset).
    experimentalFeatures: false,
    // §12 Verify WebView options: no <webview> at all (will-attach-webview is also refused).
    webviewTag: false,
    // The remote module no longer exists (removed in Electron 14); nothing to turn off.
    // Spellcheck sends words to the OS dictionary service and underlines client names; off.
    spellcheck: false,
    // Dropping a file on the window must not navigate away from the app.
    navigateOnDragDrop: false,
    // No PDF/Flash plugins: PDFs are saved and opened in the system viewer instead.
    plugins: false,
    devTools: input.devTools,
    additionalArguments: [`${VERSION_SWITCH}${input.appVersion}`],
  };
}
