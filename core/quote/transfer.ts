import type { Clock } from '../shared/clock.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import { applyDraftChanges, requireDraft } from './draft-edit.ts';
import type { QuoteErrorCode } from './errors.ts';
import type { Quote } from './quote.ts';

type Ctx = { readonly clock: Clock };

/** Where an accepted quote went (seed 000 "Transféré … en commande / en facture"). */
export type TransferTarget = 'order' | 'invoice';

/**
 * Records that an accepted quote became an order or an invoice, with that document's reference.
 * Only accepted quotes are transferred (the client must have agreed first), each target once.
 */
export function markTransferred(
  quote: Quote,
  target: TransferTarget,
  ref: string,
  ctx: Ctx,
): Result<Quote, Extract<QuoteErrorCode, 'INVALID_STATUS' | 'INVALID_REFERENCE' | 'ALREADY_TRANSFERRED'>> {
  if (quote.status !== 'accepted') return err('INVALID_STATUS', `Only an accepted quote can be transferred; this one is ${quote.status}.`);
  const reference = ref.trim();
  if (reference === '' || reference.length > 64) return err('INVALID_REFERENCE', 'The document reference must be 1–64 characters.');
  const current = target === 'order' ? quote.transferredToOrder : quote.transferredToInvoice;
  if (current !== null) return err('ALREADY_TRANSFERRED', `This quote was already transferred to ${target} ${current}.`);
  const updatedAt = ctx.clock.now();
  return ok(target === 'order' ? { ...quote, transferredToOrder: reference, updatedAt } : { ...quote, transferredToInvoice: reference, updatedAt });
}

/**
 * Flags that the dossier's stay dates changed after the quote was priced (DESIGN §5): the quote
 * is kept, never dropped, and the UI offers to re-price it. Allowed in every status.
 */
export function markDatesChanged(quote: Quote, ctx: Ctx): Quote {
  if (quote.datesChanged) return quote;
  return { ...quote, datesChanged: true, updatedAt: ctx.clock.now() };
}

/** Clears the flag once the agent has re-priced the draft for the new dates. */
export function clearDatesChanged(quote: Quote, ctx: Ctx): Result<Quote, Extract<QuoteErrorCode, 'QUOTE_FROZEN'>> {
  const draft = requireDraft(quote);
  if (!draft.ok) return draft;
  return ok(applyDraftChanges(quote, { datesChanged: false }, ctx.clock));
}
