/**
 * The one main window (DESIGN §11): created hidden at its remembered place, shown when its first
 * frame is painted, its bounds saved when it closes.
 */
import path from 'node:path';
import { MIN_HEIGHT, MIN_WIDTH, placeWindow } from '../features/window-state.ts';
import type { WindowState } from '../features/window-state.ts';
import { APP_ENTRY_URL } from '../security/app-origin.ts';
import { secureWebPreferences } from '../security/web-preferences.ts';
import type { BrowserWindowLike, BrowserWindowOptions } from './electron-deps.ts';

export interface MainWindowDeps<Win> {
  readonly BrowserWindow: new (options: BrowserWindowOptions) => Win;
  readonly workAreas: () => readonly WindowState['bounds'][];
  readonly windowState: { load(): Promise<WindowState | null>; save(state: WindowState): Promise<void> };
  readonly preloadPath: string;
  readonly iconsDir: string;
  readonly platform: NodeJS.Platform;
  readonly appVersion: string;
  readonly devTools: boolean;
  readonly log: (message: string) => void;
}

/** Creates the window and starts loading the app; `loaded` settles when the first page has loaded. */
export async function openMainWindow<Image, Win extends BrowserWindowLike<Image>>(deps: MainWindowDeps<Win>): Promise<{ window: Win; loaded: Promise<void> }> {
  const placed = placeWindow(await deps.windowState.load(), deps.workAreas());
  const window = new deps.BrowserWindow({
    ...placed.bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown on ready-to-show: no white flash while the renderer boots.
    show: false,
    title: 'Comptoir',
    // Windows and macOS take the icon from the executable/bundle; Linux needs it given.
    ...(deps.platform === 'linux' ? { icon: path.join(deps.iconsDir, 'icon.png') } : {}),
    backgroundColor: '#f7f5f2',
    webPreferences: secureWebPreferences({ preloadPath: deps.preloadPath, appVersion: deps.appVersion, devTools: deps.devTools }),
  });
  window.once('ready-to-show', () => {
    if (placed.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    // Saved on close, not on every move: one write per session is enough.
    deps.windowState.save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() }).catch((error: unknown) => {
      deps.log(`window state not saved: ${String(error)}`);
    });
  });
  return { window, loaded: window.loadURL(APP_ENTRY_URL) };
}

/** Brings the window forward (second instance, notification click, deep link). */
export function focusWindow<Image>(window: BrowserWindowLike<Image> | null): void {
  if (window === null || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
