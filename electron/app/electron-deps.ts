/**
 * The pieces of the `electron` module that {@link startApp} uses, typed as narrowly as it uses
 * them. electron/main.ts passes the real module (the compiler checks it fits); tests pass fakes
 * (electron/app/testing/fake-electron.ts), since the Electron binary cannot run here.
 */
import type { CustomScheme, MenuItemConstructorOptions, WebPreferences } from 'electron';
import type { WebRequestLike } from '../security/content-security-policy.ts';
import type { GuardedContents } from '../security/navigation-guards.ts';
import type { PermissionSession } from '../security/permissions.ts';
import type { SafeStorageLike } from '../features/token-store.ts';
import type { NotificationLike } from '../features/notifications.ts';
import type { Rectangle } from '../features/window-state.ts';
import type { SenderFrame } from '../ipc/handle.ts';
import type { SingleInstanceApp } from './single-instance.ts';

export interface WebContentsLike extends GuardedContents {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
  print(options: { silent: boolean; printBackground: boolean }, callback: (success: boolean, failureReason: string) => void): void;
  readonly session: { readonly webRequest: WebRequestLike } & PermissionSession;
}

export interface BrowserWindowLike<Image> {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  maximize(): void;
  isMinimized(): boolean;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  getNormalBounds(): Rectangle;
  setOverlayIcon(overlay: Image | null, description: string): void;
}

export interface BrowserWindowOptions {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly minWidth: number;
  readonly minHeight: number;
  readonly show: boolean;
  readonly title: string;
  readonly icon?: string;
  readonly backgroundColor: string;
  readonly webPreferences: WebPreferences;
}

export interface AppLike extends Omit<SingleInstanceApp, 'on'> {
  readonly isPackaged: boolean;
  getVersion(): string;
  getLocale(): string;
  getPath(name: 'userData' | 'documents' | 'temp'): string;
  setAppUserModelId(id: string): void;
  setBadgeCount(count?: number): boolean;
  whenReady(): Promise<void>;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
}

/**
 * The narrow `electron` module startApp needs. In the app `Image` is NativeImage, `AppMenu` is
 * Menu and `Win` is BrowserWindow.
 */
export interface ElectronModule<Image, AppMenu, Win extends BrowserWindowLike<Image>> {
  readonly app: AppLike;
  readonly BrowserWindow: new (options: BrowserWindowOptions) => Win;
  readonly ipcMain: {
    handle(channel: string, listener: (event: { readonly senderFrame: SenderFrame | null; readonly sender: unknown }, payload: unknown) => Promise<unknown>): void;
  };
  readonly protocol: {
    registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  readonly session: { readonly defaultSession: { readonly webRequest: WebRequestLike } & PermissionSession };
  readonly shell: { openExternal(url: string): Promise<void>; openPath(path: string): Promise<string> };
  readonly dialog: {
    showSaveDialog(
      window: Win,
      options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] },
    ): Promise<{ canceled: boolean; filePath?: string }>;
    showMessageBox(options: { type: 'warning'; title: string; message: string; detail: string; buttons: string[] }): Promise<unknown>;
  };
  readonly Menu: {
    buildFromTemplate(template: MenuItemConstructorOptions[]): AppMenu;
    setApplicationMenu(menu: AppMenu): void;
  };
  readonly Notification: (new (options: { title: string; body: string; silent: boolean }) => NotificationLike) & { isSupported(): boolean };
  readonly safeStorage: SafeStorageLike;
  readonly screen: { getAllDisplays(): { readonly workArea: Rectangle }[]; getPrimaryDisplay(): { readonly workArea: Rectangle } };
  readonly nativeImage: { createFromPath(path: string): Image };
  readonly Tray: new (image: Image) => { setToolTip(text: string): void; on(event: 'click', listener: () => void): unknown };
}
