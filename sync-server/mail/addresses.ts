import type { JsonValue } from '../../core/model/json.ts';

/** Most recipients one command may name (to and cc each): a quote email, not a mailing. */
export const MAX_RECIPIENTS = 20;

/**
 * A plausible single mailbox: no spaces, one `@`, a dotted domain, no header-breaking characters.
 * Deliberately simple; the SMTP server has the last word.
 */
const EMAIL = /^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\]+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/**
 * Reads a recipient field of a payload: one address or a list. Returns the addresses, or the reason
 * they are unusable. Absent (undefined/null) gives an empty list.
 */
export function readAddresses(value: JsonValue | undefined, field: string): { ok: true; value: string[] } | { ok: false; message: string } {
  if (value === undefined || value === null) return { ok: true, value: [] };
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
  if (list === null) return { ok: false, message: `${field} must be an email address or a list of them` };
  if (list.length > MAX_RECIPIENTS) return { ok: false, message: `${field} names more than ${MAX_RECIPIENTS} addresses` };
  const out: string[] = [];
  for (const item of list) {
    // The desktop sends `[client.email]`, an empty string for a client without one: nobody, not an error.
    if (typeof item === 'string' && item.trim() === '') continue;
    if (typeof item !== 'string' || !isEmailAddress(item.trim())) return { ok: false, message: `${field}: "${String(item)}" is not an email address` };
    out.push(item.trim());
  }
  return { ok: true, value: out };
}

/** The addresses of `list` once each (case-insensitive), leaving out those in `except`. */
export function distinctAddresses(list: readonly (string | null | undefined)[], except: readonly string[] = []): string[] {
  const seen = new Set(except.map((a) => a.toLowerCase()));
  const out: string[] = [];
  for (const address of list) {
    if (address === null || address === undefined || !isEmailAddress(address)) continue;
    const key = address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(address);
  }
  return out;
}
