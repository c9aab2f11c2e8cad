import { uiStore } from '../app/ui-store.ts';
import { useT } from '../i18n/useT.ts';
import { Dialog } from '../ui/Dialog.tsx';

export function ShortcutsHelp() {
  const { t } = useT();
  const rows: [string, string][] = [
    [t.shortcuts.palette, 'Ctrl+K'],
    [t.shortcuts.newCall, 'F2 / Ctrl+N'],
    [t.shortcuts.search, 'Ctrl+F'],
    [t.shortcuts.addLine, 'Ctrl+L'],
    [t.shortcuts.addMisc, 'Ctrl+M'],
    [t.shortcuts.help, 'F1'],
  ];
  return (
    <Dialog title={t.shortcuts.title} onClose={() => uiStore.getState().close()}>
      <table className="grid">
        <tbody>
          {rows.map(([label, keys]) => (
            <tr key={keys}>
              <td>{label}</td>
              <td>
                <kbd>{keys}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
