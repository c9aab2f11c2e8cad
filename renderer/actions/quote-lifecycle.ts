import { accept, decline, markTransferred, newVersion, send, type Quote, type QuoteErrorCode } from '../../core/quote/index.ts';
import type { SalesDocument, SalesDocumentId } from '../../core/model/sales-document.ts';
import { ok, type Result } from '../../core/shared/result.ts';
import type { ActionContext } from './action-context.ts';
import { queueCommand } from './commands.ts';
import { recordActivity } from './dossier-edits.ts';
import { quoteContext } from './quote-context.ts';

/** Who the quote email goes to and in which language. */
export interface Recipient {
  readonly email: string;
  readonly language: 'fr' | 'en';
}

type SendError = Extract<QuoteErrorCode, 'INVALID_STATUS' | 'QUOTE_EMPTY' | 'QUOTE_EXPIRED'>;

/**
 * "Email the quote" (seed 001): a draft is sent first (frozen, dossier activity), then a `quote.email`
 * command is queued; the server renders the PDF with the same core code and mails it. Re-sending a
 * sent quote only queues another email.
 */
export async function emailQuote(quote: Quote, to: Recipient, ctx: ActionContext): Promise<Result<Quote, SendError>> {
  let current = quote;
  if (quote.status === 'draft') {
    const sent = send(quote, quoteContext(ctx));
    if (!sent.ok) return sent;
    current = sent.value;
    await ctx.db.quotes.incrementalUpsert(current);
    await recordActivity(current.dossierId, { kind: 'quote_sent', quote: current }, ctx);
  }
  await queueCommand(
    'quote.email',
    current.id,
    { quoteId: current.id, dossierId: current.dossierId, to: [to.email], language: to.language, templateId: 'quote-sent' },
    ctx,
  );
  return ok(current);
}

type AcceptError = Extract<QuoteErrorCode, 'INVALID_STATUS' | 'QUOTE_EMPTY' | 'QUOTE_EXPIRED'>;

/** The customer said yes on the phone: a draft is sent (recorded) and accepted in one go. */
export async function acceptForClient(quote: Quote, ctx: ActionContext): Promise<Result<Quote, AcceptError>> {
  const qctx = quoteContext(ctx);
  let current = quote;
  if (current.status === 'draft') {
    const sent = send(current, qctx);
    if (!sent.ok) return sent;
    current = sent.value;
    await recordActivity(current.dossierId, { kind: 'quote_sent', quote: current }, ctx);
  }
  const accepted = accept(current, qctx);
  if (!accepted.ok) return accepted;
  await ctx.db.quotes.incrementalUpsert(accepted.value);
  await recordActivity(accepted.value.dossierId, { kind: 'quote_accepted', quote: accepted.value }, ctx);
  return ok(accepted.value);
}

export async function declineForClient(quote: Quote, ctx: ActionContext): Promise<Result<Quote, Extract<QuoteErrorCode, 'INVALID_STATUS'>>> {
  const declined = decline(quote, quoteContext(ctx));
  if (!declined.ok) return declined;
  await ctx.db.quotes.incrementalUpsert(declined.value);
  return ok(declined.value);
}

/** Seed 000 "edit a sent quote": the next version as a draft; the sent one stays as the client saw it. */
export async function createNextVersion(quote: Quote, ctx: ActionContext): Promise<Result<Quote, Extract<QuoteErrorCode, 'INVALID_STATUS'>>> {
  const next = newVersion(quote, quoteContext(ctx));
  if (!next.ok) return next;
  await ctx.db.quotes.insert(next.value);
  return ok(next.value);
}

type ConvertError = Extract<QuoteErrorCode, 'INVALID_STATUS' | 'INVALID_REFERENCE' | 'ALREADY_TRANSFERRED'>;

/**
 * Seed 000 "transférer en commande": issues an order document with a snapshot of the totals and
 * marks the quote transferred. Order numbers are the server's (like invoices, DESIGN §8): null here.
 */
export async function convertToOrder(quote: Quote, ctx: ActionContext): Promise<Result<Quote, ConvertError>> {
  const now = ctx.clock.now();
  const order: SalesDocument = {
    id: ctx.ids.next() as SalesDocumentId,
    kind: 'order',
    quoteId: quote.id,
    dossierId: quote.dossierId,
    number: null,
    creditedDocumentId: null,
    currency: quote.currency,
    priceMode: quote.priceMode,
    totals: quote.totals,
    issuedBy: ctx.user.id,
    issuedAt: now,
    updatedAt: now,
  };
  const marked = markTransferred(quote, 'order', order.id, ctx);
  if (!marked.ok) return marked;
  await ctx.db.documents.insert(order);
  await ctx.db.quotes.incrementalUpsert(marked.value);
  return ok(marked.value);
}
