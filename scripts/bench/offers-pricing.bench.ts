// Pricing a 200-line quote against the DESIGN §13 "large" offer set (2k offers, 20k discounts over
// 5k products and 10k clients), explanation included. Target: < 5 ms per quote.
import { generateClients, generateProducts } from '../../core/offers/generate-catalog.ts';
import { generateOffers } from '../../core/offers/generate.ts';
import { buildOfferIndex } from '../../core/offers/index-offers.ts';
import type { OfferIndex } from '../../core/offers/index-offers.ts';
import { resolvePrice } from '../../core/offers/resolve.ts';
import { seededRandom } from '../../core/offers/prng.ts';
import type { Client } from '../../core/clients/client.ts';
import type { Product } from '../../core/catalog/product.ts';
import { milli } from '../../core/money/units.ts';
import type { Figure } from './figure.ts';

const SEED = 2026;
const LINES = 200;
const QUOTES = 40;
const WARM_UP = 30;
const RUNS = 300;
const DATE = '2026-07-15';


interface QuoteToPrice {
  client: Client;
  products: Product[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function priceQuote(index: OfferIndex, quote: QuoteToPrice): number {
  let total = 0;
  for (const product of quote.products) {
    total += resolvePrice(index, { client: quote.client, product, date: DATE, quantity: milli(1000) }).unitPrice;
  }
  return total;
}

/** Runs the benchmark and returns its figures (see scripts/bench.mjs). */
export async function run(): Promise<Figure[]> {
  const products = generateProducts({ seed: SEED, count: 5_000 });
  const clients = generateClients({ seed: SEED + 1, count: 10_000 });
  const offers = generateOffers({ seed: SEED + 2, offers: 2_000, discounts: 20_000, products, clients });

  const buildTimes: number[] = [];
  let index = buildOfferIndex(offers);
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    index = buildOfferIndex(offers);
    buildTimes.push(performance.now() - start);
  }

  // Quotes for clients that have a group and a place, so every scope level is searched.
  const random = seededRandom(SEED + 3);
  const rich = clients.filter((c) => c.groupCode !== null && c.places.length > 0);
  const quotes: QuoteToPrice[] = Array.from({ length: QUOTES }, () => ({
    client: random.pick(rich),
    products: Array.from({ length: LINES }, () => random.pick(products)),
  }));

  let sink = 0;
  for (let i = 0; i < WARM_UP; i += 1) sink += priceQuote(index, quotes[i % QUOTES] as QuoteToPrice);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    sink += priceQuote(index, quotes[i % QUOTES] as QuoteToPrice);
    times.push(performance.now() - start);
  }
  if (sink < 0) throw new Error('unreachable: keeps the work observable');

  let candidates = 0;
  for (const quote of quotes) {
    for (const product of quote.products) {
      candidates += resolvePrice(index, { client: quote.client, product, date: DATE, quantity: milli(1000) }).explanation.steps.length;
    }
  }

  return [
    { name: 'build offer index (2k offers, 20k discounts), median of 5', value: median(buildTimes), unit: 'ms' },
    { name: 'price a 200-line quote with explanations, median', value: median(times), unit: 'ms', target: '< 5 ms' },
    { name: 'price a 200-line quote, p95', value: [...times].sort((a, b) => a - b)[Math.floor(RUNS * 0.95)] ?? 0, unit: 'ms' },
    { name: 'candidate discounts per line, mean', value: candidates / (QUOTES * LINES), unit: 'discounts' },
  ];
}
