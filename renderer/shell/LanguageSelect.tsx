import { useT } from '../i18n/useT.ts';
import { localeStore, type Locale } from '../i18n/locale-store.ts';

/** FR / EN switch, available on the login screen and in the header. */
export function LanguageSelect() {
  const { t, locale } = useT();
  return (
    <select aria-label={t.settings.language} value={locale} onChange={(e) => localeStore.getState().setLocale(e.target.value as Locale)}>
      <option value="fr">{t.settings.french}</option>
      <option value="en">{t.settings.english}</option>
    </select>
  );
}
