import type { OfferErrorCode, OfferWarningCode } from '../offer-issue.ts';

/**
 * What an import can object to, besides the save checks of validate.ts (which keep their codes).
 * Every issue names its line (1 = header) and, when it concerns one field, its column header.
 */
export type CsvIssueCode =
  | OfferErrorCode
  | OfferWarningCode
  | 'EMPTY_FILE'
  /** Neither `;` nor `,` in the header line (a tab-separated file, for instance). */
  | 'SEPARATOR_NOT_FOUND'
  | 'UNTERMINATED_QUOTE'
  | 'CHARACTERS_AFTER_QUOTE'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  /** Warning: a column this format does not know is ignored. */
  | 'UNKNOWN_COLUMN'
  | 'WRONG_FIELD_COUNT'
  | 'REQUIRED_VALUE_MISSING'
  /** The same offer code (or discount) twice in one file: which row should win is anybody's guess. */
  | 'DUPLICATE_IN_FILE'
  | 'INVALID_TYPE'
  /** Warning: "Libelle type" does not match "Type"; Type decides. */
  | 'TYPE_LABEL_MISMATCH'
  | 'UNKNOWN_SCOPE'
  /** The group, client or place code is not known (only when the caller supplies a lookup). */
  | 'UNKNOWN_SCOPE_CODE'
  | 'INVALID_FLAG'
  /** The code belongs to a deleted offer: restore it first, so an import never resurrects one silently. */
  | 'OFFER_DELETED'
  /** Discounts file: no offer has this code. */
  | 'UNKNOWN_OFFER'
  /** Discounts file: two rows of one engagement disagree on its dates. */
  | 'INCONSISTENT_ENGAGEMENT_DATES'
  | 'UNKNOWN_TARGET_TYPE'
  /** The product reference or family code is not known (only when the caller supplies a lookup). */
  | 'UNKNOWN_TARGET'
  | 'TARGET_CODE_NOT_ALLOWED'
  | 'UNKNOWN_DISCOUNT_TYPE'
  | 'INVALID_VALUE'
  | 'INVALID_QUANTITY';

/** One problem found in an import file. */
export interface CsvIssue {
  /** 1-based physical line where the record starts; 1 is the header. */
  readonly line: number;
  /** The column header as this format names it, or null for a whole-line or whole-file problem. */
  readonly column: string | null;
  readonly code: CsvIssueCode;
  readonly message: string;
}
