import type { IsoDate } from '../../shared/clock.ts';
import { bp, cents, milli } from '../../money/units.ts';
import type { Milli } from '../../money/units.ts';
import { isValidCode } from '../offer-code.ts';
import type { DiscountTarget, DiscountValue } from '../offer.ts';
import type { CsvIssue } from './csv-issue.ts';
import type { TableRow } from './csv-table.ts';
import type { DiscountCsvColumn, TargetCsvCode } from './discounts-csv.ts';
import { TARGET_CSV_CODES } from './discounts-csv.ts';
import { parseFrenchDate, parseScaled } from './french-format.ts';

/** The discount part of a row; absent for a row that only declares an engagement. */
export interface DiscountPart {
  readonly code: string;
  readonly target: DiscountTarget;
  readonly value: DiscountValue;
  /** Null: no minimum; undefined: column absent, keep the stored one. */
  readonly minQuantity: Milli | null | undefined;
}

/** One valid row of the discounts file. Dates are undefined when their column is absent. */
export interface DiscountRow {
  readonly line: number;
  readonly offerCode: string;
  readonly engagementNumber: number;
  readonly startDate: IsoDate | null | undefined;
  readonly endDate: IsoDate | null | undefined;
  readonly discount: DiscountPart | null;
}

/** Looks up product references and family codes, when the caller can. */
export type TargetLookup = (target: DiscountTarget) => boolean;

const DISCOUNT_COLUMNS: readonly DiscountCsvColumn[] = ['Code remise', 'Type cible', 'Code cible', 'Type remise', 'Valeur', 'Quantité minimum'];

function toTarget(type: TargetCsvCode, code: string): DiscountTarget {
  switch (type) {
    case 'PRODUIT':
      return { kind: 'product', ref: code };
    case 'SOUS-FAMILLE':
      return { kind: 'family', level: 'sub', code };
    case 'FAMILLE':
      return { kind: 'family', level: 'family', code };
    case 'SUR-FAMILLE':
      return { kind: 'family', level: 'super', code };
    case 'CATALOGUE':
      return { kind: 'catalog' };
  }
}

/** Reads and checks one row of the discounts file; null when it has errors (pushed to `errors`). */
export function readDiscountRow(row: TableRow, errors: CsvIssue[], isKnownTarget?: TargetLookup): DiscountRow | null {
  const before = errors.length;
  const issue = (column: DiscountCsvColumn, code: CsvIssue['code'], message: string): void => {
    errors.push({ line: row.line, column, code, message });
  };
  const text = (column: DiscountCsvColumn): string => (row.get(column) ?? '').trim();
  const required = (column: DiscountCsvColumn): string => {
    const value = text(column);
    if (value === '') issue(column, 'REQUIRED_VALUE_MISSING', `"${column}" is mandatory`);
    return value;
  };
  const date = (column: DiscountCsvColumn): IsoDate | null | undefined => {
    const raw = row.get(column);
    if (raw === undefined || raw.trim() === '') return raw === undefined ? undefined : null;
    const parsed = parseFrenchDate(raw);
    if (parsed === null) issue(column, 'INVALID_DATE', `"${raw.trim()}" is not a date in the jj/mm/aaaa format`);
    return parsed;
  };

  const offerCode = required('Code offre');
  const numberText = required('N° engagement');
  const engagementNumber = /^\d{1,9}$/.test(numberText) ? Number(numberText) : 0;
  if (numberText !== '' && engagementNumber < 1) issue('N° engagement', 'ENGAGEMENT_NUMBER_INVALID', `"${numberText}" is not a whole number from 1`);
  const startDate = date('Date début engagement');
  const endDate = date('Date fin engagement');
  if (startDate && endDate && endDate < startDate) issue('Date fin engagement', 'END_BEFORE_START', 'the engagement ends before it starts');

  let discount: DiscountPart | null = null;
  if (DISCOUNT_COLUMNS.some((c) => text(c) !== '')) {
    const code = required('Code remise');
    if (code !== '' && !isValidCode(code)) issue('Code remise', 'DISCOUNT_CODE_INVALID', `discount code "${code}" may contain only letters and digits`);
    const typeText = required('Type cible').toUpperCase();
    const type = TARGET_CSV_CODES.find((t) => t === typeText);
    if (typeText !== '' && type === undefined) issue('Type cible', 'UNKNOWN_TARGET_TYPE', `"${typeText}" is not a target type: use ${TARGET_CSV_CODES.join(', ')}`);
    const targetCode = text('Code cible');
    if (type === 'CATALOGUE' && targetCode !== '') issue('Code cible', 'TARGET_CODE_NOT_ALLOWED', `leave "Code cible" empty for CATALOGUE (got "${targetCode}")`);
    if (type !== undefined && type !== 'CATALOGUE' && targetCode === '') {
      issue('Code cible', 'TARGET_CODE_MISSING', `${type} needs a ${type === 'PRODUIT' ? 'product reference' : 'family code'} in "Code cible"`);
    }
    const target = type === undefined ? null : toTarget(type, targetCode);
    if (target && target.kind !== 'catalog' && targetCode !== '' && isKnownTarget && !isKnownTarget(target)) {
      issue('Code cible', 'UNKNOWN_TARGET', `no ${type === 'PRODUIT' ? 'product' : 'family'} "${targetCode}" is known`);
    }
    const valueType = required('Type remise').toUpperCase();
    const valueText = required('Valeur');
    const amount = valueText === '' ? null : parseScaled(valueText, 2);
    if (valueType !== '' && valueType !== 'PRIX' && valueType !== 'POURCENTAGE') issue('Type remise', 'UNKNOWN_DISCOUNT_TYPE', `"${valueType}" is not a discount type: use PRIX or POURCENTAGE`);
    else if (valueText !== '' && amount === null) issue('Valeur', 'INVALID_VALUE', `"${valueText}" is not an amount with at most 2 decimals, e.g. 12,50 or 15`);
    else if (valueType === 'PRIX' && amount !== null && amount <= 0) issue('Valeur', 'FIXED_PRICE_NOT_POSITIVE', 'a price must be more than 0');
    else if (valueType === 'POURCENTAGE' && amount !== null && (amount <= 0 || amount > 10000)) issue('Valeur', 'PERCENT_OUT_OF_RANGE', 'a percentage must be more than 0 and at most 100');
    const quantityRaw = row.get('Quantité minimum');
    const quantity = quantityRaw === undefined || quantityRaw.trim() === '' ? null : parseScaled(quantityRaw, 3);
    if (quantityRaw !== undefined && quantityRaw.trim() !== '' && (quantity === null || quantity <= 0)) {
      issue('Quantité minimum', 'INVALID_QUANTITY', `"${quantityRaw.trim()}" is not a quantity above 0 with at most 3 decimals`);
    }
    if (errors.length === before && target !== null && amount !== null) {
      const value: DiscountValue = valueType === 'PRIX' ? { kind: 'fixed', unitPrice: cents(amount) } : { kind: 'percent', rate: bp(amount) };
      discount = { code, target, value, minQuantity: quantityRaw === undefined ? undefined : quantity === null ? null : milli(quantity) };
    }
  }
  if (errors.length > before) return null;
  return { line: row.line, offerCode, engagementNumber, startDate, endDate, discount };
}
