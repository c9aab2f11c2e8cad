import { mulDivRound, mulMulDivRound } from '../money/rounding.ts';
import { cents } from '../money/units.ts';
import type { Cents } from '../money/units.ts';
import { toGross, toNet } from '../money/vat.ts';
import type { MiscLine, PriceMode, ProductLine, QuoteLine } from './quote.ts';

/** Lines that sell something: the footer discount spreads over them, never over fees. */
export type GoodsLine = ProductLine | MiscLine;

/** True for product and misc lines ("goods"), the lines a footer discount may reduce. */
export function isGoodsLine(line: QuoteLine): line is GoodsLine {
  return line.kind === 'product' || line.kind === 'misc';
}

/** True for lines that carry an amount (everything but comments). */
export function isPricedLine(line: QuoteLine): line is Exclude<QuoteLine, { kind: 'comment' }> {
  return line.kind !== 'comment';
}

/**
 * A goods line's total in the quote's price mode: unit price × quantity − line discount, rounded
 * once, half away from zero, to the cent (DESIGN §4).
 *
 * Defensive clamps, for data that did not come through the edit operations (sync, server re-check):
 * a percent is held within 0–100 %, and an amount discount never takes the line below zero. The
 * edit operations refuse such input instead (`INVALID_DISCOUNT`, `DISCOUNT_EXCEEDS_LINE`).
 */
export function goodsLineTotal(line: GoodsLine): Cents {
  const discount = line.discount;
  if (discount !== null && discount.kind === 'percent') {
    const kept = 10000 - Math.min(Math.max(discount.rate, 0), 10000);
    // One rounding of price × quantity × (1 − rate); quantity is in 1/1000, rate in 1/10000.
    return cents(mulMulDivRound(line.unitPrice, line.quantity, kept, 10_000_000));
  }
  const base = mulDivRound(line.unitPrice, line.quantity, 1000);
  if (discount === null) return cents(base);
  return cents(base - Math.min(Math.max(discount.amount, 0), Math.max(base, 0)));
}

/** Sum of the goods line totals (what a footer discount may reduce), in the quote's price mode. */
export function goodsTotal(lines: readonly QuoteLine[]): Cents {
  let total = 0;
  for (const line of lines) if (isGoodsLine(line)) total += goodsLineTotal(line);
  return cents(total);
}

/** What a quote line shows in its columns. */
export interface LineAmounts {
  /** Unit price × quantity before the line discount (a fee's amount), in the quote's price mode. */
  readonly beforeDiscount: Cents;
  /** `beforeDiscount − total`, so the columns always add up on screen and on the PDF. */
  readonly discount: Cents;
  /** The line total in the quote's price mode: what the quote totals add up. */
  readonly total: Cents;
  /**
   * The total excl. and incl. VAT, converted line by line. Indicative only: the quote's VAT is
   * computed per rate on sums (DESIGN §4), so these may differ from the totals by a cent or two.
   */
  readonly net: Cents;
  readonly gross: Cents;
}

/** The amounts to display for one line, or `null` for a comment line, which carries no amount. */
export function lineTotal(line: QuoteLine, priceMode: PriceMode): LineAmounts | null {
  if (line.kind === 'comment') return null;
  const total = line.kind === 'fee' ? line.amount : goodsLineTotal(line);
  const beforeDiscount = line.kind === 'fee' ? line.amount : cents(mulDivRound(line.unitPrice, line.quantity, 1000));
  const net = priceMode === 'HT' ? total : toNet(total, line.vatRate);
  const gross = priceMode === 'TTC' ? total : toGross(total, line.vatRate);
  return { beforeDiscount, discount: cents(beforeDiscount - total), total, net, gross };
}
