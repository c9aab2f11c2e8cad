import { mulDivRound } from '../money/rounding.ts';
import type { BasisPoints, Cents, Milli } from '../money/units.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { QuoteErrorCode } from './errors.ts';
import type { Discount, QuoteLine } from './quote.ts';
import type { QuoteSettings } from './settings.ts';

/**
 * Bounds that keep every quote total an exact safe integer: 1,000 lines × 1 billion € per line is
 * 10^14 cents, far below 2^53. Nobody quotes more; a value above them is a typing slip.
 */
export const MAX_LINE_AMOUNT = 100_000_000_000;
export const MAX_QUANTITY = 1_000_000_000;
export const MAX_LINES = 1000;
export const MAX_LABEL_LENGTH = 200;
export const MAX_COMMENT_LENGTH = 2000;

export type LineErrorCode = Extract<
  QuoteErrorCode,
  'INVALID_AMOUNT' | 'INVALID_QUANTITY' | 'INVALID_LABEL' | 'INVALID_COMMENT' | 'VAT_RATE_NOT_ALLOWED' | 'INVALID_DISCOUNT' | 'DISCOUNT_EXCEEDS_LINE'
>;

type Check = Result<true, LineErrorCode>;
const PASS: Check = ok(true);

function checkAmount(amount: Cents, what: string): Check {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_LINE_AMOUNT) {
    return err('INVALID_AMOUNT', `The ${what} must be between 0 and ${MAX_LINE_AMOUNT / 100} in whole cents.`);
  }
  return PASS;
}

function checkQuantity(quantity: Milli): Check {
  if (!Number.isSafeInteger(quantity) || quantity <= 0 || quantity > MAX_QUANTITY) {
    return err('INVALID_QUANTITY', `The quantity must be more than 0 and at most ${MAX_QUANTITY / 1000}.`);
  }
  return PASS;
}

function checkLabel(label: string): Check {
  const trimmed = label.trim();
  if (trimmed === '' || trimmed.length > MAX_LABEL_LENGTH) {
    return err('INVALID_LABEL', `A label is required, at most ${MAX_LABEL_LENGTH} characters.`);
  }
  return PASS;
}

function checkVatRate(rate: BasisPoints, settings: QuoteSettings): Check {
  if (!settings.allowedVatRates.includes(rate)) return err('VAT_RATE_NOT_ALLOWED', `VAT rate ${rate / 100} % is not allowed.`);
  return PASS;
}

function checkDiscount(discount: Discount | null, unitPrice: Cents, quantity: Milli): Check {
  if (discount === null) return PASS;
  if (discount.kind === 'percent') {
    if (!Number.isInteger(discount.rate) || discount.rate < 0 || discount.rate > 10000) {
      return err('INVALID_DISCOUNT', 'A discount rate must be between 0 % and 100 %.');
    }
    return PASS;
  }
  if (!Number.isSafeInteger(discount.amount) || discount.amount < 0) return err('INVALID_DISCOUNT', 'A discount amount must not be negative.');
  if (discount.amount > mulDivRound(unitPrice, quantity, 1000)) {
    return err('DISCOUNT_EXCEEDS_LINE', 'The discount is larger than the line.');
  }
  return PASS;
}

function checkGoods(unitPrice: Cents, quantity: Milli, discount: Discount | null): Check {
  const amount = checkAmount(unitPrice, 'unit price');
  if (!amount.ok) return amount;
  const qty = checkQuantity(quantity);
  if (!qty.ok) return qty;
  // Float estimate is enough for a bound this far from 2^53; exact math follows in the totals.
  if ((unitPrice * quantity) / 1000 > MAX_LINE_AMOUNT) return err('INVALID_AMOUNT', 'The line total is too large.');
  return checkDiscount(discount, unitPrice, quantity);
}

/**
 * Checks a line as it will be stored. Product lines keep the catalog's VAT rate; misc and fee lines
 * must use a rate from `settings.allowedVatRates`. Returns the line unchanged when valid.
 */
export function validateLine<L extends QuoteLine>(line: L, settings: QuoteSettings): Result<L, LineErrorCode> {
  const first = (...checks: (() => Check)[]): Result<L, LineErrorCode> => {
    for (const check of checks) {
      const result = check();
      if (!result.ok) return result;
    }
    return ok(line);
  };
  switch (line.kind) {
    case 'comment':
      if (line.text.trim() === '' || line.text.length > MAX_COMMENT_LENGTH) {
        return err('INVALID_COMMENT', `A comment must have text, at most ${MAX_COMMENT_LENGTH} characters.`);
      }
      return ok(line);
    case 'fee':
      return first(
        () => checkLabel(line.label),
        () => checkAmount(line.amount, 'amount'),
        () => checkVatRate(line.vatRate, settings),
      );
    case 'misc':
      return first(
        () => checkLabel(line.label),
        () => checkVatRate(line.vatRate, settings),
        () => checkGoods(line.unitPrice, line.quantity, line.discount),
      );
    case 'product':
      return first(
        () => checkLabel(line.label),
        () => checkGoods(line.unitPrice, line.quantity, line.discount),
      );
  }
}
