/**
 * One running instance per user session (DESIGN §11): two instances would open the same IndexedDB
 * from two processes, which it does not support. A second launch — typically a click on a
 * `comptoir://dossier/<id>` link on Windows or Linux — hands its command line to the first
 * instance and quits; the first focuses its window and opens the dossier. On macOS links arrive
 * as `open-url` events instead, possibly before the app is ready.
 */
import type { DeepLink } from '../features/deep-link.ts';
import { DEEP_LINK_SCHEME, findDeepLinkInArgv, parseDeepLink } from '../features/deep-link.ts';

export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
}

export interface SingleInstanceHandlers {
  /** Bring the existing window forward. */
  readonly focus: () => void;
  readonly openDeepLink: (link: DeepLink) => void;
  readonly log: (message: string) => void;
}

/**
 * Takes the lock, or quits and answers false when another instance holds it.
 * Must run before `app.whenReady()` so that `open-url` at launch is not missed.
 */
export function claimSingleInstance(app: SingleInstanceApp, handlers: SingleInstanceHandlers): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => {
    handlers.focus();
    const link = findDeepLinkInArgv(argv);
    if (link !== null) handlers.openDeepLink(link);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const link = parseDeepLink(url);
    if (link.ok) handlers.openDeepLink(link.value);
    else handlers.log(link.error.message);
  });
  return true;
}

/**
 * Registers `comptoir://` with the OS. From a development checkout (`electron .`) the OS must
 * launch Electron with the app's path, hence the extra arguments.
 */
export function registerDeepLinkScheme(app: SingleInstanceApp, process: { readonly defaultApp: boolean; readonly execPath: string; readonly argv: readonly string[] }): boolean {
  const appPath = process.argv[1];
  if (process.defaultApp && appPath !== undefined) return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [appPath]);
  return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
}
