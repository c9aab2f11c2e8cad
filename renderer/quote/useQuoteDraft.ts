import { useEffect, useRef, useState } from 'react';
import type { Quote } from '../../core/quote/index.ts';
import type { QuoteId } from '../../core/shared/ids.ts';
import type { Failure, Result } from '../../core/shared/result.ts';
import { actionContext } from '../actions/action-context.ts';
import { saveQuote } from '../actions/quote-drafts.ts';
import { useDatabase } from '../db/database-store.ts';
import { useLiveDoc } from '../db/useLiveQuery.ts';

/** A core quote operation: the changed quote or why not. */
export type QuoteOp<E extends string> = (quote: Quote) => Result<Quote, E>;

export interface QuoteDraft {
  /** undefined while loading, null when the quote is not on this device. */
  readonly quote: Quote | null | undefined;
  /** Applies an operation at once on screen and saves it; returns the refusal, if any. */
  apply<E extends string>(op: QuoteOp<E>): Failure<E> | null;
}

/**
 * The quote being edited. Edits apply to the latest local state immediately (so fast typing never
 * edits a stale copy) and are saved in order; the database's copy takes over again once every save
 * is through, which is also how another device's change shows up.
 */
export function useQuoteDraft(quoteId: string): QuoteDraft {
  const db = useDatabase();
  const live = useLiveDoc(() => db.quotes.findOne(quoteId as QuoteId), [db, quoteId]);
  const [local, setLocal] = useState<Quote | null>(null);
  const latest = useRef<Quote | null>(null);
  const pending = useRef(0);
  const chain = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    if (live === undefined || pending.current > 0) return;
    latest.current = live;
    setLocal(live);
  }, [live]);

  function apply<E extends string>(op: QuoteOp<E>): Failure<E> | null {
    const current = latest.current;
    if (current === null) return null;
    const result = op(current);
    if (!result.ok) return result.error;
    const next = result.value;
    latest.current = next;
    setLocal(next);
    pending.current += 1;
    chain.current = chain.current
      .then(() => saveQuote(current, next, actionContext()))
      .finally(() => {
        pending.current -= 1;
      });
    return null;
  }

  return { quote: live === undefined ? undefined : live === null ? null : (local ?? live), apply };
}
