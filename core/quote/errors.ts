/**
 * Every expected failure of a quote operation. Each operation returns a narrower union (via
 * `Extract`) so the UI can switch over exactly the cases that can happen.
 */
export type QuoteErrorCode =
  /** A sent, accepted, declined or expired version is a document the client saw: edits go to a new version. */
  | 'QUOTE_FROZEN'
  /** The operation does not apply in the quote's current status (accepting a draft, versioning a draft…). */
  | 'INVALID_STATUS'
  /** The line id is not on this version (stale UI, or the line was removed by a sync merge). */
  | 'LINE_NOT_FOUND'
  /** Settings forbid quoting out-of-stock products (seed 000 option). */
  | 'PRODUCT_OUT_OF_STOCK'
  /** The catalog marks the product as not for sale; quoting it would promise what we cannot sell. */
  | 'PRODUCT_NOT_SELLABLE'
  /** Sending a quote without any priced line would send the client an empty document. */
  | 'QUOTE_EMPTY'
  /** The validity date has passed: the client may no longer accept, and we do not send stale offers. */
  | 'QUOTE_EXPIRED'
  /** `expire` was asked for a quote still within its validity. */
  | 'NOT_EXPIRED'
  /** A price or amount that is negative, fractional or beyond what a line may hold. */
  | 'INVALID_AMOUNT'
  /** Quantities must be positive; zero belongs to "remove the line". */
  | 'INVALID_QUANTITY'
  /** Labels are printed: required, and at most 200 characters to fit the PDF column. */
  | 'INVALID_LABEL'
  /** A comment line must say something and stay under 2,000 characters. */
  | 'INVALID_COMMENT'
  /** Misc and fee lines may only use the VAT rates the administrator allowed. */
  | 'VAT_RATE_NOT_ALLOWED'
  /** A discount rate outside 0–100 % or a negative discount amount. */
  | 'INVALID_DISCOUNT'
  /** An amount discount larger than its line would make the line negative; we refuse rather than clamp. */
  | 'DISCOUNT_EXCEEDS_LINE'
  /** A footer amount larger than the discountable goods would make the quote negative. */
  | 'DISCOUNT_EXCEEDS_TOTAL'
  /** A deposit rate outside 0–100 %. */
  | 'INVALID_RATE'
  /** A validity date that is not a calendar date or lies in the past. */
  | 'INVALID_DATE'
  /** A reorder that is not a permutation of the current lines, or a position off the list. */
  | 'INVALID_ORDER'
  /** The patch sets a field this kind of line does not have (a quantity on a fee, a price on a comment). */
  | 'FIELD_NOT_APPLICABLE'
  /** A quote line limit keeps the totals exactly representable and the PDF printable. */
  | 'TOO_MANY_LINES'
  /** The readable quote number is required: it is how the client and agents refer to the quote. */
  | 'INVALID_NUMBER'
  /** An order or invoice reference must be non-empty text. */
  | 'INVALID_REFERENCE'
  /** The quote already points to an order (or invoice); transferring twice would duplicate it. */
  | 'ALREADY_TRANSFERRED'
  /** Negotiation comments are capped so the quote document stays small to sync. */
  | 'COMMENT_TOO_LONG';
