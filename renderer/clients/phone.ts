/**
 * Phone numbers as agents type them ("06 12 34 56 78", "+44 7700 900123", "0033 6…") and as clients
 * store them (E.164, `+33612345678`). French national numbers are assumed for a leading single 0:
 * the desk is French first (DESIGN §12).
 */

const E164 = /^\+[1-9]\d{1,14}$/;

/** E.164 form of a typed number, or null when it cannot be one. */
export function toE164(input: string, defaultCountryCode = '33'): string | null {
  const trimmed = input.trim();
  const digits = trimmed.replace(/\D/g, '');
  let candidate: string;
  if (trimmed.startsWith('+')) candidate = `+${digits}`;
  else if (digits.startsWith('00')) candidate = `+${digits.slice(2)}`;
  else if (digits.startsWith('0')) candidate = `+${defaultCountryCode}${digits.slice(1)}`;
  else candidate = `+${digits}`;
  return E164.test(candidate) && candidate.length >= 9 ? candidate : null;
}

/**
 * The digit strings to look for in a client's search key (which holds E.164 digits without `+`):
 * what was typed, and its international form when it starts like a national number.
 */
export function phoneSearchDigits(input: string, defaultCountryCode = '33'): string[] {
  const digits = input.replace(/\D/g, '');
  if (digits.length < 3) return [];
  if (digits.startsWith('00')) return [digits.slice(2)];
  if (digits.startsWith('0')) return [`${defaultCountryCode}${digits.slice(1)}`, digits.slice(1)];
  return [digits];
}

/** Grouped by two for French numbers (`06 12 34 56 78`), as is for others. */
export function formatPhone(e164: string): string {
  if (e164.startsWith('+33') && e164.length === 12) return `0${e164.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');
  return e164;
}
