import { useMemo, useState, type KeyboardEvent } from 'react';
import { searchClients } from '../clients/search-clients.ts';
import { formatPhone } from '../clients/phone.ts';
import { useT } from '../i18n/useT.ts';
import { projectionStore } from '../projection/projection-store.ts';
import type { ClientLite } from '../projection/rows.ts';

interface CallerLookupProps {
  readonly query: string;
  onQuery(query: string): void;
  onChoose(client: ClientLite): void;
  onNewClient(): void;
}

/** Types a phone number or a name; matching clients follow every keystroke (DESIGN §12). */
export function CallerLookup({ query, onQuery, onChoose, onNewClient }: CallerLookupProps) {
  const { t } = useT();
  const version = projectionStore((s) => s.version);
  const [active, setActive] = useState(0);
  // `version` re-runs the search when clients arrive from the database.
  const results = useMemo(() => (version >= 0 ? searchClients(query) : []), [query, version]);
  const current = Math.min(active, Math.max(results.length - 1, 0));

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((current + 1) % Math.max(results.length, 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current - 1 + results.length) % Math.max(results.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = results[current];
      if (chosen) onChoose(chosen);
      else if (query.trim() !== '') onNewClient();
    }
  }

  return (
    <div className="stack">
      <label>
        {t.newCall.callerSearch}
        <input
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls="caller-results"
          aria-activedescendant={results[current] ? `caller-${results[current].id}` : undefined}
          autoFocus
          autoComplete="off"
          placeholder={t.newCall.callerPlaceholder}
          value={query}
          onChange={(e) => {
            onQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      {query.trim().length >= 2 && (
        <ul id="caller-results" role="listbox" aria-label={t.newCall.results} className="results">
          {results.length === 0 && <li className="muted">{t.newCall.noMatch}</li>}
          {results.map((client, index) => (
            <li
              key={client.id}
              id={`caller-${client.id}`}
              role="option"
              aria-selected={index === current}
              aria-label={t.newCall.chooseClient(client.name)}
              onMouseEnter={() => setActive(index)}
              onClick={() => onChoose(client)}
            >
              <strong className="grow">{client.name}</strong>
              <span className="muted small">{client.phones.map(formatPhone).join(', ')}</span>
              <span className="muted small">{client.email}</span>
            </li>
          ))}
        </ul>
      )}
      <div>
        <button type="button" className="btn" onClick={onNewClient}>
          + {t.newCall.newClient}
        </button>
      </div>
    </div>
  );
}
