import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../bridge.ts';
import { MENU_LABELS } from './menu-labels.ts';
import { buildMenuTemplate } from './menu-template.ts';

type Item = MenuItemConstructorOptions;

function flatten(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}
const labels = (items: Item[]) => items.map((item) => item.label);
function byLabel(items: Item[], label: string): Item {
  const found = flatten(items).find((item) => item.label === label);
  if (found === undefined) throw new Error(`no menu item "${label}"`);
  return found;
}
function click(item: Item): void {
  // Menu click handlers receive (menuItem, window, event); the template ignores them.
  (item.click as (() => void) | undefined)?.();
}

describe('application menu', () => {
  it('is in French for a French locale', () => {
    const template = buildMenuTemplate({ locale: 'fr', platform: 'win32', developerItems: false, run: vi.fn() });
    expect(labels(template)).toEqual(['Fichier', 'Édition', 'Dossier', 'Affichage', 'Fenêtre', 'Aide']);
    expect(labels(flatten(template))).toEqual(expect.arrayContaining(['Nouvel appel', 'Imprimer…', 'Ajouter une ligne divers', 'Rechercher des mises à jour…', 'Couper', 'Quitter Comptoir']));
  });

  it('is in English for an English locale, with the macOS app menu first', () => {
    const template = buildMenuTemplate({ locale: 'en', platform: 'darwin', developerItems: false, run: vi.fn() });
    expect(labels(template)).toEqual(['Comptoir', 'File', 'Edit', 'Dossier', 'View', 'Window', 'Help']);
    expect(labels(flatten(template))).toEqual(expect.arrayContaining(['About Comptoir', 'Check for Updates…', 'Settings…', 'New Call', 'Bring All to Front']));
  });

  it('labels every item, roles included (Electron only has English role labels)', () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const platform of ['darwin', 'win32', 'linux'] as const) {
        const items = flatten(buildMenuTemplate({ locale, platform, developerItems: true, run: vi.fn() })).filter((item) => item.type !== 'separator');
        for (const item of items) expect(item.label, JSON.stringify(item)).toBeTruthy();
      }
    }
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(MENU_LABELS.fr).sort()).toEqual(Object.keys(MENU_LABELS.en).sort());
  });

  it('runs the commands the agent needs on the phone, with their shortcuts', () => {
    const run = vi.fn<(command: MenuCommand) => void>();
    const template = buildMenuTemplate({ locale: 'en', platform: 'linux', developerItems: false, run });
    const expectations: [string, MenuCommand, string | undefined][] = [
      ['New Call', 'new-call', 'CmdOrCtrl+N'],
      ['Search', 'search', 'CmdOrCtrl+F'],
      ['Command Palette', 'command-palette', 'CmdOrCtrl+K'],
      ['Add Line', 'add-line', 'CmdOrCtrl+L'],
      ['Add Misc Line', 'add-misc-line', 'CmdOrCtrl+Shift+L'],
      ['Print…', 'print', 'CmdOrCtrl+P'],
      ['Check for Updates…', 'check-for-updates', undefined],
    ];
    for (const [label, command, accelerator] of expectations) {
      const item = byLabel(template, label);
      expect(item.accelerator).toBe(accelerator);
      click(item);
      expect(run).toHaveBeenLastCalledWith(command);
    }
  });

  it('shows Reload and DevTools only in development builds', () => {
    const packaged = flatten(buildMenuTemplate({ locale: 'en', platform: 'linux', developerItems: false, run: vi.fn() }));
    const development = flatten(buildMenuTemplate({ locale: 'en', platform: 'linux', developerItems: true, run: vi.fn() }));
    expect(packaged.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(development.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});
