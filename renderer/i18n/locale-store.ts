import { create } from 'zustand';
import { desktopBridge } from '../bridge.ts';
import { en } from './en.ts';
import { fr, type Messages } from './fr.ts';

export type Locale = 'fr' | 'en';

const STORAGE_KEY = 'comptoir.locale';
export const DICTIONARIES: Readonly<Record<Locale, Messages>> = { fr, en };

/** French where the OS (or browser) speaks French, English elsewhere (DESIGN §12). */
export function systemLocale(languages: readonly string[]): Locale {
  const first = languages[0] ?? 'fr';
  return first.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'fr' || saved === 'en') return saved;
  return systemLocale(globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'fr']);
}

interface LocaleState {
  readonly locale: Locale;
  /** Switches the UI language, remembers the choice, and tells the desktop shell (its menus follow). */
  setLocale(locale: Locale): void;
}

export const localeStore = create<LocaleState>()((set) => ({
  locale: initialLocale(),
  setLocale(locale) {
    localStorage.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
    set({ locale });
    void desktopBridge()?.settings.setLocale(locale);
  },
}));
