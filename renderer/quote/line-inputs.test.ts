import { describe, expect, it } from 'vitest';
import { parseDiscount } from './line-inputs.ts';

describe('one field for a discount', () => {
  it('reads a percentage, an amount in the quote currency, or nothing', () => {
    expect(parseDiscount('10 %', 'fr-FR', 'EUR')).toEqual({ ok: true, value: { kind: 'percent', rate: 1000 } });
    expect(parseDiscount('12,50 €', 'fr-FR', 'EUR')).toEqual({ ok: true, value: { kind: 'amount', amount: 1250 } });
    expect(parseDiscount('12.5', 'en-GB', 'EUR')).toEqual({ ok: true, value: { kind: 'amount', amount: 1250 } });
    expect(parseDiscount('  ', 'fr-FR', 'EUR')).toEqual({ ok: true, value: null });
    expect(parseDiscount('dix', 'fr-FR', 'EUR').ok).toBe(false);
  });
});
