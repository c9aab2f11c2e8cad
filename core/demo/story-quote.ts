import type { Product } from '../catalog/product.ts';
import type { Client } from '../clients/client.ts';
import { bp, cents, milli } from '../money/units.ts';
import type { OfferIndex } from '../offers/index-offers.ts';
import { offerRef, resolvePrice } from '../offers/resolve.ts';
import type { QuoteContext } from '../quote/context.ts';
import { createDraft } from '../quote/draft.ts';
import { addCommentLine, addFeeLine, addMiscLine, addProductLine } from '../quote/lines.ts';
import { convertPrice } from '../quote/price-mode.ts';
import type { Discount, LinePricing, PriceMode, Quote } from '../quote/quote.ts';
import { setDepositRate, setFooterDiscount } from '../quote/quote-edit.ts';
import type { IsoDate } from '../shared/clock.ts';
import type { DossierId } from '../shared/ids.ts';
import { unwrap } from '../shared/result.ts';

/** One line an agent puts on a demo quote; amounts in cents, quantities in units (1.5 = one and a half). */
export type StoryItem =
  | { readonly kind: 'product'; readonly ref: string; readonly quantity: number; readonly discount?: Discount }
  | { readonly kind: 'misc'; readonly label: string; readonly unitPrice: number; readonly quantity?: number; readonly vatRate: number }
  | { readonly kind: 'fee'; readonly label: string; readonly amount: number; readonly vatRate: number }
  | { readonly kind: 'comment'; readonly text: string };

/** What a quote is made of in a story. */
export interface QuoteSpec {
  readonly number: string;
  readonly priceMode: PriceMode;
  readonly items: readonly StoryItem[];
  readonly footerDiscount?: Discount;
  /** Basis points; default the settings' 30 %. */
  readonly depositRate?: number;
}

/** What pricing needs to know: the catalog, the offers, who the customer is and the service date. */
export interface PricingWorld {
  readonly products: ReadonlyMap<string, Product>;
  readonly offers: OfferIndex;
  readonly client: Client;
  readonly serviceDate: IsoDate;
}

/** Longest explanation a quote line stores (the schema's limit). */
const MAX_EXPLANATION = 2000;

/**
 * The unit price and pricing record of a product for this customer, through the offer engine as
 * the desk prices it (DESIGN §6): negotiated, group or public-procurement prices show up with their
 * French explanation, in the quote's price mode.
 */
export function pricedProduct(product: Product, quantity: number, mode: PriceMode, world: PricingWorld): { unitPrice: number; pricing: LinePricing } {
  const resolution = resolvePrice(world.offers, { client: world.client, product, date: world.serviceDate, quantity: milli(Math.round(quantity * 1000)) });
  const listPrice = convertPrice(product.unitPrice, product.vatRate, 'HT', mode);
  const unitPrice = convertPrice(resolution.unitPrice, product.vatRate, 'HT', mode);
  if (resolution.winner === null) return { unitPrice, pricing: { source: 'catalog', listPrice, explanation: '', offerRef: null } };
  return {
    unitPrice,
    pricing: { source: 'offer', listPrice, explanation: resolution.explanation.fr.slice(0, MAX_EXPLANATION), offerRef: offerRef(resolution.winner) },
  };
}

/** Adds the spec's lines to a draft through the quote operations, so every total is the real one. */
export function addItems(draft: Quote, items: readonly StoryItem[], world: PricingWorld, ctx: QuoteContext): Quote {
  let quote = draft;
  for (const item of items) {
    switch (item.kind) {
      case 'product': {
        const product = world.products.get(item.ref);
        if (product === undefined) throw new RangeError(`the demo catalog has no ${item.ref}`);
        const { unitPrice, pricing } = pricedProduct(product, item.quantity, quote.priceMode, world);
        const quantity = milli(Math.round(item.quantity * 1000));
        quote = unwrap(addProductLine(quote, { product, quantity, unitPrice: cents(unitPrice), pricing, discount: item.discount ?? null }, ctx));
        break;
      }
      case 'misc':
        quote = unwrap(addMiscLine(quote, {
          label: item.label,
          unitPrice: cents(item.unitPrice),
          quantity: milli(Math.round((item.quantity ?? 1) * 1000)),
          vatRate: bp(item.vatRate),
        }, ctx));
        break;
      case 'fee':
        quote = unwrap(addFeeLine(quote, { label: item.label, amount: cents(item.amount), vatRate: bp(item.vatRate) }, ctx));
        break;
      case 'comment':
        quote = unwrap(addCommentLine(quote, { text: item.text }, ctx));
        break;
    }
  }
  return quote;
}

/** A draft holding the spec's lines, footer discount and deposit rate. */
export function buildQuote(dossierId: DossierId, spec: QuoteSpec, world: PricingWorld, ctx: QuoteContext): Quote {
  let quote = unwrap(createDraft({ dossierId, number: spec.number, priceMode: spec.priceMode }, ctx));
  quote = addItems(quote, spec.items, world, ctx);
  if (spec.footerDiscount !== undefined) quote = unwrap(setFooterDiscount(quote, spec.footerDiscount, ctx));
  if (spec.depositRate !== undefined) quote = unwrap(setDepositRate(quote, bp(spec.depositRate), ctx));
  return quote;
}
