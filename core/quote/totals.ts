import { allocate } from '../money/allocate.ts';
import { mulDivRound } from '../money/rounding.ts';
import { cents } from '../money/units.ts';
import type { BasisPoints } from '../money/units.ts';
import { toNet, vatOfNet } from '../money/vat.ts';
import { goodsLineTotal } from './line-total.ts';
import type { Discount, PriceMode, QuoteLine, QuoteTotals, RateTotals } from './quote.ts';

/** What the totals depend on; nothing else on a quote changes a number. */
export interface TotalsInput {
  readonly priceMode: PriceMode;
  readonly lines: readonly QuoteLine[];
  readonly footerDiscount: Discount | null;
}

interface RateSums {
  goods: number;
  fees: number;
}

/**
 * The footer discount actually applied, in the price mode: a percent of the goods total or an
 * amount, never negative and never more than the goods (a quote is never discounted below zero).
 */
function appliedFooterDiscount(discount: Discount | null, goodsTotal: number): number {
  const cap = Math.max(goodsTotal, 0);
  if (discount === null) return 0;
  const requested =
    discount.kind === 'percent' ? mulDivRound(cap, Math.min(Math.max(discount.rate, 0), 10000), 10000) : Math.max(discount.amount, 0);
  return Math.min(requested, cap);
}

/**
 * Computes a quote's totals exactly per DESIGN §4; the renderer, the server and the PDF all call
 * this one function so they print the same cents.
 *
 * 1. Each product/misc ("goods") line total is rounded to the cent (see `goodsLineTotal`); fee lines
 *    count their amount; comment lines count nothing.
 * 2. Line totals are summed per VAT rate, goods and fees apart.
 * 3. The footer discount is computed on the goods total, capped at it, and spread over the rates pro
 *    rata to each rate's goods total with the largest-remainder method: the shares add up to the
 *    discount exactly and no share exceeds its rate's goods. Fees are never footer-discounted.
 * 4. Per rate, in the price mode: sum = goods − share + fees. HT: net = sum, vat = round(net × rate).
 *    TTC: gross = sum, net = round(gross / (1 + rate)), vat = gross − net.
 * 5. Quote totals are the sums of the per-rate figures, so they always agree with the VAT table.
 *
 * Hence `linesTotal − footerDiscount` equals `totalNet` in HT mode and `totalGross` in TTC mode.
 * Rates whose lines all total zero still get a row, so the VAT table lists every rate used.
 */
export function computeTotals(input: TotalsInput): QuoteTotals {
  const sums = new Map<number, RateSums>();
  let goodsTotal = 0;
  let feesTotal = 0;
  for (const line of input.lines) {
    if (line.kind === 'comment') continue;
    let sum = sums.get(line.vatRate);
    if (sum === undefined) {
      sum = { goods: 0, fees: 0 };
      sums.set(line.vatRate, sum);
    }
    if (line.kind === 'fee') {
      sum.fees += line.amount;
      feesTotal += line.amount;
    } else {
      const total = goodsLineTotal(line);
      sum.goods += total;
      goodsTotal += total;
    }
  }

  const rates = [...sums.keys()].sort((a, b) => b - a);
  const footer = appliedFooterDiscount(input.footerDiscount, goodsTotal);
  // Rates with a negative goods sum (only possible with foreign data) take no share of the discount.
  const shares = allocate(
    cents(footer),
    rates.map((rate) => Math.max(sums.get(rate)?.goods ?? 0, 0)),
  );

  const byRate: RateTotals[] = [];
  let totalNet = 0;
  let totalVat = 0;
  rates.forEach((rate, index) => {
    const sum = sums.get(rate) ?? { goods: 0, fees: 0 };
    const share = shares[index] ?? cents(0);
    const amount = cents(sum.goods - share + sum.fees);
    const vatRate = rate as BasisPoints;
    const net = input.priceMode === 'HT' ? amount : toNet(amount, vatRate);
    const vat = input.priceMode === 'HT' ? vatOfNet(amount, vatRate) : cents(amount - net);
    byRate.push({ vatRate, net, vat, gross: cents(net + vat), footerDiscountShare: share });
    totalNet += net;
    totalVat += vat;
  });

  return {
    linesTotal: cents(goodsTotal + feesTotal),
    footerDiscount: cents(footer),
    totalNet: cents(totalNet),
    totalVat: cents(totalVat),
    totalGross: cents(totalNet + totalVat),
    byRate,
  };
}
