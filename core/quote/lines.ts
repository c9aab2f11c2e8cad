import type { Product } from '../catalog/product.ts';
import { ONE } from '../money/units.ts';
import type { BasisPoints, Cents, Milli } from '../money/units.ts';
import type { QuoteLineId } from '../shared/ids.ts';
import { err } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { QuoteContext } from './context.ts';
import { applyDraftChanges, requireDraft } from './draft-edit.ts';
import type { QuoteErrorCode } from './errors.ts';
import { convertPrice } from './price-mode.ts';
import type { CommentLine, Discount, FeeLine, LinePricing, MiscLine, ProductLine, Quote, QuoteLine } from './quote.ts';
import { MAX_LINES, validateLine } from './validate-line.ts';
import type { LineErrorCode } from './validate-line.ts';

type Ctx = Pick<QuoteContext, 'clock' | 'ids' | 'settings'>;
/** Failures shared by every "add a line" operation. */
export type AddLineError = LineErrorCode | Extract<QuoteErrorCode, 'QUOTE_FROZEN' | 'TOO_MANY_LINES' | 'INVALID_ORDER'>;

interface Placement {
  /** Index the new line takes (a comment between two lines); default: at the end. */
  readonly position?: number;
}

function insertLine<L extends QuoteLine>(quote: Quote, line: L, placement: Placement, ctx: Ctx): Result<Quote, AddLineError> {
  const draft = requireDraft(quote);
  if (!draft.ok) return draft;
  if (quote.lines.length >= MAX_LINES) return err('TOO_MANY_LINES', `A quote holds at most ${MAX_LINES} lines.`);
  const position = placement.position ?? quote.lines.length;
  if (!Number.isInteger(position) || position < 0 || position > quote.lines.length) {
    return err('INVALID_ORDER', `Position ${position} is outside the quote's ${quote.lines.length} lines.`);
  }
  const valid = validateLine(line, ctx.settings);
  if (!valid.ok) return valid;
  const lines = [...quote.lines.slice(0, position), valid.value, ...quote.lines.slice(position)];
  return { ok: true, value: applyDraftChanges(quote, { lines }, ctx.clock) };
}

export interface ProductLineInput extends Placement {
  readonly product: Product;
  readonly quantity: Milli;
  /** Price in the quote's mode; default the catalog HT price converted to the quote's mode. */
  readonly unitPrice?: Cents;
  readonly discount?: Discount | null;
  /** From the offer engine; default "catalog", or "manual" when `unitPrice` overrides the list price. */
  readonly pricing?: LinePricing | null;
}

/**
 * Adds a catalog product. Refuses products not for sale, and out-of-stock products unless the
 * settings allow quoting them (seed 000 "Autorise une demande de devis sur les produits en ruptures").
 */
export function addProductLine(
  quote: Quote,
  input: ProductLineInput,
  ctx: Ctx,
): Result<Quote, AddLineError | Extract<QuoteErrorCode, 'PRODUCT_NOT_SELLABLE' | 'PRODUCT_OUT_OF_STOCK'>> {
  const { product } = input;
  const draft = requireDraft(quote);
  if (!draft.ok) return draft;
  if (!product.sellable) return err('PRODUCT_NOT_SELLABLE', `${product.ref} is not for sale.`);
  if (product.stock === 'out_of_stock' && !ctx.settings.allowOutOfStock) {
    return err('PRODUCT_OUT_OF_STOCK', `${product.ref} is out of stock and quotes on out-of-stock products are disabled.`);
  }
  const listPrice = convertPrice(product.unitPrice, product.vatRate, 'HT', quote.priceMode);
  const unitPrice = input.unitPrice ?? listPrice;
  const line: ProductLine = {
    id: ctx.ids.next() as QuoteLineId,
    kind: 'product',
    productId: product.id,
    productRef: product.ref,
    label: product.label,
    unitPrice,
    quantity: input.quantity,
    vatRate: product.vatRate,
    discount: input.discount ?? null,
    pricing: input.pricing ?? { source: unitPrice === listPrice ? 'catalog' : 'manual', listPrice, explanation: '', offerRef: null },
  };
  return insertLine(quote, line, input, ctx);
}

export interface MiscLineInput extends Placement {
  readonly label: string;
  /** In the quote's price mode. */
  readonly unitPrice: Cents;
  /** Default 1. */
  readonly quantity?: Milli;
  readonly vatRate: BasisPoints;
  readonly discount?: Discount | null;
}

/** Adds a "Divers" line: free label (≤ 200 characters), price and one of the allowed VAT rates. */
export function addMiscLine(quote: Quote, input: MiscLineInput, ctx: Ctx): Result<Quote, AddLineError> {
  const line: MiscLine = {
    id: ctx.ids.next() as QuoteLineId,
    kind: 'misc',
    label: input.label.trim(),
    unitPrice: input.unitPrice,
    quantity: input.quantity ?? ONE,
    vatRate: input.vatRate,
    discount: input.discount ?? null,
  };
  return insertLine(quote, line, input, ctx);
}

export interface FeeLineInput extends Placement {
  /** E.g. "Frais de port", "Frais de dossier". */
  readonly label: string;
  /** In the quote's price mode. */
  readonly amount: Cents;
  readonly vatRate: BasisPoints;
}

/** Adds shipping or fees: their own VAT rate, never reduced by the footer discount. */
export function addFeeLine(quote: Quote, input: FeeLineInput, ctx: Ctx): Result<Quote, AddLineError> {
  const line: FeeLine = { id: ctx.ids.next() as QuoteLineId, kind: 'fee', label: input.label.trim(), amount: input.amount, vatRate: input.vatRate };
  return insertLine(quote, line, input, ctx);
}

/** Adds a comment line (free text, no amount). */
export function addCommentLine(quote: Quote, input: { readonly text: string } & Placement, ctx: Ctx): Result<Quote, AddLineError> {
  const line: CommentLine = { id: ctx.ids.next() as QuoteLineId, kind: 'comment', text: input.text };
  return insertLine(quote, line, input, ctx);
}
