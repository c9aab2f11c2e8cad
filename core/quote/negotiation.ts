import type { Clock } from '../shared/clock.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { QuoteErrorCode } from './errors.ts';
import type { Negotiation, NegotiationState, Quote } from './quote.ts';
import { MAX_COMMENT_LENGTH } from './validate-line.ts';

/**
 * Seed 000 "Demande commerciale": the client asks to negotiate; the rep records the request
 * (client comment, typed by the rep), follows it up (state) and explains the outcome (internal
 * comment). Allowed in every status: a client negotiates precisely about a sent quote, and the
 * negotiation record is not part of the frozen document.
 */

type Ctx = { readonly clock: Clock };

function withNegotiation(quote: Quote, negotiation: Negotiation, ctx: Ctx): Quote {
  return { ...quote, negotiation, updatedAt: ctx.clock.now() };
}

/** Records a commercial request: state becomes "untreated", with the client's words as typed by the rep. */
export function requestNegotiation(
  quote: Quote,
  clientComment: string,
  ctx: Ctx,
): Result<Quote, Extract<QuoteErrorCode, 'COMMENT_TOO_LONG'>> {
  if (clientComment.length > MAX_COMMENT_LENGTH) return err('COMMENT_TOO_LONG', `At most ${MAX_COMMENT_LENGTH} characters.`);
  return ok(withNegotiation(quote, { ...quote.negotiation, state: 'untreated', clientComment }, ctx));
}

/** Moves the negotiation to any state ("Traitement commercial"); the rep may reopen a closed one. */
export function setNegotiationState(quote: Quote, state: NegotiationState, ctx: Ctx): Quote {
  if (state === quote.negotiation.state) return quote;
  return withNegotiation(quote, { ...quote.negotiation, state }, ctx);
}

/** Updates the client and/or internal comment ("Commentaire client", "Commentaire interne"). */
export function setNegotiationComments(
  quote: Quote,
  comments: { readonly clientComment?: string; readonly internalComment?: string },
  ctx: Ctx,
): Result<Quote, Extract<QuoteErrorCode, 'COMMENT_TOO_LONG'>> {
  const clientComment = comments.clientComment ?? quote.negotiation.clientComment;
  const internalComment = comments.internalComment ?? quote.negotiation.internalComment;
  if (clientComment.length > MAX_COMMENT_LENGTH || internalComment.length > MAX_COMMENT_LENGTH) {
    return err('COMMENT_TOO_LONG', `At most ${MAX_COMMENT_LENGTH} characters per comment.`);
  }
  return ok(withNegotiation(quote, { ...quote.negotiation, clientComment, internalComment }, ctx));
}
