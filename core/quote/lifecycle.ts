import { dateOf } from '../shared/clock.ts';
import type { IsoDate } from '../shared/clock.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { QuoteContext } from './context.ts';
import type { QuoteErrorCode } from './errors.ts';
import { isPricedLine } from './line-total.ts';
import type { Quote, QuoteStatus } from './quote.ts';

/**
 * Status transitions: draft → sent → accepted | declined | expired. A sent version is frozen;
 * `newVersion` makes the next draft. Each transition stamps `updatedAt` and, when it records a
 * decision, `sentAt` / `decidedAt`.
 */

type Ctx = Pick<QuoteContext, 'clock'>;

/** True when the validity date is before `today`: the last valid day is `validUntil` itself. */
export function isPastValidity(quote: Quote, today: IsoDate): boolean {
  // ISO dates compare correctly as strings.
  return quote.validUntil < today;
}

function requireStatus(quote: Quote, expected: QuoteStatus, action: string): Result<Quote, 'INVALID_STATUS'> {
  if (quote.status !== expected) return err('INVALID_STATUS', `Cannot ${action} a ${quote.status} quote; it must be ${expected}.`);
  return ok(quote);
}

/**
 * Sends a draft: refuses a quote with no priced line (comments alone are not an offer) and one
 * whose validity date has already passed (the agent must set a new date first).
 */
export function send(quote: Quote, ctx: Ctx): Result<Quote, Extract<QuoteErrorCode, 'INVALID_STATUS' | 'QUOTE_EMPTY' | 'QUOTE_EXPIRED'>> {
  const draft = requireStatus(quote, 'draft', 'send');
  if (!draft.ok) return draft;
  if (!quote.lines.some(isPricedLine)) return err('QUOTE_EMPTY', 'Add at least one priced line before sending the quote.');
  const now = ctx.clock.now();
  if (isPastValidity(quote, dateOf(now))) return err('QUOTE_EXPIRED', `The validity date ${quote.validUntil} has passed; set a new one.`);
  return ok({ ...quote, status: 'sent', sentAt: now, updatedAt: now });
}

/** Records the client's acceptance of a sent quote, refused once the validity date has passed. */
export function accept(quote: Quote, ctx: Ctx): Result<Quote, Extract<QuoteErrorCode, 'INVALID_STATUS' | 'QUOTE_EXPIRED'>> {
  const sent = requireStatus(quote, 'sent', 'accept');
  if (!sent.ok) return sent;
  const now = ctx.clock.now();
  if (isPastValidity(quote, dateOf(now))) {
    return err('QUOTE_EXPIRED', `This quote was valid until ${quote.validUntil}; send a new version to the client.`);
  }
  return ok({ ...quote, status: 'accepted', decidedAt: now, updatedAt: now });
}

/** Records that the client declined a sent quote (allowed even after the validity date). */
export function decline(quote: Quote, ctx: Ctx): Result<Quote, Extract<QuoteErrorCode, 'INVALID_STATUS'>> {
  const sent = requireStatus(quote, 'sent', 'decline');
  if (!sent.ok) return sent;
  const now = ctx.clock.now();
  return ok({ ...quote, status: 'declined', decidedAt: now, updatedAt: now });
}

/**
 * Marks a sent quote expired once today is after its validity date (a daily job or the list view
 * calls this). Drafts are not expired: nobody has been offered them, and sending re-checks the date.
 */
export function expire(quote: Quote, ctx: Ctx): Result<Quote, Extract<QuoteErrorCode, 'INVALID_STATUS' | 'NOT_EXPIRED'>> {
  const sent = requireStatus(quote, 'sent', 'expire');
  if (!sent.ok) return sent;
  const now = ctx.clock.now();
  if (!isPastValidity(quote, dateOf(now))) return err('NOT_EXPIRED', `The quote is valid until ${quote.validUntil}.`);
  return ok({ ...quote, status: 'expired', decidedAt: now, updatedAt: now });
}
