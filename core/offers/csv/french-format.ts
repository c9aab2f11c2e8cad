import { isIsoDate } from '../../shared/clock.ts';
import type { IsoDate } from '../../shared/clock.ts';

// Seed 002's spreadsheet formats: dates jj/mm/aaaa, decimals with a comma.

const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `2023-10-01` → `01/10/2023`. */
export function formatFrenchDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/**
 * `01/10/2023` (or `1/10/2023`, as Excel may shorten it) → `2023-10-01`; null for anything else,
 * including dates that do not exist such as 31/02/2026.
 */
export function parseFrenchDate(text: string): IsoDate | null {
  const m = FRENCH_DATE.exec(text.trim());
  if (!m) return null;
  const iso = `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * An integer scaled by 10^digits written as a French decimal: `formatScaled(1250, 2, true)` is
 * `12,50`; without `fixed`, trailing zeros go: `formatScaled(1500, 2)` is `15`, `550` is `5,5`.
 */
export function formatScaled(value: number, digits: 2 | 3, fixed = false): string {
  const unit = digits === 2 ? 100 : 1000;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / unit);
  let fraction = String(abs - whole * unit).padStart(digits, '0');
  if (!fixed) fraction = fraction.replace(/0+$/, '');
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole},${fraction}`;
}

// Spaces (plain, no-break, narrow no-break) are thousands separators in French number formats.
const DECIMAL = /^(\d+)(?:[,.](\d*))?$/;

/**
 * A non-negative French decimal (`12,50`, `12.5`, `1 234,5`) as an integer scaled by 10^digits;
 * null when it is not a number or has more decimals than `digits` (no silent rounding of prices).
 */
export function parseScaled(text: string, digits: 2 | 3): number | null {
  const m = DECIMAL.exec(text.trim().replace(/[ \u00A0\u202F]/g, ''));
  if (!m) return null;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return null;
  const value = Number(m[1]) * (digits === 2 ? 100 : 1000) + Number(fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(value) ? value : null;
}
