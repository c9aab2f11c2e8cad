/**
 * Builds and runs the desktop app from injected pieces: electron/main.ts passes the real
 * `electron` module; tests pass fakes. Nothing here runs on import.
 *
 * Order matters: the `app://` scheme's privileges, the single-instance lock and the `open-url`
 * listener must be in place before `ready`; the protocol handler, CSP and permission handlers
 * before the window loads anything.
 */
import path from 'node:path';
import type { DossierId } from '../../core/shared/ids.ts';
import type { TokenStorageStatus } from '../bridge.ts';
import { createBadge } from '../features/badge.ts';
import type { DeepLink } from '../features/deep-link.ts';
import { findDeepLinkInArgv } from '../features/deep-link.ts';
import { createDocuments } from '../features/documents.ts';
import { createNotifications } from '../features/notifications.ts';
import { createTokenStore } from '../features/token-store.ts';
import { createWindowStateStore } from '../features/window-state.ts';
import { createIpcRouter } from '../ipc/handle.ts';
import type { Logger } from '../ipc/handle.ts';
import { sendEvent } from '../ipc/send.ts';
import { buildMenuTemplate } from '../menu/menu-template.ts';
import { APP_SCHEME } from '../security/app-origin.ts';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../security/app-protocol.ts';
import { buildContentSecurityPolicy, installCspHeaders } from '../security/content-security-policy.ts';
import { installNavigationGuards } from '../security/navigation-guards.ts';
import { installPermissionHandlers } from '../security/permissions.ts';
import { serverOrigin } from '../settings/server-url.ts';
import type { UpdaterLike } from '../updates/update-service.ts';
import { createUpdateService } from '../updates/update-service.ts';
import type { BrowserWindowLike, ElectronModule } from './electron-deps.ts';
import { ipcHandlers, registerIpcHandlers } from './ipc-handlers.ts';
import { loadSettings } from './load-settings.ts';
import { focusWindow, openMainWindow } from './main-window.ts';
import type { NodeFiles } from './node-files.ts';
import { claimSingleInstance, registerDeepLinkScheme } from './single-instance.ts';
import { plainTextTokenWarning } from './token-warning.ts';

export interface StartAppOptions<Image, AppMenu, Win extends BrowserWindowLike<Image>> {
  readonly electron: ElectronModule<Image, AppMenu, Win>;
  readonly paths: {
    /** The renderer build (dist/renderer). */
    readonly rendererDir: string;
    readonly preloadPath: string;
    readonly iconsDir: string;
    /** resources/app-update.yml when packaged, else null. */
    readonly updateConfigFile: string | null;
  };
  readonly files: NodeFiles;
  readonly process: {
    readonly platform: NodeJS.Platform;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly argv: readonly string[];
    readonly execPath: string;
    readonly defaultApp: boolean;
  };
  /** electron-updater's `autoUpdater` (only called when packaged). */
  readonly createUpdater: () => UpdaterLike;
  readonly log: Logger & { info(message: string): void };
  readonly setInterval: (run: () => void, ms: number) => unknown;
}

