import { bp, cents, milli } from '../money/units.ts';
import { convertPrice } from '../quote/price-mode.ts';
import type { Discount, PriceMode, Quote, QuoteLine, QuoteStatus } from '../quote/quote.ts';
import { computeTotals } from '../quote/totals.ts';
import { addDays, dateOf } from '../shared/clock.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { DossierId, ProductId, QuoteId, QuoteLineId } from '../shared/ids.ts';
import { docRandom, streamId, weighted } from './demo-random.ts';
import type { Random } from './demo-random.ts';
import { shiftInstant } from './demo-time.ts';
import { largeClient, largeProduct } from './large-catalog.ts';
import type { DossierPlan, LargeShape } from './large-dossiers.ts';

const LINES = streamId('large/quote-lines');
const STATUS = streamId('large/quote-status');

/** What every large document generator shares. */
export interface LargeContext {
  readonly seed: number;
  readonly shape: LargeShape;
  readonly now: IsoInstant;
  /** When the catalog and the customers were last written (before any dossier). */
  readonly referenceAt: IsoInstant;
}

const MISC_LABELS = ['Supplément chambre individuelle', 'Animation enfants en soirée', 'Location salle hors-sac', 'Goûter d’arrivée pour le groupe', 'Photographe pendant la sortie'];
const COMMENTS = ['Prix garantis sous réserve de disponibilité à la réservation.', 'Horaires des cours communiqués la veille par l’ESF.', 'Le matériel est à retirer au magasin du front de neige.'];

function lineFor(ctx: LargeContext, random: Random, id: QuoteLineId, mode: PriceMode, first: boolean): QuoteLine {
  const kind = first ? 'product' : weighted(random, [['product', 75], ['misc', 10], ['fee', 7], ['comment', 8]] as const);
  const discount: Discount | null = random.chance(0.2) ? { kind: 'percent', rate: bp(random.int(1, 6) * 500) } : null;
  const quantity = milli(random.chance(0.1) ? random.int(1, 20) * 500 : random.int(1, 12) * 1000);
  switch (kind) {
    case 'product': {
      const product = largeProduct(ctx.seed, random.int(0, ctx.shape.products - 1), ctx.referenceAt);
      const price = convertPrice(product.unitPrice, product.vatRate, 'HT', mode);
      return {
        id, kind, productId: product.id as ProductId, productRef: product.ref, label: product.label, unitPrice: price, quantity,
        vatRate: product.vatRate, discount, pricing: { source: 'catalog', listPrice: price, explanation: '', offerRef: null },
      };
    }
    case 'misc':
      return { id, kind, label: random.pick(MISC_LABELS), unitPrice: cents(random.int(500, 40_000)), quantity, vatRate: bp(random.pick([2000, 1000])), discount };
    case 'fee':
      return { id, kind, label: random.pick(['Frais de dossier', 'Taxe de séjour', 'Frais de transfert']), amount: cents(random.int(500, 6_000)), vatRate: bp(random.pick([2000, 0])) };
    case 'comment':
      return { id, kind, text: random.pick(COMMENTS) };
  }
}

/** Status of version `version` of a dossier's quotes, as its stage implies (DESIGN §5). */
function statusOf(plan: DossierPlan, version: number, seed: number): QuoteStatus {
  if (version < plan.versions) return 'sent';
  switch (plan.stage) {
    case 'new':
      return 'draft';
    case 'in_progress':
      return docRandom(seed, STATUS, plan.index).chance(0.5) ? 'sent' : 'draft';
    case 'archived':
      return plan.outcome === 'fulfilled' ? 'accepted' : plan.outcome === 'declined' ? 'declined' : plan.outcome === 'expired' ? 'expired' : 'draft';
    default:
      return 'accepted';
  }
}

/**
 * Version `version` of dossier `plan.index`'s quote. Both versions share their lines and line ids
 * (a revision keeps the lines, DESIGN §9) and differ by a 5 % footer discount. A new request's
 * draft has no line yet. Totals come from `computeTotals`.
 */
export function largeQuote(ctx: LargeContext, plan: DossierPlan, version: 1 | 2): Quote {
  const client = largeClient(ctx.seed, plan.clientIndex, ctx.referenceAt);
  const priceMode: PriceMode = client.kind === 'person' ? 'TTC' : 'HT';
  const random = docRandom(ctx.seed, LINES, plan.index);
  const dossierId = `dossier-${String(plan.index + 1).padStart(6, '0')}` as DossierId;
  const id = `quote-${String(plan.index + 1).padStart(6, '0')}-v${version}` as QuoteId;
  const count = plan.stage === 'new' ? 0 : random.int(1, 15);
  const lines = Array.from({ length: count }, (_, k) => lineFor(ctx, random, `${dossierId}-l${k + 1}` as QuoteLineId, priceMode, k === 0));
  const footerDiscount: Discount | null = version === 2 ? { kind: 'percent', rate: bp(500) } : null;
  const status = statusOf(plan, version, ctx.seed);
  const createdAt = shiftInstant(plan.createdAt, version === 1 ? 120 : 3 * 24 * 60);
  const sentAt = status === 'draft' ? null : shiftInstant(createdAt, 30);
  const decidedAt = status === 'accepted' || status === 'declined' || status === 'expired' ? shiftInstant(createdAt, 2 * 24 * 60) : null;
  const latest = [createdAt, sentAt, decidedAt].filter((at): at is string => at !== null).sort().at(-1) ?? createdAt;
  const cap = (at: IsoInstant): IsoInstant => (at < ctx.now ? at : ctx.now);
  return {
    id,
    dossierId,
    number: `Q-${plan.createdAt.slice(0, 4)}-${String(plan.index + 1).padStart(6, '0')}`,
    version,
    previousVersionId: version === 2 ? (`quote-${String(plan.index + 1).padStart(6, '0')}-v1` as QuoteId) : null,
    status,
    priceMode,
    currency: 'EUR',
    lines,
    footerDiscount,
    depositRate: bp(3000),
    validUntil: addDays(dateOf(createdAt), 30),
    negotiation: version === 2
      ? { state: 'finalised', clientComment: 'Le client demande un geste commercial.', internalComment: 'Remise de 5 % accordée sur la version 2.' }
      : { state: 'none', clientComment: '', internalComment: '' },
    transferredToOrder: null,
    transferredToInvoice: null,
    datesChanged: false,
    totals: computeTotals({ priceMode, lines, footerDiscount }),
    createdAt: cap(createdAt),
    updatedAt: cap(latest),
    sentAt: sentAt === null ? null : cap(sentAt),
    decidedAt: decidedAt === null ? null : cap(decidedAt),
  };
}
