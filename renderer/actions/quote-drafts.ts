import { isGoodsLine } from '../../core/quote/index.ts';
import { createDraft, type Quote } from '../../core/quote/index.ts';
import type { DossierId } from '../../core/shared/ids.ts';
import { err, ok, type Result } from '../../core/shared/result.ts';
import { referenceStore } from '../reference/reference-store.ts';
import type { ActionContext } from './action-context.ts';
import { recordActivity } from './dossier-edits.ts';
import { nextNumber } from './numbering.ts';
import { quoteContext } from './quote-context.ts';

/** A new quote (version 1, empty draft) on a dossier, numbered from this device's block. */
export async function createQuote(dossierId: string, ctx: ActionContext): Promise<Result<Quote, 'INVALID_NUMBER'>> {
  const number = await nextNumber(ctx.db, 'Q');
  const settings = referenceStore.getState().settings;
  const draft = createDraft({ dossierId: dossierId as DossierId, number, priceMode: settings.defaultPriceMode }, quoteContext(ctx));
  if (!draft.ok) return draft;
  await ctx.db.quotes.insert(draft.value);
  return ok(draft.value);
}

function goodsCount(quote: Quote): number {
  return quote.lines.filter(isGoodsLine).length;
}

/**
 * Stores an edited quote. A new product or misc line is dossier activity: the first one turns the
 * request into a dossier in progress (DESIGN §5, core `applyEvent`).
 */
export async function saveQuote(previous: Quote, next: Quote, ctx: ActionContext): Promise<void> {
  await ctx.db.quotes.incrementalUpsert(next);
  if (goodsCount(next) > goodsCount(previous)) {
    await recordActivity(next.dossierId, { kind: 'priced_line_added', quote: next }, ctx);
  }
}

/** Deletes a quote version (tombstone, replicated). An accepted or transferred quote is kept. */
export async function deleteQuote(quote: Quote, ctx: ActionContext): Promise<Result<true, 'INVALID_STATUS'>> {
  if (quote.status === 'accepted' || quote.transferredToOrder !== null) return err('INVALID_STATUS', 'an accepted quote is a commitment');
  const doc = await ctx.db.quotes.findOne(quote.id).exec();
  await doc?.remove();
  return ok(true);
}
