import type { IsoDate } from '../../shared/clock.ts';
import { searchable } from '../searchable.ts';
import { isValidCode } from '../offer-code.ts';
import type { OfferScope, OfferType } from '../offer.ts';
import type { CsvIssue } from './csv-issue.ts';
import type { TableRow } from './csv-table.ts';
import { parseFrenchDate } from './french-format.ts';
import { OFFER_TYPE_CSV, SCOPE_CSV_CODES } from './offers-csv.ts';
import type { OfferCsvColumn } from './offers-csv.ts';
import { unguardFormula } from './spreadsheet-safe.ts';

/** One valid row of the offers file. `undefined` means the column is absent: keep what is stored. */
export interface OfferRow {
  readonly line: number;
  readonly code: string;
  readonly type: OfferType;
  readonly title: string;
  readonly scope: OfferScope;
  readonly scopeCode: string | null;
  /** Undefined when absent or left empty (seed: "Facultatif"): an update keeps the stored label. */
  readonly scopeLabel: string | undefined;
  readonly startDate: IsoDate | null | undefined;
  readonly endDate: IsoDate | null | undefined;
  readonly showInShop: boolean | undefined;
}

/** Looks up group codes, client references and place codes, when the caller can. */
export type ScopeCodeLookup = (scope: Exclude<OfferScope, 'ALL'>, code: string) => boolean;

const SCOPES = new Map(Object.entries(SCOPE_CSV_CODES).map(([scope, code]) => [code, scope as OfferScope]));

function readDate(row: TableRow, column: OfferCsvColumn, issue: (column: OfferCsvColumn, code: CsvIssue['code'], message: string) => void): IsoDate | null | undefined {
  const raw = row.get(column);
  if (raw === undefined) return undefined;
  if (raw.trim() === '') return null;
  const date = parseFrenchDate(raw);
  if (date === null) issue(column, 'INVALID_DATE', `"${raw.trim()}" is not a date in the jj/mm/aaaa format`);
  return date;
}

/**
 * Reads and checks one row of the offers file (seed 002 "Comment remplir le fichier d'import ?").
 * Returns null when the row has errors, which are pushed to `errors`.
 */
export function readOfferRow(row: TableRow, errors: CsvIssue[], warnings: CsvIssue[], isKnownScopeCode?: ScopeCodeLookup): OfferRow | null {
  const before = errors.length;
  const issue = (column: OfferCsvColumn, code: CsvIssue['code'], message: string): void => {
    errors.push({ line: row.line, column, code, message });
  };
  const required = (column: OfferCsvColumn): string => {
    const value = (row.get(column) ?? '').trim();
    if (value === '') issue(column, 'REQUIRED_VALUE_MISSING', `"${column}" is mandatory`);
    return value;
  };

  const code = required('Code');
  if (code !== '' && !isValidCode(code)) issue('Code', 'CODE_INVALID', `code "${code}" may contain only letters and digits, without spaces or special characters`);

  const typeCode = required('Type');
  const type = typeCode === '0' ? 'commercial' : typeCode === '1' ? 'public_procurement' : null;
  if (typeCode !== '' && type === null) issue('Type', 'INVALID_TYPE', `type "${typeCode}" must be 0 (Offre commerciale) or 1 (Marché public)`);
  const typeLabel = (row.get('Libelle type') ?? '').trim();
  if (type !== null && typeLabel !== '' && searchable(typeLabel) !== searchable(OFFER_TYPE_CSV[type].label)) {
    const message = `"${typeLabel}" does not match type ${typeCode} ("${OFFER_TYPE_CSV[type].label}"); the Type column is used`;
    warnings.push({ line: row.line, column: 'Libelle type', code: 'TYPE_LABEL_MISMATCH', message });
  }

  const rawTitle = row.get('Intitulé') ?? '';
  if (rawTitle.trim() === '') issue('Intitulé', 'REQUIRED_VALUE_MISSING', '"Intitulé" is mandatory');
  const title = unguardFormula(rawTitle);

  const scopeText = required('Type de périmètre');
  const scope = SCOPES.get(scopeText.toUpperCase()) ?? null;
  if (scopeText !== '' && scope === null) issue('Type de périmètre', 'UNKNOWN_SCOPE', `"${scopeText}" is not a scope: use TOUS, GROUPE, CLIENT or LIEU`);
  const scopeCode = (row.get('Code périmètre') ?? '').trim();
  if (scope === 'ALL' && scopeCode !== '') issue('Code périmètre', 'SCOPE_CODE_NOT_ALLOWED', `leave "Code périmètre" empty for TOUS (got "${scopeCode}")`);
  if (scope !== null && scope !== 'ALL') {
    const what = scope === 'GROUP' ? 'the group code' : scope === 'CLIENT' ? 'the client reference' : 'the place code';
    if (scopeCode === '') issue('Code périmètre', 'SCOPE_CODE_MISSING', `${SCOPE_CSV_CODES[scope]} needs ${what} in "Code périmètre"`);
    else if (isKnownScopeCode && !isKnownScopeCode(scope, scopeCode)) issue('Code périmètre', 'UNKNOWN_SCOPE_CODE', `no ${what.slice(4)} "${scopeCode}" is known`);
  }
  const rawLabel = row.get('Libellé périmètre');
  const scopeLabel = rawLabel === undefined || rawLabel === '' ? undefined : unguardFormula(rawLabel);

  const startDate = readDate(row, 'Date début', issue);
  const endDate = readDate(row, 'Date fin', issue);
  if (startDate && endDate && endDate < startDate) issue('Date fin', 'END_BEFORE_START', `the end date is before the start date`);
  if (type === 'public_procurement') {
    for (const [value, column] of [[startDate, 'Date début'], [endDate, 'Date fin']] as const) {
      if (value === null) issue(column, 'PUBLIC_PROCUREMENT_WITHOUT_DATES', `a public procurement offer (type 1) needs "${column}"`);
    }
  }

  const flag = row.get("Afficher l'offre sur la boutique virtuelle");
  let showInShop: boolean | undefined;
  if (flag !== undefined) {
    const value = flag.trim();
    if (value === '') issue("Afficher l'offre sur la boutique virtuelle", 'REQUIRED_VALUE_MISSING', `"Afficher l'offre sur la boutique virtuelle" is mandatory (0 or 1)`);
    else if (value !== '0' && value !== '1') issue("Afficher l'offre sur la boutique virtuelle", 'INVALID_FLAG', `"${value}" must be 0 (hidden) or 1 (shown in the shop)`);
    showInShop = value === '1';
  }

  if (errors.length > before || type === null || scope === null) return null;
  return { line: row.line, code, type, title, scope, scopeCode: scope === 'ALL' ? null : scopeCode, scopeLabel, startDate, endDate, showInShop };
}
