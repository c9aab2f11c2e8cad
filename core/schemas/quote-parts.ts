import type {
  CommentLine, Discount, FeeLine, LinePricing, MiscLine, Negotiation, ProductLine, QuoteTotals, RateTotals,
} from '../quote/quote.ts';
import {
  arrayOf, centsField, enumField, idField, milliField, nullable, objectOf, rateField, textField, unionOf,
  type TypedSchema,
} from './json-fields.ts';

/**
 * Schemas of the objects embedded in a quote (and snapshotted in issued documents). Each is tied to
 * its TypeScript type by `objectOf<T>`, so a field added to the quote model without its schema fails
 * `tsc`.
 */

/** Most quotes have under 50 lines; the benchmark's largest has 200. */
export const MAX_QUOTE_LINES = 1000;
const LABEL_MAX = 500;

/** A line or footer discount: a percentage or an amount. */
export function discountSchema(): TypedSchema {
  return unionOf([
    objectOf<Extract<Discount, { kind: 'percent' }>>({ kind: enumField(['percent']), rate: rateField() }),
    objectOf<Extract<Discount, { kind: 'amount' }>>({ kind: enumField(['amount']), amount: centsField() }),
  ]);
}

function pricingSchema(): TypedSchema {
  return objectOf<LinePricing>({
    source: enumField(['catalog', 'offer', 'manual']),
    listPrice: centsField(),
    explanation: textField(2000),
    offerRef: nullable(textField(200)),
  });
}

/** One quote line: product, misc ("Divers"), fee/shipping or comment, discriminated by `kind`. */
export function quoteLineSchema(): TypedSchema {
  return unionOf([
    objectOf<ProductLine>({
      id: idField(),
      kind: enumField(['product']),
      productId: idField(),
      productRef: textField(64),
      label: textField(LABEL_MAX),
      unitPrice: centsField(),
      quantity: milliField(),
      vatRate: rateField(),
      discount: nullable(discountSchema()),
      pricing: nullable(pricingSchema()),
    }),
    objectOf<MiscLine>({
      id: idField(),
      kind: enumField(['misc']),
      label: textField(LABEL_MAX),
      unitPrice: centsField(),
      quantity: milliField(),
      vatRate: rateField(),
      discount: nullable(discountSchema()),
    }),
    objectOf<FeeLine>({
      id: idField(),
      kind: enumField(['fee']),
      label: textField(LABEL_MAX),
      amount: centsField(),
      vatRate: rateField(),
    }),
    objectOf<CommentLine>({ id: idField(), kind: enumField(['comment']), text: textField(5000) }),
  ]);
}

export function quoteLinesSchema(): TypedSchema {
  return arrayOf(quoteLineSchema(), MAX_QUOTE_LINES);
}

export function negotiationSchema(): TypedSchema {
  return objectOf<Negotiation>({
    state: enumField(['none', 'untreated', 'in_progress', 'finalised', 'cancelled']),
    clientComment: textField(5000),
    internalComment: textField(5000),
  });
}

/** Computed totals, per VAT rate and overall. */
export function quoteTotalsSchema(): TypedSchema {
  const rate = objectOf<RateTotals>({
    vatRate: rateField(),
    net: centsField(),
    vat: centsField(),
    gross: centsField(),
    footerDiscountShare: centsField(),
  });
  return objectOf<QuoteTotals>({
    linesTotal: centsField(),
    footerDiscount: centsField(),
    totalNet: centsField(),
    totalVat: centsField(),
    totalGross: centsField(),
    byRate: arrayOf(rate, 50),
  });
}
