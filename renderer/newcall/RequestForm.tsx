import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ClientId } from '../../core/shared/ids.ts';
import { actionContext } from '../actions/action-context.ts';
import { createRequest } from '../actions/create-request.ts';
import { useT } from '../i18n/useT.ts';
import type { DossierDoc } from '../../core/schemas/index.ts';

interface RequestFormProps {
  readonly clientId: string | null;
  onCreated(dossier: DossierDoc): void;
}

/** Subject, stay dates, party size and the call note: a request in seconds (Ctrl+Enter creates it). */
export function RequestForm({ clientId, onCreated }: RequestFormProps) {
  const { t } = useT();
  const [subject, setSubject] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [partySize, setPartySize] = useState('');
  const [callNote, setCallNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    if (subject.trim() === '') {
      setError(t.newCall.subjectRequired);
      return;
    }
    if (startDate !== '' && endDate !== '' && endDate < startDate) {
      setError(t.dateErrors.END_BEFORE_START);
      return;
    }
    setBusy(true);
    const party = Number.parseInt(partySize, 10);
    const dossier = await createRequest(
      {
        clientId: clientId as ClientId | null,
        source: 'phone',
        subject,
        startDate: startDate === '' ? null : startDate,
        endDate: endDate === '' ? null : endDate,
        partySize: Number.isInteger(party) && party >= 0 ? party : null,
        callNote,
      },
      actionContext(),
    );
    onCreated(dossier);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <form className="stack" aria-label={t.newCall.request} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
      <fieldset className="form-grid">
        <legend>{t.newCall.request}</legend>
        <label className="full">
          {t.newCall.subject}
          <input value={subject} autoFocus onChange={(e) => setSubject(e.target.value)} aria-invalid={error === t.newCall.subjectRequired} maxLength={500} />
        </label>
        <label>
          {t.newCall.startDate}
          <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
        </label>
        <label>
          {t.newCall.endDate}
          <input type="date" value={endDate} min={startDate || undefined} onChange={(e) => setEndDate(e.target.value)} />
        </label>
        <label>
          {t.newCall.partySize}
          <input type="number" min={0} max={100000} inputMode="numeric" value={partySize} onChange={(e) => setPartySize(e.target.value)} />
        </label>
        <label className="full">
          {t.newCall.callNote}
          <textarea rows={3} value={callNote} onChange={(e) => setCallNote(e.target.value)} />
        </label>
      </fieldset>
      {error !== null && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="row end">
        <span className="small muted">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
        </span>
        <button type="submit" className="btn primary" disabled={busy}>
          {t.newCall.create}
        </button>
      </div>
    </form>
  );
}
