import { clientRows } from '../projection/projection-store.ts';
import type { ClientLite } from '../projection/rows.ts';
import { phoneSearchDigits } from './phone.ts';

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Caller lookup as the agent types (DESIGN §12): digits match inside any phone number of the
 * client's `searchKey`, words match the names in any order. Runs over the in-memory client
 * projection (10k clients scan in about a millisecond), so results follow every keystroke.
 */
export function searchClients(query: string, limit = 8): ClientLite[] {
  const text = fold(query);
  if (text.length < 2) return [];
  const digits = phoneSearchDigits(query);
  const isPhone = digits.length > 0 && /^[\d\s+().-]+$/.test(query.trim());
  const words = text.split(' ');
  const found: ClientLite[] = [];
  for (const client of clientRows.values()) {
    const key = client.searchKey;
    const match = isPhone
      ? digits.some((d) => key.includes(d))
      : words.every((word) => key.includes(word));
    if (match) {
      found.push(client);
      if (found.length >= limit * 4) break;
    }
  }
  // Names that start with what was typed first, then alphabetical.
  return found
    .sort((a, b) => Number(!b.searchKey.startsWith(text)) - Number(!a.searchKey.startsWith(text)) || a.name.localeCompare(b.name))
    .slice(0, limit);
}
