import { describe, expect, it } from 'vitest';
import { formatFrenchDate, formatScaled, parseFrenchDate, parseScaled } from './french-format.ts';
import { guardFormula, unguardFormula } from './spreadsheet-safe.ts';

describe('French dates (jj/mm/aaaa)', () => {
  it('reads and writes the seed format', () => {
    expect(parseFrenchDate('01/10/2023')).toBe('2023-10-01');
    expect(parseFrenchDate(' 1/2/2024 ')).toBe('2024-02-01');
    expect(formatFrenchDate('2023-10-01')).toBe('01/10/2023');
  });

  it('refuses dates that do not exist or other formats', () => {
    for (const text of ['31/02/2026', '29/02/2026', '2026-01-01', '01/13/2026', '01/10/23', 'demain']) expect(parseFrenchDate(text), text).toBeNull();
    expect(parseFrenchDate('29/02/2028')).toBe('2028-02-29');
  });
});

describe('French decimals', () => {
  it('reads comma or point decimals and French thousands spaces, refusing extra precision', () => {
    expect(parseScaled('12,50', 2)).toBe(1250);
    expect(parseScaled('12.5', 2)).toBe(1250);
    expect(parseScaled('1 234,5', 2)).toBe(123450);
    expect(parseScaled('15', 2)).toBe(1500);
    expect(parseScaled('1,5', 3)).toBe(1500);
    expect(parseScaled('12,505', 2)).toBeNull();
    expect(parseScaled('12,500', 2)).toBe(1250);
    for (const text of ['', '-5', 'abc', '1,2,3', '1e3']) expect(parseScaled(text, 2), text).toBeNull();
  });

  it('writes prices with two decimals and rates or quantities without useless zeros', () => {
    expect(formatScaled(1250, 2, true)).toBe('12,50');
    expect(formatScaled(1500, 2)).toBe('15');
    expect(formatScaled(550, 2)).toBe('5,5');
    expect(formatScaled(1500, 3)).toBe('1,5');
  });
});

describe('spreadsheet formula guard', () => {
  it('neutralises cells Excel would run as formulas, and undoes it exactly', () => {
    expect(guardFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(guardFormula('Noël')).toBe('Noël');
    for (const text of ['=1+1', "'=1+1", "''@x", '-10 %', "l'offre", "'quoted'", '+33']) expect(unguardFormula(guardFormula(text))).toBe(text);
  });
});
