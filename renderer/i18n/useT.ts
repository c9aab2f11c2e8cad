import { formatters, type Formatters } from './formatters.ts';
import { DICTIONARIES, localeStore, type Locale } from './locale-store.ts';
import type { Messages } from './fr.ts';

export interface Translation {
  readonly t: Messages;
  readonly locale: Locale;
  readonly fmt: Formatters;
}

/** The current dictionary and formatters; re-renders the caller when the language changes. */
export function useT(): Translation {
  const locale = localeStore((s) => s.locale);
  return { t: DICTIONARIES[locale], locale, fmt: formatters(locale) };
}

/** The same outside React (stores, actions). */
export function currentTranslation(): Translation {
  const locale = localeStore.getState().locale;
  return { t: DICTIONARIES[locale], locale, fmt: formatters(locale) };
}
