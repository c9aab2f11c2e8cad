/**
 * OS notifications for a new web request and a payment received. Clicking one brings the window
 * forward and opens the dossier in the renderer. Shown notifications are held until clicked or
 * closed: a notification object that gets garbage-collected loses its click handler.
 */
import type { DossierId } from '../../core/shared/ids.ts';
import type { DossierNotification, IpcResult } from '../bridge.ts';

/** The part of Electron's `Notification` used here. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

export interface NotificationDeps {
  readonly isSupported: () => boolean;
  readonly create: (options: { title: string; body: string; silent: boolean }) => NotificationLike;
  /** Focus the main window and send `events:open-dossier`. */
  readonly openDossier: (dossierId: DossierId) => void;
}

export function createNotifications(deps: NotificationDeps) {
  const onScreen = new Set<NotificationLike>();

  return {
    show(request: DossierNotification): IpcResult<null> {
      // Unsupported (some Linux desktops): the in-app activity feed still shows the event.
      if (!deps.isSupported()) return { ok: true, value: null };
      const notification = deps.create({ title: request.title, body: request.body, silent: false });
      onScreen.add(notification);
      notification.on('click', () => {
        onScreen.delete(notification);
        deps.openDossier(request.dossierId);
      });
      notification.on('close', () => onScreen.delete(notification));
      notification.show();
      return { ok: true, value: null };
    },
    /** How many are held (for tests and leak checks). */
    pending: (): number => onScreen.size,
  };
}
