/**
 * What saving an offer can object to (seed 002, DESIGN §6). Errors block the save; warnings are shown
 * and the save goes on. The UI labels each code from its i18n files; `message` is the English text
 * for logs and the API.
 */
export type OfferErrorCode =
  /** Empty code: the save flow generates one first (withOfferCode), so an empty code here is a bug or a CSV row. */
  | 'CODE_MISSING'
  /** Seed 002: letters and digits only, no spaces or special characters. */
  | 'CODE_INVALID'
  /** Codes are unique, ignoring case, including deleted offers still restorable. */
  | 'DUPLICATE_OFFER_CODE'
  | 'TITLE_MISSING'
  /** Seed 002: dates are mandatory for a public procurement offer. */
  | 'PUBLIC_PROCUREMENT_WITHOUT_DATES'
  | 'INVALID_DATE'
  | 'END_BEFORE_START'
  /** GROUP, CLIENT and PLACE offers name their group, client or place. */
  | 'SCOPE_CODE_MISSING'
  /** An ALL offer with a scope code is ambiguous: the code would be silently ignored. */
  | 'SCOPE_CODE_NOT_ALLOWED'
  | 'ENGAGEMENT_NUMBER_INVALID'
  | 'DUPLICATE_ENGAGEMENT_NUMBER'
  /** Seed 002: an engagement's dates lie inside the offer's. */
  | 'ENGAGEMENT_OUTSIDE_OFFER'
  | 'DISCOUNT_CODE_INVALID'
  | 'DUPLICATE_DISCOUNT_CODE'
  | 'TARGET_CODE_MISSING'
  /** A fixed price of zero or less is a typo, not a discount; a free item is a quote-line discount. */
  | 'FIXED_PRICE_NOT_POSITIVE'
  /** 0 % does nothing and over 100 % would pay the client. */
  | 'PERCENT_OUT_OF_RANGE'
  | 'MIN_QUANTITY_INVALID';

export type OfferWarningCode =
  /**
   * Two discounts at the same scope (same level and same group/client/place) on the same target and
   * minimum quantity, valid on common days: the engine picks the lower price, then the first codes,
   * which is rarely what the author meant.
   */
  'OVERLAPPING_DISCOUNT';

/** One problem, located by a field path such as `engagements.0.discounts.2.value`. */
export interface OfferIssue<C extends string = OfferErrorCode | OfferWarningCode> {
  readonly code: C;
  readonly message: string;
  readonly field: string;
}

/** The result of checking an offer before saving it. */
export interface OfferCheck {
  readonly errors: readonly OfferIssue<OfferErrorCode>[];
  readonly warnings: readonly OfferIssue<OfferWarningCode>[];
}
