import type { Payment } from '../../core/payment/index.ts';
import type { DossierId } from '../../core/shared/ids.ts';
import { useDatabase } from '../db/database-store.ts';
import { useLiveDocs } from '../db/useLiveQuery.ts';
import { useT } from '../i18n/useT.ts';

function PaymentLine({ payment }: { readonly payment: Payment }) {
  const { t, fmt } = useT();
  if (payment.type === 'received') {
    return (
      <li>
        <div className="line1">
          <span className="badge ok">{t.dossier.received}</span>
          <strong className="num">{fmt.money(payment.amount)}</strong>
        </div>
        <span className="small muted">
          {t.payment.methods[payment.method]} · {fmt.dateTime(payment.receivedAt)}
        </span>
      </li>
    );
  }
  const tone = payment.status === 'paid' ? 'badge ok' : payment.status === 'queued' ? 'badge warn' : payment.status === 'sent' ? 'badge accent' : 'badge';
  return (
    <li>
      <div className="line1">
        <span>
          {t.payment.kinds[payment.kind]} {payment.rate === null ? '' : `(${fmt.percent(payment.rate)})`}
        </span>
        <strong className="num">{fmt.money(payment.amount)}</strong>
      </div>
      <div className="row small">
        <span className={tone}>{payment.status === 'queued' ? t.commands.statuses.queued : t.payment.statuses[payment.status]}</span>
        <span className="muted">{fmt.dateTime(payment.createdAt)}</span>
        {payment.link !== null && (
          <a href={payment.link} target="_blank" rel="noreferrer">
            {t.payment.link}
          </a>
        )}
      </div>
    </li>
  );
}

/** Payment requests (server-owned statuses) and payments received. */
export function PaymentsPanel({ dossierId }: { readonly dossierId: string }) {
  const { t } = useT();
  const db = useDatabase();
  const payments = useLiveDocs(() => db.payments.find({ selector: { dossierId: dossierId as DossierId }, sort: [{ createdAt: 'asc' }] }), [db, dossierId]);
  return (
    <section className="panel" aria-labelledby="payments-title">
      <h2 id="payments-title">{t.dossier.payments}</h2>
      {payments?.length === 0 && <p className="muted">{t.dossier.noPayment}</p>}
      <ul className="list">
        {(payments ?? []).map((payment) => (
          <PaymentLine key={payment.id} payment={payment} />
        ))}
      </ul>
    </section>
  );
}
