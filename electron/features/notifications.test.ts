import { describe, expect, it, vi } from 'vitest';
import type { DossierId } from '../../core/shared/ids.ts';
import { createBadge, pendingSyncLabel } from './badge.ts';
import type { NotificationLike } from './notifications.ts';
import { createNotifications } from './notifications.ts';

function fakeNotification() {
  const listeners = new Map<string, () => void>();
  const notification: NotificationLike & { shown: boolean; fire(event: string): void } = {
    shown: false,
    on: (event, listener) => listeners.set(event, listener),
    show() {
      this.shown = true;
    },
    fire: (event) => listeners.get(event)?.(),
  };
  return notification;
}

const request = { kind: 'payment-received', dossierId: 'D-2026-000042' as DossierId, title: 'Acompte reçu', body: 'Dupont — 300,00 €' } as const;

describe('OS notifications', () => {
  it('shows the notification and opens its dossier on click', () => {
    const notification = fakeNotification();
    const openDossier = vi.fn();
    const create = vi.fn(() => notification);
    const notifications = createNotifications({ isSupported: () => true, create, openDossier });
    expect(notifications.show(request)).toEqual({ ok: true, value: null });
    expect(create).toHaveBeenCalledWith({ title: 'Acompte reçu', body: 'Dupont — 300,00 €', silent: false });
    expect(notification.shown).toBe(true);
    expect(notifications.pending()).toBe(1);
    notification.fire('click');
    expect(openDossier).toHaveBeenCalledWith('D-2026-000042');
    expect(notifications.pending()).toBe(0);
  });

  it('lets go of a notification closed without a click', () => {
    const notification = fakeNotification();
    const notifications = createNotifications({ isSupported: () => true, create: () => notification, openDossier: vi.fn() });
    notifications.show(request);
    notification.fire('close');
    expect(notifications.pending()).toBe(0);
  });

  it('does nothing where the desktop has no notification service', () => {
    const create = vi.fn();
    const notifications = createNotifications({ isSupported: () => false, create, openDossier: vi.fn() });
    expect(notifications.show(request)).toEqual({ ok: true, value: null });
    expect(create).not.toHaveBeenCalled();
  });
});

describe('pending-sync badge', () => {
  it('badges the dock and labels the tray on macOS', () => {
    const setBadgeCount = vi.fn(() => true);
    const setTrayToolTip = vi.fn();
    createBadge({ platform: 'darwin', setBadgeCount, setOverlayIcon: null, overlayImage: 'img', setTrayToolTip, locale: () => 'en' }).setPendingCount(3);
    expect(setBadgeCount).toHaveBeenCalledWith(3);
    expect(setTrayToolTip).toHaveBeenCalledWith('Comptoir — 3 changes waiting to sync');
  });

  it('uses a taskbar overlay on Windows and clears it at zero', () => {
    const setOverlayIcon = vi.fn();
    const badge = createBadge({ platform: 'win32', setBadgeCount: vi.fn(() => false), setOverlayIcon, overlayImage: 'img', setTrayToolTip: null, locale: () => 'fr' });
    badge.setPendingCount(2);
    badge.setPendingCount(0);
    expect(setOverlayIcon).toHaveBeenNthCalledWith(1, 'img', 'Comptoir — 2 modifications en attente de synchronisation');
    expect(setOverlayIcon).toHaveBeenNthCalledWith(2, null, '');
  });

  it('speaks French and English, singular and plural', () => {
    expect(pendingSyncLabel(1, 'fr')).toBe('Comptoir — 1 modification en attente de synchronisation');
    expect(pendingSyncLabel(0, 'en')).toBe('Comptoir — everything is synced');
  });
});
