import type { Clock, IsoDate } from '../../shared/clock.ts';
import { codeKey } from '../offer-code.ts';
import type { Discount, Offer } from '../offer.ts';
import { validateOffer } from '../validate.ts';
import type { CsvIssue } from './csv-issue.ts';
import { readCsvTable } from './csv-table.ts';
import { readDiscountRow } from './discount-row.ts';
import type { DiscountRow, TargetLookup } from './discount-row.ts';
import { DISCOUNT_CSV_COLUMNS, REQUIRED_DISCOUNT_COLUMNS } from './discounts-csv.ts';
import type { DiscountCsvColumn } from './discounts-csv.ts';
import type { ImportPlan, OfferChange } from './import-plan.ts';
import { jsonEqual } from './json-equal.ts';

/** What a discounts import needs besides the file and the stored offers. */
export interface DiscountsImportContext {
  readonly clock: Clock;
  /** When given, product references and family codes are checked against the catalog. */
  readonly isKnownTarget?: TargetLookup;
}

const COLUMNS = DISCOUNT_CSV_COLUMNS.map((name) => ({ name, required: REQUIRED_DISCOUNT_COLUMNS.includes(name) }));

interface DraftEngagement {
  number: number;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  discounts: Discount[];
}

/** Which file line produced each engagement (by index) and discount (`e.d`), to locate save-check errors. */
interface Provenance {
  readonly firstLine: number;
  readonly engagementLine: Map<number, number>;
  readonly discountLine: Map<string, number>;
}

function merge(stored: Offer, rows: readonly DiscountRow[], now: string): { offer: Offer; provenance: Provenance } {
  const engagements: DraftEngagement[] = stored.engagements.map((e) => ({ ...e, discounts: [...e.discounts] }));
  const provenance: Provenance = { firstLine: rows[0]?.line ?? 1, engagementLine: new Map(), discountLine: new Map() };
  for (const row of rows) {
    let index = engagements.findIndex((e) => e.number === row.engagementNumber);
    if (index < 0) {
      engagements.push({ number: row.engagementNumber, startDate: row.startDate ?? null, endDate: row.endDate ?? null, discounts: [] });
      index = engagements.length - 1;
    }
    const engagement = engagements[index] as DraftEngagement;
    if (row.startDate !== undefined) engagement.startDate = row.startDate;
    if (row.endDate !== undefined) engagement.endDate = row.endDate;
    if (!provenance.engagementLine.has(index)) provenance.engagementLine.set(index, row.line);
    const part = row.discount;
    if (part === null) continue;
    const at = engagement.discounts.findIndex((d) => codeKey(d.code) === codeKey(part.code));
    const minQuantity = part.minQuantity === undefined ? engagement.discounts[at]?.minQuantity : (part.minQuantity ?? undefined);
    const discount: Discount = minQuantity === undefined ? { code: part.code, target: part.target, value: part.value } : { code: part.code, target: part.target, value: part.value, minQuantity };
    if (at >= 0) engagement.discounts[at] = discount;
    else engagement.discounts.push(discount);
    provenance.discountLine.set(`${index}.${at >= 0 ? at : engagement.discounts.length - 1}`, row.line);
  }
  return { offer: { ...stored, engagements, updatedAt: now }, provenance };
}

const ENGAGEMENT_FIELD: Readonly<Record<string, DiscountCsvColumn>> = { number: 'N° engagement', startDate: 'Date début engagement', endDate: 'Date fin engagement' };
const DISCOUNT_FIELD: Readonly<Record<string, DiscountCsvColumn>> = { code: 'Code remise', target: 'Code cible', value: 'Valeur', minQuantity: 'Quantité minimum' };

// Maps a validate.ts field path to the file line and column that produced it.
function locate(field: string, provenance: Provenance): { line: number; column: DiscountCsvColumn; fromFile: boolean } {
  const m = /^engagements\.(\d+)(?:\.discounts\.(\d+))?(?:\.(\w+))?$/.exec(field);
  if (!m) return { line: provenance.firstLine, column: 'Code offre', fromFile: false };
  const e = Number(m[1]);
  const engagementLine = provenance.engagementLine.get(e);
  if (m[2] === undefined) return { line: engagementLine ?? provenance.firstLine, column: ENGAGEMENT_FIELD[m[3] ?? ''] ?? 'N° engagement', fromFile: engagementLine !== undefined };
  const discountLine = provenance.discountLine.get(`${e}.${m[2]}`);
  return { line: discountLine ?? engagementLine ?? provenance.firstLine, column: DISCOUNT_FIELD[m[3] ?? ''] ?? 'Code remise', fromFile: discountLine !== undefined };
}

