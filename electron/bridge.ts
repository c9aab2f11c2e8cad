/**
 * The typed bridge the preload exposes as `window.comptoir` (DESIGN §1, §11). The renderer imports
 * this file with `import type` only. Every call crosses IPC and answers an {@link IpcResult}: expected
 * failures are values (`{ ok: false, error: { code, message } }`), never exceptions.
 *
 * In a plain browser the bridge is absent (`window.comptoir === undefined`) and the renderer uses
 * the browser fallback named on each member below.
 */
import type { DossierId } from '../core/shared/ids.ts';
import type { Result } from '../core/shared/result.ts';

/**
 * Every failure code that can cross the bridge. `UNTRUSTED_SENDER`, `INVALID_PAYLOAD` and
 * `INTERNAL` can come from any call (see electron/ipc/handle.ts); the others from the calls that
 * name them.
 */
export type IpcErrorCode =
  | 'UNTRUSTED_SENDER'
  | 'INVALID_PAYLOAD'
  | 'INTERNAL'
  | 'NO_WINDOW'
  | 'PRINT_FAILED'
  | 'ENCRYPTION_UNAVAILABLE'
  | 'POLICY_LOCKED'
  | 'INVALID_SERVER_URL'
  | 'UPDATE_FAILED';

/** What every bridge call resolves to. */
export type IpcResult<T> = Result<T, IpcErrorCode>;

/** Stops a subscription started with one of the `on…` functions. */
export type Unsubscribe = () => void;

export type UiLocale = 'fr' | 'en';
/** `stable` reads `latest*.yml` from the update feed, `beta` reads `beta*.yml` (docs/it-deployment.md). */
export type UpdateChannel = 'stable' | 'beta';

export interface SavePdfRequest {
  /** File name proposed in the save dialog, e.g. `Q-2026-000123.pdf`; sanitised by the main process. */
  readonly suggestedName: string;
  /** The PDF the renderer generated (at most 50 MiB). */
  readonly bytes: Uint8Array;
  /** Open the saved file in the system PDF viewer afterwards. */
  readonly openAfterSave: boolean;
}
export type SavePdfOutcome = { readonly status: 'saved'; readonly path: string } | { readonly status: 'cancelled' };

/**
 * Print the current window (system print dialog), or a PDF the renderer generated. A PDF is opened
 * in the system PDF viewer to be printed from there: Electron's built-in viewer prints blank pages
 * when driven by `webContents.print()` (electron/electron#30947).
 */
export type PrintRequest = { readonly target: 'window' } | { readonly target: 'pdf'; readonly bytes: Uint8Array };
export type PrintOutcome =
  | { readonly status: 'printed' }
  | { readonly status: 'cancelled' }
  | { readonly status: 'opened-in-viewer' };

export interface DossierNotification {
  readonly kind: 'web-request' | 'payment-received';
  readonly dossierId: DossierId;
  /** Already localised by the renderer. */
  readonly title: string;
  readonly body: string;
}

/**
 * How the refresh token is protected at rest. `plain-text` happens on Linux without a keyring
 * (Electron's `basic_text` backend): the user is warned once and the renderer should say so in settings.
 */
export interface TokenStorageStatus {
  readonly protection: 'encrypted' | 'plain-text';
  /** The OS secret store in use: `keychain`, `dpapi`, or the Linux backend name. */
  readonly backend: string;
}

/** Desktop settings; `…Locked` means IT fixed the value in the machine policy (docs/it-deployment.md). */
export interface DesktopSettings {
  /** Origin of the sync server, e.g. `https://comptoir.example.com`; null until configured. */
  readonly serverUrl: string | null;
  readonly serverUrlLocked: boolean;
  readonly updateChannel: UpdateChannel;
  readonly updateChannelLocked: boolean;
  readonly locale: UiLocale;
}

/** The auto-updater's state, pushed to the renderer as it changes. */
export type UpdateStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'disabled'; readonly reason: 'not-packaged' | 'no-server' | 'policy' }
  | { readonly state: 'checking' }
  | { readonly state: 'not-available'; readonly version: string }
  | { readonly state: 'available'; readonly version: string }
  | { readonly state: 'downloading'; readonly version: string; readonly percent: number }
  | { readonly state: 'downloaded'; readonly version: string }
  | { readonly state: 'error'; readonly message: string };

