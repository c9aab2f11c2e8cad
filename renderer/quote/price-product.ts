import type { Milli } from '../../core/money/index.ts';
import { offerRef, resolvePrice } from '../../core/offers/resolve.ts';
import type { ScopedClient } from '../../core/offers/scope.ts';
import type { OfferIndex } from '../../core/offers/index-offers.ts';
import { convertPrice, type LinePricing, type PriceMode } from '../../core/quote/index.ts';
import type { ProductDoc } from '../../core/schemas/index.ts';
import type { Cents } from '../../core/money/index.ts';

/** What a new catalog line gets: its price in the quote's mode and why (shown on the line). */
export interface LinePrice {
  readonly unitPrice: Cents;
  readonly pricing: LinePricing;
}

const EXPLANATION_MAX = 2000;

/**
 * Prices a product for the dossier's client on the service date with the offer engine (DESIGN §6,
 * seed 002) and converts the HT result to the quote's price mode. Without a client, the list price.
 */
export function priceProduct(
  product: ProductDoc,
  client: ScopedClient | null,
  date: string,
  quantity: Milli,
  priceMode: PriceMode,
  index: OfferIndex,
  language: 'fr' | 'en',
): LinePrice {
  const listPrice = convertPrice(product.unitPrice, product.vatRate, 'HT', priceMode);
  if (client === null) return { unitPrice: listPrice, pricing: { source: 'catalog', listPrice, explanation: '', offerRef: null } };
  const resolution = resolvePrice(index, { client, product, date, quantity });
  const unitPrice = convertPrice(resolution.unitPrice, product.vatRate, 'HT', priceMode);
  const explanation = resolution.explanation[language].slice(0, EXPLANATION_MAX);
  return {
    unitPrice,
    pricing: {
      source: resolution.winner === null ? 'catalog' : 'offer',
      listPrice,
      explanation,
      offerRef: resolution.winner === null ? null : offerRef(resolution.winner),
    },
  };
}
