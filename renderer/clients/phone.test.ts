import { describe, expect, it } from 'vitest';
import { formatPhone, phoneSearchDigits, toE164 } from './phone.ts';

describe('phone numbers as agents type them', () => {
  it('stores French national numbers in E.164', () => {
    expect(toE164('06 12 34 56 78')).toBe('+33612345678');
    expect(toE164('0033 6 12 34 56 78')).toBe('+33612345678');
    expect(toE164('+44 7700 900123')).toBe('+447700900123');
    expect(toE164('12')).toBeNull();
  });

  it('finds a stored number from what is typed, national or international', () => {
    expect(phoneSearchDigits('06 12 34')).toEqual(['3361234', '61234']);
    expect(phoneSearchDigits('+33 6 12')).toEqual(['33612']);
    expect(phoneSearchDigits('06')).toEqual([]);
  });

  it('reads French numbers back grouped by two', () => {
    expect(formatPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(formatPhone('+447700900123')).toBe('+447700900123');
  });
});
