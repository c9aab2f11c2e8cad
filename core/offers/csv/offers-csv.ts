import type { Offer, OfferScope, OfferType } from '../offer.ts';
import { formatFrenchDate } from './french-format.ts';
import { formatCsv } from './rfc4180.ts';
import { guardFormula } from './spreadsheet-safe.ts';

/** Seed 002's columns, in its order, with its exact headers. */
export const OFFER_CSV_COLUMNS = [
  'Code',
  'Type',
  'Libelle type',
  'Intitulé',
  'Type de périmètre',
  'Code périmètre',
  'Libellé périmètre',
  'Date début',
  'Date fin',
  "Afficher l'offre sur la boutique virtuelle",
] as const;

/** One of {@link OFFER_CSV_COLUMNS}. */
export type OfferCsvColumn = (typeof OFFER_CSV_COLUMNS)[number];

/** Seed 002 "Obligatoire" columns; the others are "Facultatif" / "Selon le cas". */
export const REQUIRED_OFFER_COLUMNS: readonly OfferCsvColumn[] = ['Code', 'Type', 'Intitulé', 'Type de périmètre'];

/** Seed 002 "Type": 0 = Offre commerciale, 1 = Marché public. */
export const OFFER_TYPE_CSV: Readonly<Record<OfferType, { readonly code: '0' | '1'; readonly label: string }>> = {
  commercial: { code: '0', label: 'Offre commerciale' },
  public_procurement: { code: '1', label: 'Marché public' },
};

/**
 * Seed 002 "Type de périmètre": TOUS, GROUPE, CLIENT. The seed's file has no code for its "Collecte"
 * (place) scope; Comptoir writes and reads `LIEU` for it (documented in DISCOUNTS-CSV.md) rather than
 * refusing to export those offers or silently dropping them.
 */
export const SCOPE_CSV_CODES: Readonly<Record<OfferScope, string>> = { ALL: 'TOUS', GROUP: 'GROUPE', CLIENT: 'CLIENT', PLACE: 'LIEU' };

/** Seed 002 "Libellé périmètre" for TOUS. */
export const ALL_CLIENTS_LABEL = 'Tous les clients';

/** One offer as a CSV record, in {@link OFFER_CSV_COLUMNS} order. */
export function offerCsvRecord(offer: Offer): string[] {
  const type = OFFER_TYPE_CSV[offer.type];
  return [
    offer.code,
    type.code,
    type.label,
    guardFormula(offer.title),
    SCOPE_CSV_CODES[offer.scope],
    offer.scope === 'ALL' ? '' : (offer.scopeCode ?? ''),
    offer.scope === 'ALL' ? ALL_CLIENTS_LABEL : guardFormula(offer.scopeLabel),
    offer.startDate === null ? '' : formatFrenchDate(offer.startDate),
    offer.endDate === null ? '' : formatFrenchDate(offer.endDate),
    offer.showInShop ? '1' : '0',
  ];
}

/**
 * Seed 002 "Exporter les offres": live offers (deleted ones are not part of the template) sorted by
 * code, as UTF-8 with BOM, `;`-separated, CRLF line ends, fields quoted only when needed: French
 * Excel opens it as is, and re-importing it unchanged changes nothing.
 */
export function exportOffersCsv(offers: readonly Offer[]): string {
  const live = offers.filter((o) => o.deletedAt === null).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return formatCsv([[...OFFER_CSV_COLUMNS], ...live.map(offerCsvRecord)], ';');
}
