import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SEQUENCE, formatNumber, parseNumber } from './number-format.ts';

describe('formatNumber', () => {
  it('writes a short, zero-padded number an agent can read out', () => {
    expect(formatNumber('D', 2026, 42)).toBe('D-2026-000042');
    expect(formatNumber('Q', 2026, 123)).toBe('Q-2026-000123');
    expect(formatNumber('Q', 2026, MAX_SEQUENCE)).toBe('Q-2026-999999');
  });

  it('refuses impossible numbers as programming errors', () => {
    expect(() => formatNumber('Q', 2026, 0)).toThrow(RangeError);
    expect(() => formatNumber('Q', 2026, MAX_SEQUENCE + 1)).toThrow(RangeError);
    expect(() => formatNumber('Q', 26, 1)).toThrow(RangeError);
  });
});

describe('parseNumber', () => {
  it('reads the canonical form', () => {
    expect(parseNumber('Q-2026-000123')).toEqual({
      ok: true,
      value: { series: 'Q', year: 2026, sequence: 123, text: 'Q-2026-000123' },
    });
  });

  it('accepts what a customer reads out over the phone', () => {
    for (const typed of ['q-2026-123', ' Q 2026 000123 ', 'Q2026000123', 'q/2026/123']) {
      const parsed = parseNumber(typed);
      expect(parsed.ok && parsed.value.text).toBe('Q-2026-000123');
    }
  });

  it('refuses text that is not a dossier or quote number', () => {
    for (const typed of ['', 'Q-2026', 'X-2026-000001', 'Q-2026-000000', 'Q-2026-1234567', 'F-2026-000001', 'Q-1999-000001']) {
      const parsed = parseNumber(typed);
      expect(parsed.ok ? parsed.value : parsed.error.code, typed).toBe('INVALID_NUMBER');
    }
  });

  it('round-trips every formatted number', () => {
    fc.assert(
      fc.property(fc.constantFrom('D' as const, 'Q' as const), fc.integer({ min: 2000, max: 9999 }), fc.integer({ min: 1, max: MAX_SEQUENCE }), (series, year, sequence) => {
        const text = formatNumber(series, year, sequence);
        expect(parseNumber(text)).toEqual({ ok: true, value: { series, year, sequence, text } });
      }),
    );
  });
});
