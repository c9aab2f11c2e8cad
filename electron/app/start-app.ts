/**
 * Builds and runs the desktop app from injected pieces: electron/main.ts passes the real
 * `electron` module; tests pass fakes. Nothing here runs on import.
 *
 * Order matters: the `app://` scheme's privileges, the single-instance lock and the `open-url`
 * listener must be in place before `ready`; the protocol handler, CSP and permission handlers
 * before the window loads anything.
 */
import path from 'node:path';
import type { DeepLink } from '../features/deep-link.ts';
import { findDeepLinkInArgv } from '../features/deep-link.ts';
import { createWindowStateStore } from '../features/window-state.ts';
import type { EventChannel, EventChannels } from '../ipc/contract.ts';
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
import { createDesktopServices } from './desktop-services.ts';
import { createDossierLinks } from './dossier-links.ts';
import { ipcHandlers, registerIpcHandlers } from './ipc-handlers.ts';
import { loadSettings } from './load-settings.ts';
import { focusWindow, openMainWindow } from './main-window.ts';
import type { NodeFiles } from './node-files.ts';
import { claimSingleInstance, registerDeepLinkScheme } from './single-instance.ts';

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
  const warn = (message: string): void => log.warn(message);
  let mainWindow: Win | null = null;
  const send = <C extends EventChannel>(channel: C, payload: EventChannels[C]): boolean => {
    if (mainWindow === null) return false;
    sendEvent(mainWindow.webContents, channel, payload);
    return true;
  };
  const dossierLinks = createDossierLinks((request) => {
    focusWindow(mainWindow);
    return send('events:open-dossier', request);
  });
  const launchLink = findDeepLinkInArgv(options.process.argv);
  if (launchLink !== null) dossierLinks.open(launchLink.dossierId, 'deep-link');

  // Electron security checklist §18: the renderer comes from app://, registered before ready.
  electron.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME_PRIVILEGES.scheme, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } }]);
  const openDeepLink = (link: DeepLink): void => dossierLinks.open(link.dossierId, 'deep-link');
  if (!claimSingleInstance(app, { focus: () => focusWindow(mainWindow), openDeepLink, log: warn })) return null;
  registerDeepLinkScheme(app, options.process);
  if (options.process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Every web contents, including any we did not create ourselves, gets the guards (§13, §14, §15).
  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuards(contents, { openExternal: (url) => electron.shell.openExternal(url), log: warn });
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
    log: warn,
  });
  const contentSecurityPolicy = (): string => {
    const { serverUrl } = settings.current();
    return buildContentSecurityPolicy(serverUrl === null ? null : serverOrigin(serverUrl));
  };
  electron.protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: options.paths.rendererDir, readFile: files.readBytes, contentSecurityPolicy }));
  installCspHeaders(electron.session.defaultSession.webRequest, contentSecurityPolicy);
  installPermissionHandlers(electron.session.defaultSession, warn);

  const locale = () => settings.current().locale;
  const updates = createUpdateService({
    updater: app.isPackaged ? options.createUpdater() : null,
    settings: () => settings.current(),
    publish: (status) => void send('updates:status', status),
    log: warn,
  });
  const applyMenu = (): void => {
    const template = buildMenuTemplate({
      locale: locale(),
      platform: options.process.platform,
      developerItems: !app.isPackaged,
      run: (command) => {
        if (command === 'check-for-updates') void updates.check();
        focusWindow(mainWindow);
        send('events:menu-command', command);
      },
    });
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(template));
  };

  const services = createDesktopServices({
    electron,
    files,
    platform: options.process.platform,
    iconsDir: options.paths.iconsDir,
    mainWindow: () => mainWindow,
    focusMainWindow: () => focusWindow(mainWindow),
    openDossier: (dossierId) => dossierLinks.open(dossierId, 'notification'),
    locale,
  });
  registerIpcHandlers(
    createIpcRouter(electron.ipcMain, log),
    ipcHandlers<Win>({ ...services, mainWindow: () => mainWindow, settings, updates, takeLaunchDossier: () => dossierLinks.take() }),
  );

  settings.onChange(() => {
    applyMenu();
    updates.configure();
  });
  applyMenu();
  updates.configure();

  const showWindow = async (): Promise<void> => {
    const { window, loaded } = await openMainWindow({
      BrowserWindow: electron.BrowserWindow,
      workAreas: () => [electron.screen.getPrimaryDisplay().workArea, ...electron.screen.getAllDisplays().map((display) => display.workArea)],
      windowState: createWindowStateStore(path.join(userData, 'window-state.json'), files),
      preloadPath: options.paths.preloadPath,
      iconsDir: options.paths.iconsDir,
      platform: options.process.platform,
      appVersion: app.getVersion(),
      devTools: !app.isPackaged,
      log: warn,
    });
    // Known before the page loads: the renderer may call the bridge while it boots.
    mainWindow = window;
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
      dossierLinks.rendererGone();
    });
    await loaded;
  };
  await showWindow();

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

  return { mainWindow: () => mainWindow, settings, updates, badge: services.badge };
}
