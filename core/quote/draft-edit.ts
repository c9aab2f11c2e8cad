import type { Clock } from '../shared/clock.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { Quote } from './quote.ts';
import { computeTotals } from './totals.ts';

/** Quote fields an edit of a draft may change; everything else is identity or lifecycle. */
export type DraftChanges = Partial<Pick<Quote, 'lines' | 'footerDiscount' | 'priceMode' | 'depositRate' | 'validUntil' | 'datesChanged'>>;

/**
 * Refuses edits to anything but a draft: a sent version is what the client saw and must stay
 * as it was (DESIGN §3); `newVersion` makes an editable copy.
 */
export function requireDraft(quote: Quote): Result<Quote, 'QUOTE_FROZEN'> {
  if (quote.status !== 'draft') {
    return err('QUOTE_FROZEN', `Quote ${quote.number} v${quote.version} is ${quote.status}; create a new version to change it.`);
  }
  return ok(quote);
}

/** A new quote object with the changes applied, totals recomputed and `updatedAt` stamped. */
export function applyDraftChanges(quote: Quote, changes: DraftChanges, clock: Clock): Quote {
  const next = { ...quote, ...changes };
  const totals = computeTotals({ priceMode: next.priceMode, lines: next.lines, footerDiscount: next.footerDiscount });
  return { ...next, totals, updatedAt: clock.now() };
}
