import { useState } from 'react';
import type { ClientDoc } from '../../core/schemas/index.ts';
import { searchClients } from '../clients/search-clients.ts';
import { useDatabase } from '../db/database-store.ts';
import { useT } from '../i18n/useT.ts';

/** The client fields the offers admin needs: scope matching and the CSV's "Libellé périmètre". */
export interface PickedClient {
  readonly reference: string;
  readonly name: string;
  readonly groupCode: string | null;
  readonly places: readonly string[];
}

export function pickedClient(doc: ClientDoc): PickedClient {
  const name = doc.companyName.trim() !== '' ? doc.companyName : `${doc.lastName} ${doc.firstName}`.trim();
  return { reference: doc.reference, name, groupCode: doc.groupCode, places: doc.places };
}

interface Props {
  readonly label: string;
  readonly value: PickedClient | null;
  readonly onChange: (client: PickedClient | null) => void;
}

/** Type a name or phone number, pick a client from the in-memory directory. */
export function ClientPicker({ label, value, onChange }: Props) {
  const { t } = useT();
  const db = useDatabase();
  const [query, setQuery] = useState('');
  if (value !== null) {
    return (
      <div className="stack" style={{ gap: 3 }}>
        <span className="small muted">{label}</span>
        <span className="row">
          <strong>{value.name}</strong> <span className="muted small">{value.reference}</span>
          <button type="button" className="btn small ghost" aria-label={`${t.common.delete} ${value.name}`} onClick={() => onChange(null)}>
            ✕
          </button>
        </span>
      </div>
    );
  }
  const found = searchClients(query, 6);
  const pick = async (id: string) => {
    const doc = await db.clients.findOne(id).exec();
    if (doc !== null) {
      onChange(pickedClient(doc.toMutableJSON()));
      setQuery('');
    }
  };
  return (
    <div className="stack" style={{ gap: 3 }}>
      <label>
        {label}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </label>
      {found.length > 0 && (
        <ul className="picker-results" aria-label={label}>
          {found.map((client) => (
            <li key={client.id}>
              <button type="button" className="btn small ghost" onClick={() => void pick(client.id)}>
                {client.name} <span className="muted small">{client.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
