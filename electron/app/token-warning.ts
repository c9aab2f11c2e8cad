/**
 * The one-time warning shown when the refresh token can only be stored in plain text (Linux with
 * no keyring: Electron's `basic_text` backend). Shown by the main process itself, so it does not
 * depend on the renderer remembering to say it.
 */
import type { TokenStorageStatus, UiLocale } from '../bridge.ts';

export function plainTextTokenWarning(locale: UiLocale, status: TokenStorageStatus) {
  const text =
    locale === 'fr'
      ? {
          title: 'Session enregistrée sans chiffrement',
          message: 'Aucun trousseau de clés n’est disponible : votre session Comptoir est enregistrée en clair sur ce poste.',
          detail: `Toute personne ayant accès à votre compte utilisateur peut la réutiliser. Installez et déverrouillez un trousseau (GNOME Keyring ou KWallet), ou demandez à votre service informatique. (Stockage : ${status.backend})`,
          ok: 'Compris',
        }
      : {
          title: 'Session stored without encryption',
          message: 'No keyring is available: your Comptoir session is stored in plain text on this computer.',
          detail: `Anyone with access to your user account can reuse it. Install and unlock a keyring (GNOME Keyring or KWallet), or ask your IT department. (Storage: ${status.backend})`,
          ok: 'OK',
        };
  return { type: 'warning' as const, title: text.title, message: text.message, detail: text.detail, buttons: [text.ok] };
}
