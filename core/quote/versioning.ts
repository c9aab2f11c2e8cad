import { addDays, dateOf } from '../shared/clock.ts';
import type { QuoteId } from '../shared/ids.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { QuoteContext } from './context.ts';
import type { QuoteErrorCode } from './errors.ts';
import type { Quote } from './quote.ts';
import { computeTotals } from './totals.ts';

/**
 * "Editing" a sent, declined or expired quote: returns the next version as a draft copy with the
 * same number, version + 1, a link to the previous version, the same line ids (so sync merges and
 * the UI can follow a line across versions), a fresh validity period and freshly computed totals.
 * Negotiation state, comments and the dates-changed flag carry over: they describe the dossier's
 * conversation, not one document. The previous version is left untouched.
 *
 * A draft is edited in place, and an accepted quote is a commitment (and may be transferred to an
 * order), so both are refused with INVALID_STATUS.
 */
export function newVersion(quote: Quote, ctx: Pick<QuoteContext, 'clock' | 'ids' | 'settings'>): Result<Quote, Extract<QuoteErrorCode, 'INVALID_STATUS'>> {
  if (quote.status === 'draft') return err('INVALID_STATUS', 'A draft is edited directly; no new version is needed.');
  if (quote.status === 'accepted') return err('INVALID_STATUS', 'An accepted quote is a commitment; it cannot be revised.');
  const now = ctx.clock.now();
  return ok({
    ...quote,
    id: ctx.ids.next() as QuoteId,
    version: quote.version + 1,
    previousVersionId: quote.id,
    status: 'draft',
    validUntil: addDays(dateOf(now), ctx.settings.validityDays),
    transferredToOrder: null,
    transferredToInvoice: null,
    totals: computeTotals(quote),
    createdAt: now,
    updatedAt: now,
    sentAt: null,
    decidedAt: null,
  });
}
