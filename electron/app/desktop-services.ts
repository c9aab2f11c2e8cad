/**
 * The desktop features behind the bridge, built on the injected Electron pieces: documents
 * (save/print PDF), notifications, the pending-sync badge and tray, the refresh-token store.
 */
import path from 'node:path';
import type { DossierId } from '../../core/shared/ids.ts';
import type { UiLocale } from '../bridge.ts';
import { createBadge } from '../features/badge.ts';
import { createDocuments } from '../features/documents.ts';
import { createNotifications } from '../features/notifications.ts';
import { createTokenStore } from '../features/token-store.ts';
import type { BrowserWindowLike, ElectronModule } from './electron-deps.ts';
import type { NodeFiles } from './node-files.ts';
import { plainTextTokenWarning } from './token-warning.ts';

export interface DesktopServicesDeps<Image, AppMenu, Win extends BrowserWindowLike<Image>> {
  readonly electron: ElectronModule<Image, AppMenu, Win>;
  readonly files: NodeFiles;
  readonly platform: NodeJS.Platform;
  readonly iconsDir: string;
  readonly mainWindow: () => Win | null;
  readonly focusMainWindow: () => void;
  readonly openDossier: (dossierId: DossierId) => void;
  readonly locale: () => UiLocale;
}

export function createDesktopServices<Image, AppMenu, Win extends BrowserWindowLike<Image>>(deps: DesktopServicesDeps<Image, AppMenu, Win>) {
  const { electron, files, locale } = deps;
  const { app } = electron;
  const icon = (name: string) => electron.nativeImage.createFromPath(path.join(deps.iconsDir, name));

  const tray = new electron.Tray(icon('tray.png'));
  tray.on('click', deps.focusMainWindow);
  const badge = createBadge({
    platform: deps.platform,
    setBadgeCount: (count) => app.setBadgeCount(count),
    setOverlayIcon: (image, description) => deps.mainWindow()?.setOverlayIcon(image, description),
    overlayImage: icon('badge-overlay.png'),
    setTrayToolTip: (text) => tray.setToolTip(text),
    locale,
  });
  badge.setPendingCount(0);

  return {
    badge,
    documents: createDocuments<Win>({
      showSaveDialog: (window, options) => electron.dialog.showSaveDialog(window, options),
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
      create: (options) => new electron.Notification(options),
      openDossier: deps.openDossier,
    }),
    tokens: createTokenStore({
      safeStorage: electron.safeStorage,
      platform: deps.platform,
      file: path.join(app.getPath('userData'), 'refresh-token.bin'),
      files: { read: files.readBytesIfExists, writeAtomic: files.writeBytesAtomic, remove: files.remove },
      warnPlainText: (status) => {
        void electron.dialog.showMessageBox(plainTextTokenWarning(locale(), status));
      },
    }),
  };
}
