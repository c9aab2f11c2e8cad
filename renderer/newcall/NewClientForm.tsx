import { useState, type FormEvent } from 'react';
import { actionContext } from '../actions/action-context.ts';
import { createClient } from '../actions/create-client.ts';
import { toE164 } from '../clients/phone.ts';
import { useT } from '../i18n/useT.ts';
import type { ClientDoc } from '../../core/schemas/index.ts';

interface NewClientFormProps {
  /** What the agent typed in the lookup: a phone number or a name, used to prefill. */
  readonly typed: string;
  onCreated(client: ClientDoc): void;
  onCancel(): void;
}

function looksLikePhone(text: string): boolean {
  return /^[\d\s+().-]{3,}$/.test(text.trim());
}

/** An unknown caller becomes a client in a few keystrokes. */
export function NewClientForm({ typed, onCreated, onCancel }: NewClientFormProps) {
  const { t, locale } = useT();
  const [lastName, setLastName] = useState(looksLikePhone(typed) ? '' : typed.trim());
  const [firstName, setFirstName] = useState('');
  const [companyName, setCompanyName] = useState('');
  const [phone, setPhone] = useState(looksLikePhone(typed) ? typed.trim() : '');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (lastName.trim() === '' && companyName.trim() === '' && firstName.trim() === '') {
      setError(t.client.nameRequired);
      return;
    }
    const e164 = phone.trim() === '' ? null : toE164(phone);
    if (phone.trim() !== '' && e164 === null) {
      setError(t.client.invalidPhone);
      return;
    }
    const client = await createClient(
      { firstName, lastName, companyName, email, phones: e164 === null ? [] : [e164], language: locale },
      actionContext(),
    );
    onCreated(client);
  }

  return (
    <form className="stack" aria-label={t.newCall.newClient} onSubmit={(e) => void submit(e)}>
      <fieldset className="form-grid">
        <legend>{t.newCall.newClient}</legend>
        <label>
          {t.client.lastName}
          <input value={lastName} autoFocus={lastName === ''} onChange={(e) => setLastName(e.target.value)} />
        </label>
        <label>
          {t.client.firstName}
          <input value={firstName} onChange={(e) => setFirstName(e.target.value)} />
        </label>
        <label>
          {t.client.companyName}
          <input value={companyName} onChange={(e) => setCompanyName(e.target.value)} />
        </label>
        <label>
          {t.client.phone}
          <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} aria-invalid={error === t.client.invalidPhone} />
        </label>
        <label className="span2">
          {t.client.email}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
      </fieldset>
      {error !== null && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="row end">
        <button type="button" className="btn" onClick={onCancel}>
          {t.common.cancel}
        </button>
        <button type="submit" className="btn primary">
          {t.client.create}
        </button>
      </div>
    </form>
  );
}
