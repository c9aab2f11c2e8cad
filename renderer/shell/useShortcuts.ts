import { useEffect } from 'react';
import type { MenuCommand } from '../../electron/bridge.ts';
import { desktopBridge } from '../bridge.ts';
import { emitEditorShortcut } from '../app/editor-shortcuts.ts';
import { uiStore } from '../app/ui-store.ts';

/** What a key combination or an app-menu item does (electron/menu sends the same commands). */
function run(command: MenuCommand): boolean {
  const ui = uiStore.getState();
  switch (command) {
    case 'new-call':
      ui.open('newCall');
      return true;
    case 'command-palette':
      ui.open('palette');
      return true;
    case 'search':
      ui.open('palette', { paletteMode: 'search' });
      return true;
    case 'add-line':
      return emitEditorShortcut('add-line');
    case 'add-misc-line':
      return emitEditorShortcut('add-misc-line');
    case 'open-settings':
      ui.open('settings');
      return true;
    case 'print':
    case 'check-for-updates':
      return false;
  }
}

function commandFor(event: KeyboardEvent): MenuCommand | 'help' | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.key === 'F2' || (mod && key === 'n' && !event.shiftKey)) return 'new-call';
  if (event.key === 'F1') return 'help';
  if (!mod || event.altKey) return null;
  if (key === 'k') return 'command-palette';
  if (key === 'f') return 'search';
  if (key === 'l') return 'add-line';
  if (key === 'm') return 'add-misc-line';
  return null;
}

/**
 * Global keyboard shortcuts (DESIGN §12): F2 or Ctrl+N new call (browsers keep Ctrl+N for
 * themselves, hence F2), Ctrl+K palette, Ctrl+F search, Ctrl+L / Ctrl+M add a catalog / misc line in
 * the quote editor, F1 the list of shortcuts. The desktop menu's accelerators arrive as commands.
 */
export function useShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const command = commandFor(event);
      if (command === null) return;
      if (command === 'help') {
        event.preventDefault();
        uiStore.getState().open('shortcuts');
        return;
      }
      if (run(command)) event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = desktopBridge()?.events.onMenuCommand((command) => void run(command));
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe?.();
    };
  }, []);
}
