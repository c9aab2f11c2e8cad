import { setNegotiationComments, setNegotiationState, type NegotiationState, type Quote } from '../../core/quote/index.ts';
import { ok, type Failure } from '../../core/shared/result.ts';
import { actionContext } from '../actions/action-context.ts';
import { useT } from '../i18n/useT.ts';
import type { QuoteOp } from './useQuoteDraft.ts';
import { CommentField } from './CommentField.tsx';

const STATES: readonly NegotiationState[] = ['none', 'untreated', 'in_progress', 'finalised', 'cancelled'];

interface NegotiationBoxProps {
  readonly quote: Quote;
  apply<E extends string>(op: QuoteOp<E>): Failure<E> | null;
}

/**
 * Seed 000 "Traitement / commentaire": the commercial-request state, the client's comment (typed by
 * the rep) and the internal comment. Editable in every status: clients negotiate sent quotes.
 */
export function NegotiationBox({ quote, apply }: NegotiationBoxProps) {
  const { t } = useT();
  const clock = () => actionContext().clock;
  const comment = (field: 'clientComment' | 'internalComment') => (text: string) => {
    const failure = apply((q) => setNegotiationComments(q, { [field]: text }, { clock: clock() }));
    return failure === null ? null : t.quoteErrors[failure.code];
  };
  return (
    <section className="panel stack" aria-labelledby="negotiation-title">
      <h2 id="negotiation-title">{t.quote.negotiation}</h2>
      <label>
        {t.quote.negotiationState}
        <select value={quote.negotiation.state} onChange={(e) => apply((q) => ok(setNegotiationState(q, e.target.value as NegotiationState, { clock: clock() })))}>
          {STATES.map((state) => (
            <option key={state} value={state}>
              {t.quote.negotiationStates[state]}
            </option>
          ))}
        </select>
      </label>
      <CommentField label={t.quote.clientComment} value={quote.negotiation.clientComment} onCommit={comment('clientComment')} />
      <CommentField label={t.quote.internalComment} value={quote.negotiation.internalComment} onCommit={comment('internalComment')} />
    </section>
  );
}
