import { mulDivRound } from './rounding.ts';
import { cents } from './units.ts';
import type { BasisPoints, Cents } from './units.ts';

/**
 * HT ↔ TTC conversions (DESIGN §4). Both round half away from zero, once.
 *
 * Round-trip rule, for any rate 0 ≤ r ≤ 100 %:
 *  - HT → TTC → HT is exact: `toNet(toGross(n, r), r) === n`, because the gross is within half a
 *    cent of n × (1 + r), so dividing back lands within 0.5 / (1 + r) < 0.5 cent of n.
 *  - TTC → HT → TTC may drift by at most one cent: `|toGross(toNet(g, r), r) − g| ≤ 1`. Several
 *    gross prices share one net price (at 20 %, 0.09 € and 0.10 € TTC are both 0.08 € HT), so
 *    no rule can make this direction exact; a TTC quote therefore keeps its TTC prices as entered.
 */

function assertRate(rate: BasisPoints): void {
  if (rate < 0) throw new RangeError(`VAT rate must not be negative, got ${rate}`);
}

/** VAT due on a net (HT) amount: round(net × rate). */
export function vatOfNet(net: Cents, rate: BasisPoints): Cents {
  assertRate(rate);
  return cents(mulDivRound(net, rate, 10000));
}

/** Gross (TTC) amount of a net (HT) one: net + round(net × rate). */
export function toGross(net: Cents, rate: BasisPoints): Cents {
  return cents(net + vatOfNet(net, rate));
}

/** Net (HT) amount contained in a gross (TTC) one: round(gross / (1 + rate)). */
export function toNet(gross: Cents, rate: BasisPoints): Cents {
  assertRate(rate);
  return cents(mulDivRound(gross, 10000, 10000 + rate));
}
