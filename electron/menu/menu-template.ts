/**
 * The application menu as a pure function of the locale, the platform and the actions to run, so
 * it can be tested without Electron (`Menu.buildFromTemplate` takes the result). Commands that
 * belong to the UI (new call, search, add line…) are forwarded to the renderer; their shortcuts are
 * the ones DESIGN §12 asks for, and the renderer handles the same keys in a plain browser.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, UiLocale } from '../bridge.ts';
import { MENU_LABELS } from './menu-labels.ts';

export interface MenuContext {
  readonly locale: UiLocale;
  readonly platform: NodeJS.Platform;
  /** Reload and DevTools only in unpackaged development builds. */
  readonly developerItems: boolean;
  /** Runs a command: forwarded to the renderer, except `check-for-updates`, which the main process runs. */
  readonly run: (command: MenuCommand) => void;
}

type Item = MenuItemConstructorOptions;
const separator: Item = { type: 'separator' };

export function buildMenuTemplate(context: MenuContext): Item[] {
  const t = MENU_LABELS[context.locale];
  const mac = context.platform === 'darwin';
  const command = (label: string, name: MenuCommand, accelerator?: string): Item => ({
    label,
    click: () => context.run(name),
    ...(accelerator === undefined ? {} : { accelerator }),
  });

  const appMenu: Item = {
    label: 'Comptoir',
    submenu: [
      { role: 'about', label: t.about },
      command(t.checkForUpdates, 'check-for-updates'),
      separator,
      command(t.settings, 'open-settings', 'Cmd+,'),
      separator,
      { role: 'services', label: t.services },
      separator,
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.showAll },
      separator,
      { role: 'quit', label: t.quit },
    ],
  };

  const file: Item = {
    label: t.file,
    submenu: [
      command(t.newCall, 'new-call', 'CmdOrCtrl+N'),
      separator,
      command(t.print, 'print', 'CmdOrCtrl+P'),
      separator,
      ...(mac ? [{ role: 'close', label: t.close } satisfies Item] : [command(t.settings, 'open-settings', 'Ctrl+,'), separator, { role: 'quit', label: t.quit } satisfies Item]),
    ],
  };

  const edit: Item = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      separator,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  };

  const dossier: Item = {
    label: t.dossier,
    submenu: [command(t.addLine, 'add-line', 'CmdOrCtrl+L'), command(t.addMiscLine, 'add-misc-line', 'CmdOrCtrl+Shift+L')],
  };

  const developer: Item[] = context.developerItems
    ? [separator, { role: 'reload', label: t.reload }, { role: 'toggleDevTools', label: t.devTools }]
    : [];
  const view: Item = {
    label: t.view,
    submenu: [
      command(t.search, 'search', 'CmdOrCtrl+F'),
      command(t.commandPalette, 'command-palette', 'CmdOrCtrl+K'),
      separator,
      { role: 'resetZoom', label: t.actualSize },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      separator,
      { role: 'togglefullscreen', label: t.fullScreen },
      ...developer,
    ],
  };

  const windowMenu: Item = {
    label: t.window,
    submenu: mac
      ? [{ role: 'minimize', label: t.minimize }, { role: 'zoom', label: t.zoom }, separator, { role: 'front', label: t.front }]
      : [{ role: 'minimize', label: t.minimize }, { role: 'close', label: t.close }],
  };

  // On macOS "About" and "Check for updates" live in the app menu (and Help holds the search box).
  const help: Item = {
    label: t.help,
    role: 'help',
    submenu: mac ? [] : [command(t.checkForUpdates, 'check-for-updates'), separator, { role: 'about', label: t.about }],
  };

  return [...(mac ? [appMenu] : []), file, edit, dossier, view, windowMenu, help];
}