/**
 * Dry run of an engagements-and-discounts import: rows are grouped by offer code (offers must exist
 * and be live); engagements are matched by number and discounts by code (upsert), and anything not in
 * the file is kept. Every merged offer goes through the save checks; each error names its line and
 * column. `unchanged` counts offers the file would leave as they are. Apply with applyImport.
 */
export function planDiscountsImport(text: string, existing: readonly Offer[], context: DiscountsImportContext): ImportPlan {
  const table = readCsvTable(text, COLUMNS);
  const errors: CsvIssue[] = [...table.errors];
  const warnings: CsvIssue[] = [...table.warnings];
  const byCode = new Map(existing.map((o) => [o.code, o]));
  const rowsByOffer = new Map<Offer, DiscountRow[]>();
  const engagementSeen = new Map<string, DiscountRow>();
  const discountSeen = new Map<string, number>();

  for (const tableRow of table.rows) {
    const row = readDiscountRow(tableRow, errors, context.isKnownTarget);
    if (row === null) continue;
    const offer = byCode.get(row.offerCode);
    const issue = (column: DiscountCsvColumn, code: CsvIssue['code'], message: string): void => {
      errors.push({ line: row.line, column, code, message });
    };
    if (offer === undefined) {
      const near = existing.find((o) => codeKey(o.code) === codeKey(row.offerCode));
      issue('Code offre', 'UNKNOWN_OFFER', `no offer has code "${row.offerCode}"${near ? ` (did you mean ${near.code}?)` : ''}; import the offer first`);
      continue;
    }
    if (offer.deletedAt !== null) {
      issue('Code offre', 'OFFER_DELETED', `offer ${offer.code} is deleted; restore it before importing its discounts`);
      continue;
    }
    const engagementKey = `${offer.id}|${row.engagementNumber}`;
    const first = engagementSeen.get(engagementKey);
    if (first && (first.startDate !== row.startDate || first.endDate !== row.endDate)) {
      const column = first.startDate !== row.startDate ? 'Date début engagement' : 'Date fin engagement';
      issue(column, 'INCONSISTENT_ENGAGEMENT_DATES', `engagement ${row.engagementNumber} of offer ${offer.code} has other dates on line ${first.line}`);
      continue;
    }
    if (!first) engagementSeen.set(engagementKey, row);
    if (row.discount !== null) {
      const discountKey = `${engagementKey}|${codeKey(row.discount.code)}`;
      const line = discountSeen.get(discountKey);
      if (line !== undefined) {
        issue('Code remise', 'DUPLICATE_IN_FILE', `discount ${row.discount.code} of engagement ${row.engagementNumber}, offer ${offer.code}, is already on line ${line}`);
        continue;
      }
      discountSeen.set(discountKey, row.line);
    }
    const list = rowsByOffer.get(offer);
    if (list) list.push(row);
    else rowsByOffer.set(offer, [row]);
  }

  const now = context.clock.now();
  const planned = [...rowsByOffer].map(([stored, rows]) => ({ stored, ...merge(stored, rows, now) }));
  const world = new Map(existing.map((o) => [o.id, o]));
  for (const p of planned) world.set(p.offer.id, p.offer);
  const everyone = [...world.values()];
  const toUpdate: OfferChange[] = [];
  let unchanged = 0;
  for (const { stored, offer, provenance } of planned) {
    if (jsonEqual(stored.engagements, offer.engagements)) {
      unchanged += 1;
      continue;
    }
    const check = validateOffer(offer, everyone);
    for (const e of check.errors) {
      const { line, column } = locate(e.field, provenance);
      errors.push({ line, column, code: e.code, message: `offer ${offer.code}: ${e.message}` });
    }
    for (const w of check.warnings) {
      const { line, column, fromFile } = locate(w.field, provenance);
      if (fromFile) warnings.push({ line, column, code: w.code, message: `offer ${offer.code}: ${w.message}` });
    }
    toUpdate.push({ before: stored, after: offer });
  }
  errors.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  return { toCreate: [], toUpdate, unchanged, errors, warnings };
}
