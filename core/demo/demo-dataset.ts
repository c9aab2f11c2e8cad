import type { SalesDocument } from '../model/sales-document.ts';
import { buildOfferIndex } from '../offers/index-offers.ts';
import type { CollectionName, ComptoirDocTypes } from '../schemas/collections.ts';
import { toClientDoc } from '../schemas/clients.ts';
import { toDossierDoc } from '../schemas/dossiers.ts';
import { toOfferDoc } from '../schemas/offers.ts';
import { toPaymentDoc } from '../schemas/payments.ts';
import { toProductDoc } from '../schemas/products.ts';
import type { IsoInstant } from '../shared/clock.ts';
import { demoClients } from './demo-clients.ts';
import { demoOffers } from './demo-offers.ts';
import { docRandom, streamId } from './demo-random.ts';
import { demoReference } from './demo-reference.ts';
import { demoStories } from './demo-stories.ts';
import { daysBefore } from './demo-time.ts';
import { playStory } from './play-story.ts';
import { tourismCatalog } from './tourism-catalog.ts';

/** Documents by collection, in the stored shapes (derived index keys included). */
export type DatasetDocs = { readonly [K in CollectionName]: ComptoirDocTypes[K][] };

export interface DemoDatasetOptions {
  /** Same seed and `now`, same documents, on every machine. */
  readonly seed: number;
  /** The demo's present: every date is placed around it, none after it. */
  readonly now: IsoInstant;
}

/**
 * Numbers orders and invoices in the order they were issued, per kind and year, as the server does
 * (invoice numbers are gapless and chronological, DESIGN §8).
 */
function numbered(documents: readonly SalesDocument[]): SalesDocument[] {
  const counters = new Map<string, number>();
  return [...documents]
    .sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : 0))
    .map((doc) => {
      const year = doc.issuedAt.slice(0, 4);
      const prefix = doc.kind === 'invoice' ? 'F' : doc.kind === 'order' ? 'C' : 'AV';
      const key = `${prefix}-${year}`;
      const next = (counters.get(key) ?? 0) + 1;
      counters.set(key, next);
      return { ...doc, number: `${key}-${String(next).padStart(6, '0')}` };
    });
}

/**
 * A realistic demo of a ski resort's sales desk (seeds 000–004): a 60-service catalog over a
 * 3-level family tree, 40 customers (families, works councils, schools, clubs, agencies, public
 * bodies), offers of every scope including public procurement, the desk's settings, users, order
 * states and templates, and 32 dossiers in every pipeline stage with their quotes, conversations,
 * history, payment requests, payments, orders, invoices and outbox commands.
 *
 * Every dossier is played through the domain operations (quote building, offer pricing, sending,
 * accepting, paying, pipeline moves), so the documents are consistent the way the application
 * would have left them. Deterministic: no clock, no `Math.random`.
 */
export function demoDataset(options: DemoDatasetOptions): DatasetDocs {
  const { seed, now } = options;
  const catalog = tourismCatalog(daysBefore(now, 60, 7));
  const clients = demoClients(docRandom(seed, streamId('clients'), 0), daysBefore(now, 50, 7));
  const offers = demoOffers(now);
  const world = { products: new Map(catalog.map((product) => [product.ref, product])), offers: buildOfferIndex(offers) };
  const stories = demoStories(docRandom(seed, streamId('stories'), 0), now, clients).map((story) => playStory(story, world));
  return {
    dossiers: stories.map((story) => toDossierDoc(story.dossier)),
    quotes: stories.flatMap((story) => story.quotes),
    messages: stories.flatMap((story) => story.messages),
    events: stories.flatMap((story) => story.events),
    clients: clients.map((c) => toClientDoc(c.client)),
    products: catalog.map(toProductDoc),
    offers: offers.map(toOfferDoc),
    payments: stories.flatMap((story) => story.payments.map(toPaymentDoc)),
    documents: numbered(stories.flatMap((story) => story.documents)),
    commands: stories.flatMap((story) => story.commands),
    reference: demoReference(now),
  };
}
