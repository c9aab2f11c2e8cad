import type { Offer } from '../offers/offer.ts';
import { generateOffers } from '../offers/generate.ts';
import type { ComptoirDocTypes } from '../schemas/collections.ts';
import { toClientDoc } from '../schemas/clients.ts';
import { toDossierDoc } from '../schemas/dossiers.ts';
import { toOfferDoc } from '../schemas/offers.ts';
import { toPaymentDoc } from '../schemas/payments.ts';
import { toProductDoc } from '../schemas/products.ts';
import type { IsoInstant } from '../shared/clock.ts';
import { dateFrom, daysBefore } from './demo-time.ts';
import { largePayments, largeMessage, paymentCount } from './large-activity.ts';
import { largeClient, largeProduct } from './large-catalog.ts';
import { dossierPlan, largeDossier, revisedDossier } from './large-dossiers.ts';
import type { LargeShape } from './large-dossiers.ts';
import { largeQuote } from './large-quotes.ts';
import type { LargeContext } from './large-quotes.ts';
import { largeReference } from './large-reference.ts';

/** DESIGN §13 "large": 10k clients, 5k products, 2k offers with 20k discounts, 50k dossiers, 60k quotes, 200k messages. */
export const LARGE_COUNTS = { clients: 10_000, products: 5_000, offers: 2_000, discounts: 20_000, dossiers: 50_000, quotes: 60_000, messages: 200_000 } as const;

/** Collections whose document `i` can be generated on its own. */
export type IndexedCollection = 'clients' | 'products' | 'offers' | 'dossiers' | 'quotes' | 'messages' | 'reference';
/** Every collection the large dataset fills; payments vary per dossier, so they are streamed only. */
export type LargeCollection = IndexedCollection | 'payments';

export interface LargeDatasetOptions {
  readonly seed: number;
  /** Every date lies before it: a year and a season of history. */
  readonly now: IsoInstant;
  /** Multiplies every count (e.g. 0.01 for tests); each collection keeps at least one document. */
  readonly scale?: number;
}

export interface LargeDataset {
  /** How many documents each collection holds (offers: documents; their discounts in `discounts`). */
  readonly counts: Readonly<Record<LargeCollection, number>> & { readonly discounts: number };
  /** Document `index` (0-based) of a collection, generated alone. */
  docAt<K extends IndexedCollection>(collection: K, index: number): ComptoirDocTypes[K];
  /** The documents of a collection in order, one at a time: nothing is kept once yielded. */
  docs<K extends LargeCollection>(collection: K): Generator<ComptoirDocTypes[K]>;
  /** The same in arrays of at most `size` documents, for bulk inserts. */
  batches<K extends LargeCollection>(collection: K, size: number): Generator<ComptoirDocTypes[K][]>;
}

const scaled = (count: number, scale: number): number => Math.max(1, Math.round(count * scale));

/**
 * The benchmark dataset of DESIGN §13, generated lazily and deterministically: each document comes
 * from its own seeded stream (documents never depend on what was generated before them), so a
 * benchmark can stream 200 000 messages without holding them, or fetch the last quote directly.
 * Stages, quote statuses and payments agree with the pipeline's rules. Offers come from the offer
 * engine's own generator (`generateOffers`), over these products and customers.
 */
