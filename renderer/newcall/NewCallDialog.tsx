import { useMemo, useState } from 'react';
import { navigate } from '../app/route-store.ts';
import { notify } from '../app/toast-store.ts';
import { uiStore } from '../app/ui-store.ts';
import { formatPhone } from '../clients/phone.ts';
import { useT } from '../i18n/useT.ts';
import { clientRows, dossierRows } from '../projection/projection-store.ts';
import { toClientLite, type ClientLite } from '../projection/rows.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { CallerLookup } from './CallerLookup.tsx';
import { NewClientForm } from './NewClientForm.tsx';
import { RequestForm } from './RequestForm.tsx';

function openDossierCount(clientId: string): number {
  let count = 0;
  for (const row of dossierRows.values()) {
    if (row.clientId === clientId && row.stage !== 'archived' && row.stage !== 'processed') count += 1;
  }
  return count;
}

/** One shortcut (F2) opens it: identify the caller (or create them), then the request. */
export function NewCallDialog() {
  const { t } = useT();
  const preset = uiStore((s) => s.newCallClientId);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [client, setClient] = useState<ClientLite | null>(() => (preset === null ? null : clientRows.get(preset) ?? null));
  const openCount = useMemo(() => (client === null ? 0 : openDossierCount(client.id)), [client]);
  const close = () => uiStore.getState().close();

  return (
    <Dialog title={t.newCall.title} wide onClose={close}>
      {client === null && !creating && (
        <CallerLookup query={query} onQuery={setQuery} onChoose={setClient} onNewClient={() => setCreating(true)} />
      )}
      {client === null && creating && (
        <NewClientForm
          typed={query}
          onCreated={(doc) => {
            setClient(toClientLite(doc));
            setCreating(false);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {client !== null && (
        <section className="notice info row" aria-label={t.newCall.caller}>
          <strong className="grow">
            {client.name} <span className="muted small">{client.phones.map(formatPhone).join(', ')}</span>
          </strong>
          {openCount > 0 && <span className="badge accent">{t.newCall.openDossiers(openCount)}</span>}
          <button type="button" className="btn small" onClick={() => setClient(null)}>
            {t.newCall.changeClient}
          </button>
        </section>
      )}
      {client !== null && (
        <RequestForm
          key={client.id}
          clientId={client.id}
          onCreated={(dossier) => {
            close();
            notify(t.newCall.created(dossier.number));
            navigate({ name: 'dossier', id: dossier.id });
          }}
        />
      )}
    </Dialog>
  );
}
