import { cents } from './units.ts';
import type { Cents } from './units.ts';

/**
 * Splits `total` over `weights` pro rata without creating or losing a cent (largest-remainder,
 * a.k.a. Hamilton's method): each share starts at floor(total × weight / Σweights), then the cents
 * still missing go one by one to the largest fractional remainders. Ties go to the lower index, so
 * the result is deterministic and a caller that sorts its input (e.g. by VAT rate) gets stable output.
 *
 * Guarantees: Σshares = total exactly; each |share| ≤ ceil(|total| × weight / Σweights), hence
 * ≤ weight whenever |total| ≤ Σweights; zero weight ⇒ zero share; a negative total is split as its
 * absolute value and negated, so shares mirror those of the positive total.
 *
 * Weights must be non-negative safe integers (cents, quantities…). Throws `RangeError` when they
 * are negative or all zero while `total` is not: there is nothing to spread over, a caller bug.
 */
export function allocate(total: Cents, weights: readonly number[]): Cents[] {
  let weightSum = 0n;
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) throw new RangeError(`weights must be non-negative integers, got ${weight}`);
    weightSum += BigInt(weight);
  }
  if (total === 0) return weights.map(() => cents(0));
  if (weightSum === 0n) throw new RangeError(`cannot allocate ${total} over zero weights`);

  const magnitude = BigInt(Math.abs(total));
  const sign = total < 0 ? -1 : 1;
  // BigInt keeps total × weight exact even for large amounts; the weights list is short (VAT rates).
  const floors: bigint[] = [];
  const remainders: bigint[] = [];
  let allocated = 0n;
  for (const weight of weights) {
    const product = magnitude * BigInt(weight);
    const floor = product / weightSum;
    floors.push(floor);
    remainders.push(product % weightSum);
    allocated += floor;
  }

  const order = weights.map((_, index) => index);
  order.sort((a, b) => {
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    if (ra !== rb) return ra > rb ? -1 : 1;
    return a - b;
  });
  // Fewer leftovers than weights: each floor lost strictly less than one cent.
  let leftover = Number(magnitude - allocated);
  for (const index of order) {
    if (leftover === 0) break;
    floors[index] = (floors[index] ?? 0n) + 1n;
    leftover -= 1;
  }
  return floors.map((share) => cents(share === 0n ? 0 : sign * Number(share)));
}
