import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRate, multiplyByQuantity, negateCents, sumCents } from './arithmetic.ts';
import { divRound, mulDivRound, mulMulDivRound } from './rounding.ts';
import { bp, cents, milli } from './units.ts';

/** Reference implementation on BigInt only, to check the fast path against. */
function reference(a: number, b: number, d: number): number {
  const n = BigInt(a) * BigInt(b);
  const q = n / BigInt(d);
  const r = n % BigInt(d);
  const twice = 2n * (r < 0n ? -r : r);
  return Number(twice >= BigInt(d) ? q + (n < 0n ? -1n : 1n) : q);
}

describe('mulDivRound', () => {
  it('rounds halves away from zero, symmetric for negatives', () => {
    expect(divRound(25, 10)).toBe(3);
    expect(divRound(-25, 10)).toBe(-3);
    expect(divRound(24, 10)).toBe(2);
    expect(divRound(-24, 10)).toBe(-2);
    expect(divRound(15, 10)).toBe(2);
    expect(divRound(-15, 10)).toBe(-2);
  });

  it('never returns negative zero', () => {
    expect(Object.is(divRound(-4, 10), 0)).toBe(true);
    expect(Object.is(mulDivRound(0, -5, 10), 0)).toBe(true);
  });

  it('avoids the float errors of price × quantity', () => {
    // 0.1 + 0.2 style error: in floats 1.15 × 100 is 114.99999999999999.
    expect(multiplyByQuantity(cents(115), milli(1000))).toBe(115);
    // 1.10 € × 1.005 kg = 1.1055 € → 1.11 €; floats compute 110 × 1.005 = 110.54999999999998.
    expect(multiplyByQuantity(cents(110), milli(1005))).toBe(111);
    expect(multiplyByQuantity(cents(201), milli(1500))).toBe(302); // 2.01 × 1.5 = 3.015 → 3.02
  });

  it('is exact beyond 2^53 intermediate products (BigInt path)', () => {
    // 90 071 992 547 409.91 € × 1.000 would overflow a double as an intermediate product.
    const huge = Number.MAX_SAFE_INTEGER;
    expect(mulDivRound(huge, 1000, 1000)).toBe(huge);
    expect(mulDivRound(huge, 2000, 10000)).toBe(reference(huge, 2000, 10000));
  });

  it('throws when the result itself cannot be a safe integer', () => {
    expect(() => mulDivRound(Number.MAX_SAFE_INTEGER, 3, 1)).toThrow(RangeError);
    expect(() => mulDivRound(1, 1, 0)).toThrow(RangeError);
  });

  it('matches the BigInt reference on any inputs', () => {
    fc.assert(
      fc.property(
        // Products up to 1e18 exercise both the float fast path and the BigInt path.
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.integer({ min: -1e7, max: 1e7 }),
        fc.integer({ min: 1000, max: 1e7 }),
        (a, b, d) => {
          expect(mulDivRound(a, b, d)).toBe(reference(a, b, d));
        },
      ),
    );
  });

  it('rounds a triple product once, exactly, on both paths', () => {
    // 3.33 € × 3 × (1 − 12.5 %) = 8.741 25 € → 874 cents; rounding 999 × 0.875 = 874.125 agrees here,
    // but 0.05 € × 0.5 × (1 − 50 %) = 0.0125 € → 1.25 cents → 1, while round(2.5)=3 then ×0.5 = 1.5 → 2.
    expect(mulMulDivRound(333, 3000, 8750, 10_000_000)).toBe(874);
    expect(mulMulDivRound(5, 500, 5000, 10_000_000)).toBe(1);
    // a 100 % discount on a line whose price × quantity alone exceeds 2^53 (found by fast-check)
    expect(mulMulDivRound(91058914, 98916173, 0, 10_000_000)).toBe(0);
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 1e8 }),
        fc.integer({ min: 0, max: 10000 }),
        (a, b, c) => {
          const n = BigInt(a) * BigInt(b) * BigInt(c);
          const d = 10_000_000n;
          const q = n / d;
          const r = n % d;
          const expected = Number(2n * (r < 0n ? -r : r) >= d ? q + (n < 0n ? -1n : 1n) : q);
          expect(mulMulDivRound(a, b, c, 10_000_000)).toBe(expected);
        },
      ),
    );
  });

  it('satisfies round(−x) = −round(x)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 10000 }), (a, r) => {
        expect(applyRate(cents(-a), bp(r))).toBe(negateCents(applyRate(cents(a), bp(r))));
      }),
    );
  });
});

describe('cents arithmetic', () => {
  it('sums lists, empty list is zero', () => {
    expect(sumCents([])).toBe(0);
    expect(sumCents([cents(1050), cents(-50), cents(1)])).toBe(1001);
  });

  it('applies VAT rates to the cent: 19.99 € at 5.5 % is 1.10 €', () => {
    // 1999 × 0.055 = 109.945 → 110
    expect(applyRate(cents(1999), bp(550))).toBe(110);
  });
});
