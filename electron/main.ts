/**
 * The Electron main entry (bundled to dist/electron/main.cjs by electron/build/bundle.ts). It
 * only wires the real `electron` module, the file system and electron-updater into
 * {@link startApp}; everything it does is in electron/app/ and tested with fakes.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, protocol, safeStorage, screen, session, shell, Tray } from 'electron';
import { autoUpdater } from 'electron-updater';
import { nodeFiles } from './app/node-files.ts';
import { startApp } from './app/start-app.ts';

// dist/electron/main.cjs → the app root (or app.asar) is two levels up.
const appRoot = path.resolve(__dirname, '..', '..');

startApp({
  electron: { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, protocol, safeStorage, screen, session, shell, Tray },
  paths: {
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    preloadPath: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
    iconsDir: app.isPackaged ? path.join(process.resourcesPath, 'icons') : path.join(appRoot, 'resources', 'icons'),
    updateConfigFile: app.isPackaged ? path.join(process.resourcesPath, 'app-update.yml') : null,
  },
  files: nodeFiles(),
  process: {
    platform: process.platform,
    env: process.env,
    argv: process.argv,
    execPath: process.execPath,
    defaultApp: process.defaultApp === true,
  },
  createUpdater: () => autoUpdater,
  log: {
    info: (message) => console.info(message),
    warn: (message) => console.warn(message),
    error: (message, error) => console.error(message, error),
  },
  setInterval: (run, ms) => setInterval(run, ms),
}).catch((error: unknown) => {
  console.error('Comptoir failed to start', error);
  app.exit(1);
});
