import type { BasisPoints } from '../money/units.ts';
import { dateOf, isIsoDate } from '../shared/clock.ts';
import type { IsoDate } from '../shared/clock.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { QuoteContext } from './context.ts';
import { applyDraftChanges, requireDraft } from './draft-edit.ts';
import type { QuoteErrorCode } from './errors.ts';
import { goodsTotal } from './line-total.ts';
import { convertFooterDiscount, convertLine } from './price-mode.ts';
import type { Discount, PriceMode, Quote } from './quote.ts';

type Ctx = Pick<QuoteContext, 'clock'>;
type Frozen = Extract<QuoteErrorCode, 'QUOTE_FROZEN'>;

/**
 * Sets or clears (`null`) the footer discount, in the quote's price mode. An amount larger than the
 * current goods total is refused: the totals would silently cap it and the client would see less
 * discount than the agent typed.
 */
export function setFooterDiscount(
  quote: Quote,
  discount: Discount | null,
  ctx: Ctx,
): Result<Quote, Frozen | Extract<QuoteErrorCode, 'INVALID_DISCOUNT' | 'DISCOUNT_EXCEEDS_TOTAL'>> {
  const draft = requireDraft(quote);
  if (!draft.ok) return draft;
  if (discount?.kind === 'percent' && (!Number.isInteger(discount.rate) || discount.rate < 0 || discount.rate > 10000)) {
    return err('INVALID_DISCOUNT', 'A discount rate must be between 0 % and 100 %.');
  }
  if (discount?.kind === 'amount') {
    if (!Number.isSafeInteger(discount.amount) || discount.amount < 0) return err('INVALID_DISCOUNT', 'A discount amount must not be negative.');
    if (discount.amount > goodsTotal(quote.lines)) return err('DISCOUNT_EXCEEDS_TOTAL', 'The discount is larger than the discountable lines.');
  }
  return ok(applyDraftChanges(quote, { footerDiscount: discount }, ctx.clock));
}

/**
 * Switches a draft between HT and TTC. Every unit price, fee, amount discount and the footer
 * amount are converted at their VAT rate, so the agent keeps the same commercial offer. HT → TTC →
 * HT gives back the same prices; TTC → HT → TTC may move a price by one cent (see `toGross`).
 */
export function setPriceMode(quote: Quote, priceMode: PriceMode, ctx: Ctx): Result<Quote, Frozen> {
  const draft = requireDraft(quote);
  if (!draft.ok) return draft;
  if (priceMode === quote.priceMode) return ok(quote);
  const lines = quote.lines.map((line) => convertLine(line, quote.priceMode, priceMode));
  const footerDiscount = convertFooterDiscount(quote.footerDiscount, quote.totals, quote.priceMode, priceMode);
  return ok(applyDraftChanges(quote, { lines, footerDiscount, priceMode }, ctx.clock));
}

/** Sets the deposit asked for, as a share of the total incl. VAT (0–100 %). */
export function setDepositRate(quote: Quote, rate: BasisPoints, ctx: Ctx): Result<Quote, Frozen | Extract<QuoteErrorCode, 'INVALID_RATE'>> {
  const draft = requireDraft(quote);
  if (!draft.ok) return draft;
  if (!Number.isInteger(rate) || rate < 0 || rate > 10000) return err('INVALID_RATE', 'The deposit must be between 0 % and 100 %.');
  return ok(applyDraftChanges(quote, { depositRate: rate }, ctx.clock));
}

/** Sets the last day the quote may be accepted; today or later. */
export function setValidity(quote: Quote, validUntil: IsoDate, ctx: Ctx): Result<Quote, Frozen | Extract<QuoteErrorCode, 'INVALID_DATE'>> {
  const draft = requireDraft(quote);
  if (!draft.ok) return draft;
  if (!isIsoDate(validUntil)) return err('INVALID_DATE', `"${validUntil}" is not a date.`);
  // ISO dates compare correctly as strings.
  if (validUntil < dateOf(ctx.clock.now())) return err('INVALID_DATE', 'The validity date is in the past.');
  return ok(applyDraftChanges(quote, { validUntil }, ctx.clock));
}
