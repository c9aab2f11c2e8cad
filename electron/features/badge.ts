/**
 * The pending-sync count, where the user sees it without looking at the app: the dock badge on
 * macOS, the launcher badge on Linux (Unity API), a taskbar overlay on Windows, and the tray
 * tooltip everywhere. Zero clears it.
 */
import type { UiLocale } from '../bridge.ts';

export interface BadgeDeps<Image> {
  readonly platform: NodeJS.Platform;
  /** `app.setBadgeCount` (macOS dock, Linux launchers that support it). */
  readonly setBadgeCount: (count: number) => boolean;
  /** Windows taskbar overlay (`BrowserWindow.setOverlayIcon`); null when no window is open. */
  readonly setOverlayIcon: ((image: Image | null, description: string) => void) | null;
  readonly overlayImage: Image;
  /** `tray.setToolTip`; null when there is no tray icon. */
  readonly setTrayToolTip: ((text: string) => void) | null;
  readonly locale: () => UiLocale;
}

/** The tray tooltip / overlay description for a count. */
export function pendingSyncLabel(count: number, locale: UiLocale): string {
  if (locale === 'fr') {
    if (count === 0) return 'Comptoir — tout est synchronisé';
    return `Comptoir — ${count} modification${count > 1 ? 's' : ''} en attente de synchronisation`;
  }
  if (count === 0) return 'Comptoir — everything is synced';
  return `Comptoir — ${count} change${count > 1 ? 's' : ''} waiting to sync`;
}

export function createBadge<Image>(deps: BadgeDeps<Image>) {
  return {
    setPendingCount(count: number): void {
      const label = pendingSyncLabel(count, deps.locale());
      if (deps.platform === 'win32') deps.setOverlayIcon?.(count > 0 ? deps.overlayImage : null, count > 0 ? label : '');
      else deps.setBadgeCount(count);
      deps.setTrayToolTip?.(label);
    },
  };
}
