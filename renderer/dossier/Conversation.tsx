import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MESSAGE_DIRECTIONS, type Message, type MessageDirection } from '../../core/model/message.ts';
import type { DossierId } from '../../core/shared/ids.ts';
import { actionContext } from '../actions/action-context.ts';
import { addMessage } from '../actions/dossier-edits.ts';
import { useDatabase } from '../db/database-store.ts';
import { useLiveDocs } from '../db/useLiveQuery.ts';
import { useT } from '../i18n/useT.ts';

type Filter = 'all' | MessageDirection;

/** Seed 001 "comme une conversation en ligne": what the client wrote, what we sent, agents' notes. */
export function Conversation({ dossierId }: { readonly dossierId: string }) {
  const { t, fmt } = useT();
  const db = useDatabase();
  const messages = useLiveDocs(() => db.messages.find({ selector: { dossierId: dossierId as DossierId }, sort: [{ createdAt: 'asc' }] }), [db, dossierId]);
  const [filter, setFilter] = useState<Filter>('all');
  const [direction, setDirection] = useState<MessageDirection>('internal_note');
  const [body, setBody] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const shown = (messages ?? []).filter((m: Message) => filter === 'all' || m.direction === filter);

  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [shown.length]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (body.trim() === '') return;
    await addMessage(dossierId, direction, body, actionContext());
    setBody('');
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <section className="panel stack" aria-labelledby="thread-title">
      <div className="panel-header">
        <h2 id="thread-title">{t.thread.title}</h2>
        <label className="inline">
          {t.thread.filter}
          <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
            <option value="all">{t.common.all}</option>
            {MESSAGE_DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {t.thread.directions[d]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol className="thread" ref={list} aria-label={t.thread.title}>
        {shown.length === 0 && <li className="muted">{t.thread.empty}</li>}
        {shown.map((message) => (
          <li key={message.id} className={`msg ${message.direction}`}>
            <header>
              <span>
                {t.thread.directions[message.direction]} · {message.authorName}
              </span>
              <time dateTime={message.createdAt}>{fmt.dateTime(message.createdAt)}</time>
            </header>
            {message.subject !== '' && <strong>{message.subject}</strong>}
            <p>{message.body}</p>
          </li>
        ))}
      </ol>
      <form className="stack" aria-label={t.thread.composer} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
        <div className="row">
          <label className="inline">
            {t.thread.kind}
            <select value={direction} onChange={(e) => setDirection(e.target.value as MessageDirection)}>
              {MESSAGE_DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {t.thread.directions[d]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>
          {t.thread.body}
          <textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
        <div className="row end">
          <span className="small muted">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
          </span>
          <button type="submit" className="btn primary" disabled={body.trim() === ''}>
            {t.thread.send}
          </button>
        </div>
      </form>
    </section>
  );
}
