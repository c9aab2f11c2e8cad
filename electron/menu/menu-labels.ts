/**
 * The app menu's labels in French and English. Electron's built-in role labels are English only,
 * so every item, roles included, gets a label from here.
 */
import type { UiLocale } from '../bridge.ts';

export interface MenuLabels {
  readonly file: string;
  readonly edit: string;
  readonly dossier: string;
  readonly view: string;
  readonly window: string;
  readonly help: string;
  readonly about: string;
  readonly checkForUpdates: string;
  readonly settings: string;
  readonly services: string;
  readonly hide: string;
  readonly hideOthers: string;
  readonly showAll: string;
  readonly quit: string;
  readonly newCall: string;
  readonly print: string;
  readonly close: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly addLine: string;
  readonly addMiscLine: string;
  readonly search: string;
  readonly commandPalette: string;
  readonly actualSize: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly fullScreen: string;
  readonly reload: string;
  readonly devTools: string;
  readonly minimize: string;
  readonly zoom: string;
  readonly front: string;
}

export const MENU_LABELS = {
  fr: {
    file: 'Fichier',
    edit: 'Édition',
    dossier: 'Dossier',
    view: 'Affichage',
    window: 'Fenêtre',
    help: 'Aide',
    about: 'À propos de Comptoir',
    checkForUpdates: 'Rechercher des mises à jour…',
    settings: 'Réglages…',
    services: 'Services',
    hide: 'Masquer Comptoir',
    hideOthers: 'Masquer les autres',
    showAll: 'Tout afficher',
    quit: 'Quitter Comptoir',
    newCall: 'Nouvel appel',
    print: 'Imprimer…',
    close: 'Fermer la fenêtre',
    undo: 'Annuler',
    redo: 'Rétablir',
    cut: 'Couper',
    copy: 'Copier',
    paste: 'Coller',
    selectAll: 'Tout sélectionner',
    addLine: 'Ajouter une ligne',
    addMiscLine: 'Ajouter une ligne divers',
    search: 'Rechercher',
    commandPalette: 'Palette de commandes',
    actualSize: 'Taille réelle',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    fullScreen: 'Plein écran',
    reload: 'Recharger',
    devTools: 'Outils de développement',
    minimize: 'Réduire',
    zoom: 'Agrandir',
    front: 'Tout ramener au premier plan',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    dossier: 'Dossier',
    view: 'View',
    window: 'Window',
    help: 'Help',
    about: 'About Comptoir',
    checkForUpdates: 'Check for Updates…',
    settings: 'Settings…',
    services: 'Services',
    hide: 'Hide Comptoir',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: 'Quit Comptoir',
    newCall: 'New Call',
    print: 'Print…',
    close: 'Close Window',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    addLine: 'Add Line',
    addMiscLine: 'Add Misc Line',
    search: 'Search',
    commandPalette: 'Command Palette',
    actualSize: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    reload: 'Reload',
    devTools: 'Developer Tools',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
  },
} as const satisfies Record<UiLocale, MenuLabels>;