export function largeDataset(options: LargeDatasetOptions): LargeDataset {
  const scale = options.scale ?? 1;
  const shape: LargeShape = {
    clients: scaled(LARGE_COUNTS.clients, scale),
    products: scaled(LARGE_COUNTS.products, scale),
    dossiers: scaled(LARGE_COUNTS.dossiers, scale),
    quotes: Math.max(scaled(LARGE_COUNTS.quotes, scale), scaled(LARGE_COUNTS.dossiers, scale)),
    messages: scaled(LARGE_COUNTS.messages, scale),
  };
  const ctx: LargeContext = { seed: options.seed, shape, now: options.now, referenceAt: daysBefore(options.now, 420, 6) };
  const offerCount = scaled(LARGE_COUNTS.offers, scale);
  const discountCount = Math.max(offerCount, scaled(LARGE_COUNTS.discounts, scale));
  let offers: Offer[] | null = null;
  // generateOffers draws all offers from one stream: generated once, on first use.
  const allOffers = (): Offer[] => {
    offers ??= generateOffers({
      seed: options.seed,
      offers: offerCount,
      discounts: discountCount,
      products: Array.from({ length: shape.products }, (_, i) => largeProduct(ctx.seed, i, ctx.referenceAt)),
      clients: Array.from({ length: shape.clients }, (_, i) => largeClient(ctx.seed, i, ctx.referenceAt)),
      from: dateFrom(options.now, -300),
    });
    return offers;
  };
  const reference = largeReference(options.now);
  const plan = (index: number) => dossierPlan(ctx.seed, shape, ctx.now, index);

  const generators: { readonly [K in IndexedCollection]: (index: number) => ComptoirDocTypes[K] } = {
    clients: (i) => toClientDoc(largeClient(ctx.seed, i, ctx.referenceAt)),
    products: (i) => toProductDoc(largeProduct(ctx.seed, i, ctx.referenceAt)),
    offers: (i) => {
      const offer = allOffers()[i];
      if (offer === undefined) throw new RangeError(`offer ${i} is beyond the ${offerCount} offers`);
      return toOfferDoc(offer);
    },
    dossiers: (i) => toDossierDoc(largeDossier(ctx.seed, plan(i), ctx.now)),
    quotes: (i) => (i < shape.dossiers ? largeQuote(ctx, plan(i), 1) : largeQuote(ctx, plan(revisedDossier(shape, i - shape.dossiers)), 2)),
    messages: (i) => largeMessage(ctx, plan(i % shape.dossiers), Math.floor(i / shape.dossiers), i),
    reference: (i) => {
      const doc = reference[i];
      if (doc === undefined) throw new RangeError(`reference ${i} is beyond the ${reference.length} documents`);
      return doc;
    },
  };

  let paymentTotal: number | null = null;
  const counts = {
    ...shape,
    offers: offerCount,
    discounts: discountCount,
    reference: reference.length,
    // Counting payments needs every dossier's stage: done once, when first read.
    get payments(): number {
      paymentTotal ??= Array.from({ length: shape.dossiers }, (_, i) => paymentCount(plan(i))).reduce((a, b) => a + b, 0);
      return paymentTotal;
    },
  };

  function* payments(): Generator<ComptoirDocTypes['payments']> {
    for (let i = 0; i < shape.dossiers; i += 1) {
      const p = plan(i);
      if (paymentCount(p) === 0) continue;
      for (const payment of largePayments(ctx, p, largeQuote(ctx, p, p.versions))) yield toPaymentDoc(payment);
    }
  }

  function* docs<K extends LargeCollection>(collection: K): Generator<ComptoirDocTypes[K]> {
    if (collection === 'payments') {
      // K is 'payments' here; TypeScript does not narrow a type parameter through the check.
      yield* payments() as Generator<ComptoirDocTypes[K]>;
      return;
    }
    const make = generators[collection as IndexedCollection] as (index: number) => ComptoirDocTypes[K];
    const count = counts[collection as IndexedCollection];
    for (let i = 0; i < count; i += 1) yield make(i);
  }

  function* batches<K extends LargeCollection>(collection: K, size: number): Generator<ComptoirDocTypes[K][]> {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
    let batch: ComptoirDocTypes[K][] = [];
    for (const doc of docs(collection)) {
      batch.push(doc);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  return {
    counts,
    docAt: (collection, index) => {
      if (!Number.isInteger(index) || index < 0 || index >= counts[collection]) {
        throw new RangeError(`${collection} has ${counts[collection]} documents; there is no document ${index}`);
      }
      return generators[collection](index);
    },
    docs,
    batches,
  };
}
