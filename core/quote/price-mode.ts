import { cents } from '../money/units.ts';
import type { BasisPoints, Cents } from '../money/units.ts';
import { toGross, toNet } from '../money/vat.ts';
import type { Discount, PriceMode, QuoteLine, QuoteTotals } from './quote.ts';

/**
 * Converts a price from one price mode to another at the given VAT rate (see `toGross`/`toNet`
 * for the rounding rule: HT → TTC → HT is exact, TTC → HT → TTC may drift by one cent).
 * Used for a product's catalog price (always HT) on a TTC quote, and when a draft switches mode.
 */
export function convertPrice(price: Cents, rate: BasisPoints, from: PriceMode, to: PriceMode): Cents {
  if (from === to) return price;
  return to === 'TTC' ? toGross(price, rate) : toNet(price, rate);
}

function convertDiscount(discount: Discount | null, rate: BasisPoints, from: PriceMode, to: PriceMode): Discount | null {
  if (discount === null || discount.kind === 'percent') return discount;
  return { kind: 'amount', amount: convertPrice(discount.amount, rate, from, to) };
}

/** A line with every amount (unit price, list price, amount discount, fee) expressed in the other mode. */
export function convertLine(line: QuoteLine, from: PriceMode, to: PriceMode): QuoteLine {
  switch (line.kind) {
    case 'comment':
      return line;
    case 'fee':
      return { ...line, amount: convertPrice(line.amount, line.vatRate, from, to) };
    case 'misc':
      return {
        ...line,
        unitPrice: convertPrice(line.unitPrice, line.vatRate, from, to),
        discount: convertDiscount(line.discount, line.vatRate, from, to),
      };
    case 'product':
      return {
        ...line,
        unitPrice: convertPrice(line.unitPrice, line.vatRate, from, to),
        discount: convertDiscount(line.discount, line.vatRate, from, to),
        pricing: line.pricing === null ? null : { ...line.pricing, listPrice: convertPrice(line.pricing.listPrice, line.vatRate, from, to) },
      };
  }
}

/**
 * A footer discount expressed in the other mode. A percent stays as is; an amount is converted
 * share by share, each at its own VAT rate, using the per-rate shares of `totals` (computed in
 * `from` mode), because a single amount spread over several rates has no single conversion rate.
 */
export function convertFooterDiscount(discount: Discount | null, totals: QuoteTotals, from: PriceMode, to: PriceMode): Discount | null {
  if (discount === null || discount.kind === 'percent' || from === to) return discount;
  let amount = 0;
  for (const rate of totals.byRate) amount += convertPrice(rate.footerDiscountShare, rate.vatRate, from, to);
  return { kind: 'amount', amount: cents(amount) };
}
