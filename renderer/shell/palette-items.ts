import { navigate } from '../app/route-store.ts';
import { uiStore } from '../app/ui-store.ts';
import { searchClients } from '../clients/search-clients.ts';
import { localeStore } from '../i18n/locale-store.ts';
import type { Messages } from '../i18n/fr.ts';
import { clientName } from '../projection/projection-store.ts';
import { searchDossiers } from '../projection/search-dossiers.ts';
import { sessionStore } from '../session/session-store.ts';
import { syncStore } from '../sync/sync-store.ts';

export interface PaletteItem {
  readonly id: string;
  readonly group: 'commands' | 'dossiers' | 'clients';
  readonly label: string;
  readonly detail: string;
  readonly shortcut?: string;
  run(): void;
}

function commands(t: Messages): PaletteItem[] {
  const close = () => uiStore.getState().close();
  const items: PaletteItem[] = [
    { id: 'new-call', group: 'commands', label: t.palette.newCall, detail: '', shortcut: 'F2', run: () => uiStore.getState().open('newCall') },
    { id: 'inbox', group: 'commands', label: t.palette.goInbox, detail: '', run: () => (close(), navigate({ name: 'inbox' })) },
    { id: 'pipeline', group: 'commands', label: t.palette.goPipeline, detail: '', run: () => (close(), navigate({ name: 'pipeline' })) },
    { id: 'table', group: 'commands', label: t.palette.goTable, detail: '', run: () => (close(), navigate({ name: 'table' })) },
    { id: 'dashboard', group: 'commands', label: t.palette.goDashboard, detail: '', run: () => (close(), navigate({ name: 'dashboard' })) },
    {
      id: 'language',
      group: 'commands',
      label: t.palette.switchLanguage,
      detail: '',
      run: () => {
        close();
        localeStore.getState().setLocale(localeStore.getState().locale === 'fr' ? 'en' : 'fr');
      },
    },
    { id: 'shortcuts', group: 'commands', label: t.palette.shortcuts, detail: '', shortcut: 'F1', run: () => uiStore.getState().open('shortcuts') },
    { id: 'logout', group: 'commands', label: t.palette.logout, detail: '', run: () => (close(), void sessionStore.getState().logout()) },
  ];
  if (syncStore.getState().conflicts.length > 0) {
    items.push({ id: 'conflicts', group: 'commands', label: t.palette.conflicts, detail: '', run: () => uiStore.getState().open('conflicts') });
  }
  return items;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** What the palette lists for a query: matching commands, then dossiers, then clients. */
export function paletteItems(query: string, t: Messages, mode: 'commands' | 'search'): PaletteItem[] {
  const q = fold(query.trim());
  const matching = mode === 'search' && q === '' ? [] : commands(t).filter((item) => q === '' || fold(item.label).includes(q));
  const dossiers: PaletteItem[] = searchDossiers(query).map((row) => ({
    id: `dossier-${row.id}`,
    group: 'dossiers',
    label: `${row.number} · ${row.subject}`,
    detail: `${clientName(row.clientId)} · ${t.stages[row.stage]}`,
    run: () => {
      uiStore.getState().close();
      navigate({ name: 'dossier', id: row.id });
    },
  }));
  const clients: PaletteItem[] = searchClients(query, 5).map((client) => ({
    id: `client-${client.id}`,
    group: 'clients',
    label: client.name,
    detail: client.phones[0] ?? client.email,
    run: () => uiStore.getState().open('newCall', { clientId: client.id }),
  }));
  return [...matching, ...dossiers, ...clients];
}
