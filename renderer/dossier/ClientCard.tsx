import type { ClientDoc } from '../../core/schemas/index.ts';
import { formatPhone } from '../clients/phone.ts';
import { useT } from '../i18n/useT.ts';
import { clientDisplayName } from '../projection/rows.ts';

export function ClientCard({ client }: { readonly client: ClientDoc | null }) {
  const { t } = useT();
  return (
    <section className="panel" aria-labelledby="client-card-title">
      <h2 id="client-card-title">{t.client.card}</h2>
      {client === null ? (
        <p className="muted">{t.client.none}</p>
      ) : (
        <dl className="facts">
          <dt>{t.client.lastName}</dt>
          <dd>
            <strong>{clientDisplayName(client)}</strong>
          </dd>
          <dt>{t.client.kind}</dt>
          <dd>{t.client.kinds[client.kind]}</dd>
          <dt>{t.client.phones}</dt>
          <dd>
            {client.phones.map((phone) => (
              <a key={phone} href={`tel:${phone}`} style={{ display: 'block' }}>
                {formatPhone(phone)}
              </a>
            ))}
          </dd>
          <dt>{t.client.email}</dt>
          <dd>{client.email === '' ? '—' : <a href={`mailto:${client.email}`}>{client.email}</a>}</dd>
          <dt>{t.client.reference}</dt>
          <dd>{client.reference}</dd>
          <dt>{t.client.group}</dt>
          <dd>{client.groupCode ?? '—'}</dd>
        </dl>
      )}
    </section>
  );
}
