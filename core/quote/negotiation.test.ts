import { describe, expect, it } from 'vitest';
import type { Result } from '../shared/result.ts';
import { unwrap } from '../shared/result.ts';
import { aDraft, testContext } from './fixtures.ts';
import { requestNegotiation, setNegotiationComments, setNegotiationState } from './negotiation.ts';
import type { Quote } from './quote.ts';

const codeOf = (result: Result<Quote>): string => (result.ok ? 'ok' : result.error.code);
const sentQuote = (): Quote => ({ ...aDraft(testContext()), status: 'sent' });
const later = testContext({ now: '2026-03-05T16:30:00.000Z' });

describe('negotiation (seed 000 "Demande commerciale")', () => {
  it('records a client request on a sent quote as untreated', () => {
    const quote = unwrap(requestNegotiation(sentQuote(), 'Souhaite un geste sur le transport', later));
    expect(quote.negotiation).toEqual({ state: 'untreated', clientComment: 'Souhaite un geste sur le transport', internalComment: '' });
    expect(quote.status).toBe('sent');
    expect(quote.updatedAt).toBe('2026-03-05T16:30:00.000Z');
  });

  it('follows the request through its states, on any status', () => {
    let quote = unwrap(requestNegotiation(sentQuote(), 'Remise ?', later));
    quote = setNegotiationState(quote, 'in_progress', later);
    quote = unwrap(setNegotiationComments(quote, { internalComment: 'Accordé 5 % en pied de devis' }, later));
    quote = setNegotiationState({ ...quote, status: 'accepted' }, 'finalised', later);
    expect(quote.negotiation).toEqual({ state: 'finalised', clientComment: 'Remise ?', internalComment: 'Accordé 5 % en pied de devis' });
  });

  it('leaves the quote untouched when the state does not change', () => {
    const quote = sentQuote();
    expect(setNegotiationState(quote, 'none', later)).toBe(quote);
  });

  it('caps comment length', () => {
    expect(codeOf(setNegotiationComments(sentQuote(), { clientComment: 'x'.repeat(2001) }, later))).toBe('COMMENT_TOO_LONG');
    expect(codeOf(requestNegotiation(sentQuote(), 'x'.repeat(2001), later))).toBe('COMMENT_TOO_LONG');
  });
});