/** Same as `appId` in electron-builder.yml: Windows groups notifications and taskbar entries by it. */
export const APP_USER_MODEL_ID = 'fr.comptoir.desk';
const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** Starts the app; resolves to null when another instance already runs (this one quits). */
export async function startApp<Image, AppMenu, Win extends BrowserWindowLike<Image>>(options: StartAppOptions<Image, AppMenu, Win>) {
  const { electron, files, log } = options;
  const { app } = electron;
  let mainWindow: Win | null = null;
  let launchDossier: DossierId | null = findDeepLinkInArgv(options.process.argv)?.dossierId ?? null;
  let ready = false;

  const openDossier = (dossierId: DossierId, source: 'notification' | 'deep-link'): void => {
    focusWindow(mainWindow);
    if (mainWindow !== null) sendEvent(mainWindow.webContents, 'events:open-dossier', { dossierId, source });
  };
  const openDeepLink = (link: DeepLink): void => {
    // Before the window exists (macOS open-url at launch) the renderer asks for it at start-up.
    if (!ready || mainWindow === null) launchDossier = link.dossierId;
    else openDossier(link.dossierId, 'deep-link');
  };

  // Electron security checklist §18: the renderer comes from app://, registered before ready.
  electron.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME_PRIVILEGES.scheme, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } }]);
  if (!claimSingleInstance(app, { focus: () => focusWindow(mainWindow), openDeepLink, log: (m) => log.warn(m) })) return null;
  registerDeepLinkScheme(app, options.process);
  if (options.process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Every web contents, including any we did not create ourselves, gets the guards (§13, §14, §15).
  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuards(contents, { openExternal: (url) => electron.shell.openExternal(url), log: (m) => log.warn(m) });
  });

  await app.whenReady();
  const userData = app.getPath('userData');
  const settings = await loadSettings({
    files,
    userDataDir: userData,
    updateConfigFile: options.paths.updateConfigFile,
    platform: options.process.platform,
    env: options.process.env,
    systemLocale: app.getLocale(),
    log: (m) => log.warn(m),
  });
  const contentSecurityPolicy = (): string => {
    const { serverUrl } = settings.current();
    return buildContentSecurityPolicy(serverUrl === null ? null : serverOrigin(serverUrl));
  };
  electron.protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: options.paths.rendererDir, readFile: files.readBytes, contentSecurityPolicy }));
  const session = electron.session.defaultSession;
  installCspHeaders(session.webRequest, contentSecurityPolicy);
  installPermissionHandlers(session, (m) => log.warn(m));

  const locale = () => settings.current().locale;
  const applyMenu = (): void => {
    const template = buildMenuTemplate({
      locale: locale(),
      platform: options.process.platform,
      developerItems: !app.isPackaged,
      run: (command) => {
        if (command === 'check-for-updates') void updates.check();
        focusWindow(mainWindow);
        if (mainWindow !== null) sendEvent(mainWindow.webContents, 'events:menu-command', command);
      },
    });
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(template));
  };

  const publishUpdate = (status: Parameters<Parameters<typeof createUpdateService>[0]['publish']>[0]) => {
    if (mainWindow !== null) sendEvent(mainWindow.webContents, 'updates:status', status);
  };
  const updates = createUpdateService({
    updater: app.isPackaged ? options.createUpdater() : null,
    settings: () => settings.current(),
    publish: publishUpdate,
    log: (m) => log.warn(m),
  });

  const tray = new electron.Tray(electron.nativeImage.createFromPath(path.join(options.paths.iconsDir, 'tray.png')));
  tray.on('click', () => focusWindow(mainWindow));
  const badge = createBadge({
    platform: options.process.platform,
    setBadgeCount: (count) => app.setBadgeCount(count),
    setOverlayIcon: (image, description) => mainWindow?.setOverlayIcon(image, description),
    overlayImage: electron.nativeImage.createFromPath(path.join(options.paths.iconsDir, 'badge-overlay.png')),
    setTrayToolTip: (text) => tray.setToolTip(text),
    locale,
  });
  badge.setPendingCount(0);

  const router = createIpcRouter(electron.ipcMain, log);
  registerIpcHandlers(
    router,
    ipcHandlers<Win>({
      mainWindow: () => mainWindow,
      documents: createDocuments<Win>({
        showSaveDialog: (window, dialogOptions) => electron.dialog.showSaveDialog(window, dialogOptions),
        writeFile: files.writeBytes,
        openPath: (file) => electron.shell.openPath(file),
        printWindow: (window) =>
          new Promise((resolve) => window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => resolve({ success, failureReason }))),
        documentsDir: app.getPath('documents'),
        makeTempDir: () => files.makeTempDir(path.join(app.getPath('temp'), 'comptoir'), 'print-'),
        locale,
      }),
      notifications: createNotifications({
        isSupported: () => electron.Notification.isSupported(),
        create: (notificationOptions) => new electron.Notification(notificationOptions),
        openDossier: (dossierId) => openDossier(dossierId, 'notification'),
      }),
      badge,
      tokens: createTokenStore({
        safeStorage: electron.safeStorage,
        platform: options.process.platform,
        file: path.join(userData, 'refresh-token.bin'),
        files: { read: files.readBytesIfExists, writeAtomic: files.writeBytesAtomic, remove: files.remove },
        warnPlainText: (status: TokenStorageStatus) => {
          void electron.dialog.showMessageBox(plainTextTokenWarning(locale(), status));
        },
      }),
      settings,
      updates,
      takeLaunchDossier: () => {
        const dossier = launchDossier;
        launchDossier = null;
        return dossier;
      },
    }),
  );

  settings.onChange(() => {
    applyMenu();
    updates.configure();
  });
  applyMenu();
  updates.configure();

  const showWindow = async (): Promise<void> => {
    mainWindow = await openMainWindow({
      BrowserWindow: electron.BrowserWindow,
      workAreas: () => {
        const primary = electron.screen.getPrimaryDisplay().workArea;
        return [primary, ...electron.screen.getAllDisplays().map((display) => display.workArea)];
      },
      windowState: createWindowStateStore(path.join(userData, 'window-state.json'), files),
      preloadPath: options.paths.preloadPath,
      iconsDir: options.paths.iconsDir,
      platform: options.process.platform,
      appVersion: app.getVersion(),
      devTools: !app.isPackaged,
      log: (m) => log.warn(m),
    });
    const opened = mainWindow;
    opened.on('closed', () => {
      if (mainWindow === opened) mainWindow = null;
    });
  };
  await showWindow();
  ready = true;

  app.on('window-all-closed', () => {
    // macOS apps stay in the dock with no window; elsewhere closing the window quits.
    if (options.process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null) showWindow().catch((error: unknown) => log.error('window failed to open', error));
  });

  void updates.check();
  options.setInterval(() => void updates.check(), UPDATE_CHECK_INTERVAL_MS);
  log.info(`Comptoir ${app.getVersion()} started`);

  return { mainWindow: () => mainWindow, settings, updates, badge };
}
