import type { Clock } from '../../shared/clock.ts';
import type { IdGenerator, OfferId } from '../../shared/ids.ts';
import { codeKey } from '../offer-code.ts';
import type { Offer } from '../offer.ts';
import { validateOffer } from '../validate.ts';
import type { CsvIssue } from './csv-issue.ts';
import { readCsvTable } from './csv-table.ts';
import type { ImportPlan, OfferChange } from './import-plan.ts';
import { ALL_CLIENTS_LABEL, OFFER_CSV_COLUMNS, REQUIRED_OFFER_COLUMNS } from './offers-csv.ts';
import type { OfferCsvColumn } from './offers-csv.ts';
import { readOfferRow } from './offer-row.ts';
import type { OfferRow, ScopeCodeLookup } from './offer-row.ts';

/** What an offers import needs besides the file and the stored offers. */
export interface OffersImportContext {
  readonly ids: IdGenerator;
  readonly clock: Clock;
  /** When given, GROUPE / CLIENT / LIEU codes are checked against the known groups, clients, places. */
  readonly isKnownScopeCode?: ScopeCodeLookup;
}

const COLUMNS = OFFER_CSV_COLUMNS.map((name) => ({ name, required: REQUIRED_OFFER_COLUMNS.includes(name) }));

function merge(row: OfferRow, stored: Offer | undefined, context: OffersImportContext): Offer {
  const now = context.clock.now();
  const base: Offer = stored ?? {
    id: context.ids.next() as OfferId,
    code: row.code,
    type: row.type,
    title: row.title,
    scope: row.scope,
    scopeCode: row.scopeCode,
    scopeLabel: '',
    startDate: null,
    endDate: null,
    showInShop: false,
    deletedAt: null,
    engagements: [],
    updatedAt: now,
  };
  return {
    ...base,
    type: row.type,
    title: row.title,
    scope: row.scope,
    scopeCode: row.scopeCode,
    scopeLabel: row.scope === 'ALL' ? ALL_CLIENTS_LABEL : (row.scopeLabel ?? base.scopeLabel),
    startDate: row.startDate === undefined ? base.startDate : row.startDate,
    endDate: row.endDate === undefined ? base.endDate : row.endDate,
    showInShop: row.showInShop ?? base.showInShop,
    updatedAt: now,
  };
}

function sameCsvFields(a: Offer, b: Offer): boolean {
  return (
    a.type === b.type && a.title === b.title && a.scope === b.scope && a.scopeCode === b.scopeCode && a.scopeLabel === b.scopeLabel &&
    a.startDate === b.startDate && a.endDate === b.endDate && a.showInShop === b.showInShop
  );
}

// validate.ts reports by field; the file's user needs the column. Engagement dates are not in this
// file: an engagement falling outside new offer dates is blamed on the offer date that moved.
function columnOf(field: string, offer: Offer): OfferCsvColumn | null {
  if (field === 'code') return 'Code';
  if (field === 'title') return 'Intitulé';
  if (field === 'scopeCode') return 'Code périmètre';
  if (field === 'startDate') return 'Date début';
  if (field === 'endDate') return 'Date fin';
  const m = /^engagements\.(\d+)\.(startDate|endDate)$/.exec(field);
  const engagement = m ? offer.engagements[Number(m[1])] : undefined;
  if (!m || !engagement) return null;
  const date = m[2] === 'startDate' ? engagement.startDate : engagement.endDate;
  return offer.startDate !== null && date !== null && date < offer.startDate ? 'Date début' : 'Date fin';
}

/**
 * Seed 002 "Importer les offres", dry run: reads the file, checks every row and compares it with the
 * stored offers by code (existing code → update, which keeps the offer's engagements and discounts;
 * new code → create). Nothing is changed: show the plan, then {@link applyImport}.
 */
export function planOffersImport(text: string, existing: readonly Offer[], context: OffersImportContext): ImportPlan {
  const table = readCsvTable(text, COLUMNS);
  const errors: CsvIssue[] = [...table.errors];
  const warnings: CsvIssue[] = [...table.warnings];
  const byCode = new Map(existing.map((o) => [o.code, o]));
  const seen = new Map<string, number>();
  const planned: { row: OfferRow; stored: Offer | undefined; offer: Offer }[] = [];

  for (const tableRow of table.rows) {
    const row = readOfferRow(tableRow, errors, warnings, context.isKnownScopeCode);
    const rawCode = (tableRow.get('Code') ?? '').trim();
    const firstLine = seen.get(codeKey(rawCode));
    if (rawCode !== '' && firstLine !== undefined) {
      errors.push({ line: tableRow.line, column: 'Code', code: 'DUPLICATE_IN_FILE', message: `code "${rawCode}" is already on line ${firstLine}` });
      continue;
    }
    if (rawCode !== '') seen.set(codeKey(rawCode), tableRow.line);
    if (row === null) continue;
    const stored = byCode.get(row.code);
    if (stored?.deletedAt) {
      errors.push({ line: row.line, column: 'Code', code: 'OFFER_DELETED', message: `offer ${row.code} is deleted; restore it before importing changes to it` });
      continue;
    }
    planned.push({ row, stored, offer: merge(row, stored, context) });
  }

  const world = new Map(existing.map((o) => [o.id, o]));
  for (const p of planned) world.set(p.offer.id, p.offer);
  const everyone = [...world.values()];
  const toCreate: Offer[] = [];
  const toUpdate: OfferChange[] = [];
  let unchanged = 0;
  for (const { row, stored, offer } of planned) {
    if (stored && sameCsvFields(stored, offer)) {
      unchanged += 1;
      continue;
    }
    const check = validateOffer(offer, everyone);
    for (const e of check.errors) errors.push({ line: row.line, column: columnOf(e.field, offer), code: e.code, message: e.message });
    const datesMoved = !stored || stored.startDate !== offer.startDate || stored.endDate !== offer.endDate;
    if (datesMoved) for (const w of check.warnings) warnings.push({ line: row.line, column: 'Date début', code: w.code, message: w.message });
    if (stored) toUpdate.push({ before: stored, after: offer });
    else toCreate.push(offer);
  }
  errors.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  return { toCreate, toUpdate, unchanged, errors, warnings };
}
