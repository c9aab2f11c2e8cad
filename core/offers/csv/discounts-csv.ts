import type { Discount, DiscountTarget, Engagement, Offer } from '../offer.ts';
import { formatFrenchDate, formatScaled } from './french-format.ts';
import { formatCsv } from './rfc4180.ts';

/** Engagements and discounts file, one row per discount (format in DISCOUNTS-CSV.md). */
export const DISCOUNT_CSV_COLUMNS = [
  'Code offre',
  'N° engagement',
  'Date début engagement',
  'Date fin engagement',
  'Code remise',
  'Type cible',
  'Code cible',
  'Type remise',
  'Valeur',
  'Quantité minimum',
] as const;

/** One of {@link DISCOUNT_CSV_COLUMNS}. */
export type DiscountCsvColumn = (typeof DISCOUNT_CSV_COLUMNS)[number];

/** Columns whose header must be present; dates and minimum quantity may be left out entirely. */
export const REQUIRED_DISCOUNT_COLUMNS: readonly DiscountCsvColumn[] = ['Code offre', 'N° engagement', 'Code remise', 'Type cible', 'Code cible', 'Type remise', 'Valeur'];

/** "Type cible" codes. */
export const TARGET_CSV_CODES = ['PRODUIT', 'SOUS-FAMILLE', 'FAMILLE', 'SUR-FAMILLE', 'CATALOGUE'] as const;
export type TargetCsvCode = (typeof TARGET_CSV_CODES)[number];

/** "Type remise" codes: a fixed unit price HT in euros, or a percentage. */
export const VALUE_CSV_CODES = ['PRIX', 'POURCENTAGE'] as const;

/** The "Type cible" code of a target. */
export function targetCsvCode(target: DiscountTarget): TargetCsvCode {
  if (target.kind === 'product') return 'PRODUIT';
  if (target.kind === 'catalog') return 'CATALOGUE';
  return target.level === 'sub' ? 'SOUS-FAMILLE' : target.level === 'family' ? 'FAMILLE' : 'SUR-FAMILLE';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function engagementFields(offer: Offer, engagement: Engagement): string[] {
  return [
    offer.code,
    String(engagement.number),
    engagement.startDate === null ? '' : formatFrenchDate(engagement.startDate),
    engagement.endDate === null ? '' : formatFrenchDate(engagement.endDate),
  ];
}

function discountFields(discount: Discount): string[] {
  const target = discount.target;
  const value = discount.value;
  return [
    discount.code,
    targetCsvCode(target),
    target.kind === 'product' ? target.ref : target.kind === 'family' ? target.code : '',
    value.kind === 'fixed' ? 'PRIX' : 'POURCENTAGE',
    value.kind === 'fixed' ? formatScaled(value.unitPrice, 2, true) : formatScaled(value.rate, 2),
    discount.minQuantity === undefined ? '' : formatScaled(discount.minQuantity, 3),
  ];
}

/** The records of one offer: per engagement (by number), one per discount (by code), or one bare row. */
export function discountCsvRecords(offer: Offer): string[][] {
  const records: string[][] = [];
  for (const engagement of [...offer.engagements].sort((a, b) => a.number - b.number)) {
    const head = engagementFields(offer, engagement);
    if (engagement.discounts.length === 0) records.push([...head, '', '', '', '', '', '']);
    const discounts = [...engagement.discounts].sort((a, b) => compareText(a.code, b.code));
    for (const discount of discounts) records.push([...head, ...discountFields(discount)]);
  }
  return records;
}

/**
 * Exports the engagements and discounts of live offers (by offer code), in the same dialect as the
 * offers file: UTF-8 with BOM, `;`, CRLF, quoted only when needed, French decimals.
 */
export function exportDiscountsCsv(offers: readonly Offer[]): string {
  const live = offers.filter((o) => o.deletedAt === null).sort((a, b) => compareText(a.code, b.code));
  return formatCsv([[...DISCOUNT_CSV_COLUMNS], ...live.flatMap(discountCsvRecords)], ';');
}
