import type { Product } from '../catalog/product.ts';
import { bp, cents, milli } from '../money/units.ts';
import { fixedClock } from '../shared/clock.ts';
import type { DossierId, ProductId, QuoteLineId } from '../shared/ids.ts';
import { sequentialIds } from '../shared/ids.ts';
import { unwrap } from '../shared/result.ts';
import type { QuoteContext } from './context.ts';
import { createDraft } from './draft.ts';
import type { CommentLine, Discount, FeeLine, MiscLine, PriceMode, ProductLine, Quote } from './quote.ts';
import { quoteSettings } from './settings.ts';
import type { QuoteSettings } from './settings.ts';

/**
 * Small builders for tests of quotes, here and in other parts (renderer, server). Amounts are
 * given as plain numbers of cents / thousandths / basis points to keep test tables readable.
 */

/** The fixed "now" of every fixture: Monday 2 March 2026, 09:00 UTC. */
export const FIXTURE_NOW = '2026-03-02T09:00:00.000Z';

/** A context with a fixed clock, deterministic ids (`id-1`, `id-2`, …) and default settings. */
export function testContext(overrides: { readonly now?: string; readonly settings?: Partial<QuoteSettings> } = {}): QuoteContext {
  return { clock: fixedClock(overrides.now ?? FIXTURE_NOW), ids: sequentialIds('id'), settings: quoteSettings(overrides.settings) };
}

/** A sellable, in-stock catalog product at 20 % VAT. */
export function aProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 'prod-1' as ProductId,
    ref: 'CHAISE-01',
    label: 'Chaise de bureau',
    labelEn: 'Office chair',
    family: { superFamily: 'MOB', family: 'SIEGE', subFamily: null },
    tags: [],
    unitPrice: cents(4590),
    vatRate: bp(2000),
    unit: 'pièce',
    sellable: true,
    stock: 'in_stock',
    updatedAt: FIXTURE_NOW,
    ...overrides,
  };
}

let lineCounter = 0;
const nextLineId = (): QuoteLineId => `line-${++lineCounter}` as QuoteLineId;

interface GoodsSpec {
  readonly unitPrice: number;
  /** In thousandths; default 1000 (one unit). */
  readonly quantity?: number;
  readonly vatRate: number;
  readonly discount?: Discount | null;
  readonly label?: string;
}

/** A product line, built directly (no validation) for totals tests. */
export function productLine(spec: GoodsSpec): ProductLine {
  return {
    id: nextLineId(),
    kind: 'product',
    productId: 'prod-1' as ProductId,
    productRef: 'REF',
    label: spec.label ?? 'Produit',
    unitPrice: cents(spec.unitPrice),
    quantity: milli(spec.quantity ?? 1000),
    vatRate: bp(spec.vatRate),
    discount: spec.discount ?? null,
    pricing: null,
  };
}

/** A misc ("Divers") line, built directly. */
export function miscLine(spec: GoodsSpec): MiscLine {
  return {
    id: nextLineId(),
    kind: 'misc',
    label: spec.label ?? 'Divers',
    unitPrice: cents(spec.unitPrice),
    quantity: milli(spec.quantity ?? 1000),
    vatRate: bp(spec.vatRate),
    discount: spec.discount ?? null,
  };
}

/** A fee line (shipping, booking fee), built directly. */
export function feeLine(amount: number, vatRate: number, label = 'Frais de port'): FeeLine {
  return { id: nextLineId(), kind: 'fee', label, amount: cents(amount), vatRate: bp(vatRate) };
}

/** A comment line. */
export function commentLine(text = 'Livraison sous 3 semaines'): CommentLine {
  return { id: nextLineId(), kind: 'comment', text };
}

export const percentOff = (basisPoints: number): Discount => ({ kind: 'percent', rate: bp(basisPoints) });
export const amountOff = (amountCents: number): Discount => ({ kind: 'amount', amount: cents(amountCents) });

/** An empty draft (number `Q-2026-000123`) created with `ctx`. */
export function aDraft(ctx: QuoteContext, priceMode: PriceMode = 'HT'): Quote {
  return unwrap(createDraft({ dossierId: 'dossier-1' as DossierId, number: 'Q-2026-000123', priceMode }, ctx));
}
