import type { RxChangeEventBulk } from 'rxdb';
import type { Cents } from '../../core/money/index.ts';
import type { ClientDatabase } from '../../core/replication/index.ts';
import type { DossierId } from '../../core/shared/ids.ts';
import type { DossierNotification } from '../../electron/bridge.ts';
import { navigate } from '../app/route-store.ts';
import { desktopBridge } from '../bridge.ts';
import { currentTranslation } from '../i18n/useT.ts';
import { dossierRows } from '../projection/projection-store.ts';
import { syncStore } from './sync-store.ts';

/** At most this many notifications per burst of synced documents. */
const PER_BURST = 3;

function show(notification: DossierNotification): void {
  const bridge = desktopBridge();
  if (bridge) {
    void bridge.notifications.show(notification);
    return;
  }
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const shown = new Notification(notification.title, { body: notification.body, tag: `${notification.kind}-${notification.dossierId}` });
  shown.onclick = () => {
    window.focus();
    navigate({ name: 'dossier', id: notification.dossierId });
  };
}

/** Documents another device or the server wrote, once the first sync is over (not 50k alerts). */
function arrived<T>(bulk: RxChangeEventBulk<T>): T[] {
  const state = syncStore.getState();
  if (!bulk.context.startsWith('replication-downstream') || state.progress !== null || state.connection !== 'online') return [];
  return bulk.events.filter((event) => event.operation === 'INSERT').map((event) => event.documentData as T);
}

/**
 * OS notifications (DESIGN §11): a new request from the website form, a payment received. Through
 * the desktop bridge, or the browser's Notification API once the user allowed it.
 */
export function startDeskNotifications(db: ClientDatabase): () => void {
  const dossiers = db.dossiers.eventBulks$.subscribe((bulk) => {
    const { t } = currentTranslation();
    for (const dossier of arrived(bulk).filter((d) => d.source === 'web_form').slice(0, PER_BURST)) {
      show({ kind: 'web-request', dossierId: dossier.id, title: t.notify.webRequest, body: dossier.subject });
    }
  });
  const payments = db.payments.eventBulks$.subscribe((bulk) => {
    const { t, fmt } = currentTranslation();
    for (const payment of arrived(bulk).filter((p) => p.type === 'received').slice(0, PER_BURST)) {
      const number = dossierRows.get(payment.dossierId)?.number ?? '';
      show({
        kind: 'payment-received',
        dossierId: payment.dossierId as DossierId,
        title: t.notify.paymentReceived,
        body: t.notify.paymentBody(fmt.money(payment.amount as Cents), number),
      });
    }
  });
  return () => {
    dossiers.unsubscribe();
    payments.unsubscribe();
  };
}
