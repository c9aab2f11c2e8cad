import { parseNumber } from '../../core/numbering/index.ts';
import { clientName, dossierRows } from './projection-store.ts';
import type { DossierRow } from './rows.ts';

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Dossiers whose number, subject or client name contain what was typed ("q 2026 42" and "42" both
 * find D-2026-000042), most recently touched first. Scans the in-memory projection.
 */
export function searchDossiers(query: string, limit = 8): DossierRow[] {
  const text = fold(query.trim());
  if (text.length < 2) return [];
  const parsed = parseNumber(query);
  const exactNumber = parsed.ok ? parsed.value.text : null;
  const found: DossierRow[] = [];
  for (const row of dossierRows.values()) {
    if (
      row.number === exactNumber ||
      fold(row.number).includes(text) ||
      fold(row.subject).includes(text) ||
      fold(clientName(row.clientId)).includes(text)
    ) {
      found.push(row);
    }
  }
  found.sort((a, b) => Number(b.number === exactNumber) - Number(a.number === exactNumber) || (a.updatedAt < b.updatedAt ? 1 : -1));
  return found.slice(0, limit);
}
