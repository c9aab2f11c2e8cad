/**
 * Exact integer "a × b / d" with one rounding step, the primitive under every money computation.
 *
 * Rounding rule: ROUND HALF UP in the commercial sense, i.e. half AWAY FROM ZERO for negatives
 * (2.5 → 3, −2.5 → −3). We pick "away from zero" rather than "towards +∞" so that a credit mirrors
 * its debit exactly: round(−x) = −round(x), and a negated quote has negated totals.
 *
 * Exactness: when |a × b| fits in a double's 53-bit mantissa the product, remainder (`%`) and the
 * division of an exact multiple are all exact in IEEE-754, so the fast path never sees float error.
 * Larger products fall back to BigInt. The result must itself be a safe integer, otherwise the
 * amount cannot be stored as `Cents` and we throw: that is a broken invariant, not a user error.
 */

function roundedQuotient(numerator: number, denominator: number): number {
  const remainder = numerator % denominator;
  const quotient = (numerator - remainder) / denominator;
  if (2 * Math.abs(remainder) >= denominator) return quotient + (numerator < 0 ? -1 : 1);
  return quotient;
}

function roundedQuotientBig(numerator: bigint, denominator: bigint): bigint {
  const remainder = numerator % denominator;
  const quotient = numerator / denominator;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice >= denominator) return quotient + (numerator < 0n ? -1n : 1n);
  return quotient;
}

function assertInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

/**
 * Returns `a × b / d` rounded half away from zero. All three must be safe integers and `d > 0`.
 * Throws `RangeError` when the result is not a safe integer.
 */
export function mulDivRound(a: number, b: number, d: number): number {
  assertInteger(a, 'a');
  assertInteger(b, 'b');
  assertInteger(d, 'd');
  if (d <= 0) throw new RangeError(`divisor must be positive, got ${d}`);
  // Both operands are integers, so the float product is exact whenever it stays within 2^53 − 1;
  // float rounding is monotonic, so a true product above that bound can never look smaller.
  if (Math.abs(a) * Math.abs(b) <= Number.MAX_SAFE_INTEGER) return roundedQuotient(a * b, d);
  const big = roundedQuotientBig(BigInt(a) * BigInt(b), BigInt(d));
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${a} × ${b} / ${d} overflows a safe integer`);
  }
  return Number(big);
}

/**
 * Returns `a × b × c / d` with a single rounding, half away from zero: e.g. price × quantity ×
 * (1 − discount rate), where rounding twice could move the line total by a cent.
 */
export function mulMulDivRound(a: number, b: number, c: number, d: number): number {
  assertInteger(a, 'a');
  assertInteger(b, 'b');
  assertInteger(c, 'c');
  // Same monotonicity argument as mulDivRound: an exact product ≤ 2^53 − 1 can take the fast path.
  // Check a × b on its own too: with c = 0 the triple product is 0 while a × b may not be exact.
  const ab = Math.abs(a) * Math.abs(b);
  if (ab <= Number.MAX_SAFE_INTEGER && ab * Math.abs(c) <= Number.MAX_SAFE_INTEGER) return mulDivRound(a * b, c, d);
  assertInteger(d, 'd');
  if (d <= 0) throw new RangeError(`divisor must be positive, got ${d}`);
  const big = roundedQuotientBig(BigInt(a) * BigInt(b) * BigInt(c), BigInt(d));
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${a} × ${b} × ${c} / ${d} overflows a safe integer`);
  }
  return Number(big);
}

/** Returns `n / d` rounded half away from zero (`d > 0`). */
export function divRound(n: number, d: number): number {
  return mulDivRound(n, 1, d);
}
