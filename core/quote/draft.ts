import type { CurrencyCode } from '../money/units.ts';
import { addDays, dateOf } from '../shared/clock.ts';
import type { DossierId, QuoteId } from '../shared/ids.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { QuoteContext } from './context.ts';
import type { QuoteErrorCode } from './errors.ts';
import type { PriceMode, Quote } from './quote.ts';
import { computeTotals } from './totals.ts';

export interface NewDraftInput {
  readonly dossierId: DossierId;
  /** Readable number taken from the device's reserved block (DESIGN §8), e.g. `Q-2026-000123`. */
  readonly number: string;
  readonly priceMode: PriceMode;
  /** Default EUR. */
  readonly currency?: CurrencyCode;
}

/**
 * Creates version 1 of a quote as an empty draft, valid until today + `settings.validityDays`,
 * with the settings' default deposit rate and no negotiation.
 */
export function createDraft(
  input: NewDraftInput,
  ctx: Pick<QuoteContext, 'clock' | 'ids' | 'settings'>,
): Result<Quote, Extract<QuoteErrorCode, 'INVALID_NUMBER'>> {
  const number = input.number.trim();
  if (number === '') return err('INVALID_NUMBER', 'A quote needs a number.');
  const now = ctx.clock.now();
  return ok({
    id: ctx.ids.next() as QuoteId,
    dossierId: input.dossierId,
    number,
    version: 1,
    previousVersionId: null,
    status: 'draft',
    priceMode: input.priceMode,
    currency: input.currency ?? 'EUR',
    lines: [],
    footerDiscount: null,
    depositRate: ctx.settings.defaultDepositRate,
    validUntil: addDays(dateOf(now), ctx.settings.validityDays),
    negotiation: { state: 'none', clientComment: '', internalComment: '' },
    transferredToOrder: null,
    transferredToInvoice: null,
    datesChanged: false,
    totals: computeTotals({ priceMode: input.priceMode, lines: [], footerDiscount: null }),
    createdAt: now,
    updatedAt: now,
    sentAt: null,
    decidedAt: null,
  });
}