/** Menu items the renderer carries out (the menu is built in the main process, electron/menu/). */
export type MenuCommand = 'new-call' | 'search' | 'command-palette' | 'add-line' | 'add-misc-line' | 'print' | 'open-settings' | 'check-for-updates';

export interface OpenDossierRequest {
  readonly dossierId: DossierId;
  /** What asked for it: a notification click or a `comptoir://dossier/<id>` link. */
  readonly source: 'notification' | 'deep-link';
}

export interface ComptoirBridge {
  /** Which shell hosts the renderer. Browser fallback: the bridge is absent, so the renderer knows it is a browser. */
  readonly platform: 'darwin' | 'win32' | 'linux';
  /** Application version, for the About box. Browser fallback: the version baked into the renderer build. */
  readonly version: string;

  readonly documents: {
    /** Save dialog, write, optionally open. Browser fallback: download through a blob URL (`<a download>`). */
    savePdf(request: SavePdfRequest): Promise<IpcResult<SavePdfOutcome>>;
    /** System print dialog. Browser fallback: `window.print()`, or open the PDF blob in a tab and print from there. */
    print(request: PrintRequest): Promise<IpcResult<PrintOutcome>>;
  };

  readonly notifications: {
    /**
     * OS notification; clicking it focuses the window and fires `events.onOpenDossier`.
     * Browser fallback: the web `Notification` API (after `Notification.requestPermission()`), whose
     * `onclick` opens the dossier directly.
     */
    show(notification: DossierNotification): Promise<IpcResult<null>>;
  };

  readonly sync: {
    /** Dock/taskbar badge and tray tooltip with the pending-sync count. Browser fallback: the count in the document title. */
    setPendingCount(count: number): Promise<IpcResult<null>>;
  };

  readonly auth: {
    /** Keep the refresh token with the OS secret store (`safeStorage`). Browser fallback: IndexedDB. */
    storeRefreshToken(token: string): Promise<IpcResult<TokenStorageStatus>>;
    /** The stored token, or null when none is stored. Browser fallback: IndexedDB. */
    readRefreshToken(): Promise<IpcResult<string | null>>;
    /** Forget the token (log out). Browser fallback: delete it from IndexedDB. */
    clearRefreshToken(): Promise<IpcResult<null>>;
  };

  readonly settings: {
    /** Browser fallback: the server is the page's own origin; no channel; locale from `navigator.language`. */
    get(): Promise<IpcResult<DesktopSettings>>;
    /**
     * `POLICY_LOCKED` when IT fixed it, `INVALID_SERVER_URL` for anything but https (http on
     * loopback). The page's CSP names the server, so reload the page after a change before
     * connecting to the new one. Browser fallback: none (the server is the page's origin).
     */
    setServerUrl(serverUrl: string): Promise<IpcResult<DesktopSettings>>;
    /** Browser fallback: none (the browser always runs the server's current renderer). */
    setUpdateChannel(channel: UpdateChannel): Promise<IpcResult<DesktopSettings>>;
    /** Tells the main process the UI language, so the app menu follows it. Browser fallback: none needed. */
    setLocale(locale: UiLocale): Promise<IpcResult<DesktopSettings>>;
  };

  readonly updates: {
    /** "Check for updates" in settings. Browser fallback: none (hide the button). */
    check(): Promise<IpcResult<UpdateStatus>>;
    /** Quit, install the downloaded update and relaunch. Browser fallback: none. */
    installAndRestart(): Promise<IpcResult<null>>;
    /** Browser fallback: none. */
    onStatus(listener: (status: UpdateStatus) => void): Unsubscribe;
  };

  readonly events: {
    /**
     * The dossier the app was asked to open before the renderer was listening (the launch link,
     * or a link or notification click during start-up), once; null otherwise. Call it at start-up
     * right after subscribing with `onOpenDossier`: until this call the main process keeps
     * requests for it, afterwards it sends them as events.
     * Browser fallback: read the dossier id from the page URL.
     */
    takeLaunchDossier(): Promise<IpcResult<DossierId | null>>;
    /** A notification click or a deep link while running. Browser fallback: the notification's `onclick`. */
    onOpenDossier(listener: (request: OpenDossierRequest) => void): Unsubscribe;
    /** The app menu's commands. Browser fallback: the same keyboard shortcuts handled in the page. */
    onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe;
  };
}
