import type { SalesDocumentId } from '../model/sales-document.ts';
import { bp } from '../money/units.ts';
import type { ActivityOutcome } from '../pipeline/apply-event.ts';
import { applyEvent } from '../pipeline/apply-event.ts';
import type { DossierEvent, PipelineContext } from '../pipeline/dossier-event.ts';
import { newDossierEvent } from '../pipeline/dossier-event.ts';
import type { MoveError } from '../pipeline/move-dossier.ts';
import { moveDossier } from '../pipeline/move-dossier.ts';
import { pipelineFacts } from '../pipeline/pipeline-facts.ts';
import type { QuoteContext } from '../quote/context.ts';
import { accept, decline, expire, send } from '../quote/lifecycle.ts';
import { requestNegotiation, setNegotiationComments, setNegotiationState } from '../quote/negotiation.ts';
import type { Quote } from '../quote/quote.ts';
import { setFooterDiscount } from '../quote/quote-edit.ts';
import { markTransferred } from '../quote/transfer.ts';
import type { TransferTarget } from '../quote/transfer.ts';
import { newVersion } from '../quote/versioning.ts';
import type { Dossier } from '../pipeline/dossier.ts';
import type { Result } from '../shared/result.ts';
import { unwrap } from '../shared/result.ts';
import { displayName } from './demo-clients.ts';
import { orderState } from './order-states.ts';
import type { DossierStory } from './play-story.ts';
import { declineText, quoteSentText } from './story-messages.ts';
import type { StoryRecord } from './story-record.ts';

type QuoteCtx = QuoteContext & { readonly clock: { advance(minutes: number): string } };

/** A manual move as an activity outcome (one history record). */
export function moved(result: Result<{ readonly dossier: Dossier; readonly event: DossierEvent }, MoveError>): ActivityOutcome {
  const { dossier, event } = unwrap(result);
  return { dossier, events: [event] };
}

function emailed(story: DossierStory, record: StoryRecord, quote: Quote, ctx: PipelineContext): void {
  const { client } = story.client;
  const text = quoteSentText(client, quote.number, quote.version, story.agent.name);
  record.message('out', 'email', { id: story.agent.id, name: story.agent.name }, text.subject, text.body);
  const key = `quote.email:${quote.id}:${quote.version}`;
  const payload = { quoteId: quote.id, to: [client.email], templateId: 'quote-sent' };
  if (story.emailQueued === true) {
    record.command('quote.email', key, payload, null, story.agent.id);
    return;
  }
  record.command('quote.email', key, payload, { messageId: `<${quote.id}@mail.comptoir-des-neiges.fr>` }, story.agent.id);
  record.events.push(newDossierEvent(record.dossier, ctx, {
    kind: 'email_sent',
    quoteId: quote.id,
    summary: `quote ${quote.number} v${quote.version} emailed to ${displayName(client)}`,
    payload: { templateId: 'quote-sent', to: client.email },
  }));
}

function sendVersion(story: DossierStory, record: StoryRecord, quote: Quote, ctx: PipelineContext, quoteCtx: QuoteCtx): Quote {
  quoteCtx.clock.advance(25);
  const sent = record.saveQuote(unwrap(send(quote, quoteCtx)));
  record.apply(applyEvent(record.dossier, { kind: 'quote_sent', quote: sent }, ctx));
  emailed(story, record, sent, ctx);
  return sent;
}

/**
 * Sends the quote; with a negotiation twist, records the customer's commercial request (seed 000),
 * answers it with a discounted second version and closes the request as finalised.
 */
export function sendQuote(story: DossierStory, record: StoryRecord, quote: Quote, ctx: PipelineContext, quoteCtx: QuoteCtx): Quote {
  const sent = sendVersion(story, record, quote, ctx, quoteCtx);
  const negotiation = story.negotiation;
  if (negotiation === undefined) return sent;
  quoteCtx.clock.advance(60 * 26);
  record.message('call_note', 'phone', { id: story.agent.id, name: story.agent.name }, '', `Demande commerciale : ${negotiation.request}`);
  let current = record.saveQuote(unwrap(requestNegotiation(sent, negotiation.request, quoteCtx)));
  quoteCtx.clock.advance(120);
  current = record.saveQuote(setNegotiationState(current, 'in_progress', quoteCtx));
  let revised = unwrap(newVersion(current, quoteCtx));
  revised = unwrap(setFooterDiscount(revised, { kind: 'percent', rate: bp(negotiation.revisedDiscountRate) }, quoteCtx));
  revised = unwrap(setNegotiationComments(revised, { internalComment: negotiation.outcome }, quoteCtx));
  revised = setNegotiationState(record.saveQuote(revised), 'finalised', quoteCtx);
  return sendVersion(story, record, record.saveQuote(revised), ctx, quoteCtx);
}

/** The customer accepts on the portal; the dossier moves to awaiting payment. */
export function acceptQuote(story: DossierStory, record: StoryRecord, quote: Quote, words: string, ctx: PipelineContext, quoteCtx: QuoteCtx): Quote {
  quoteCtx.clock.advance(60 * 30 + (story.seq % 7) * 60);
  record.message('in', 'portal', { id: null, name: displayName(story.client.client) }, '', words);
  const accepted = record.saveQuote(unwrap(accept(quote, quoteCtx)));
  record.apply(applyEvent(record.dossier, { kind: 'quote_accepted', quote: accepted }, ctx));
  return accepted;
}

/** The customer says no (or never answers and the quote runs out); the agent archives the dossier. */
export function declineOrExpire(story: DossierStory, record: StoryRecord, quote: Quote, declined: boolean, ctx: PipelineContext, quoteCtx: QuoteCtx): void {
  if (declined) {
    quoteCtx.clock.advance(60 * 24 * 4);
    record.message('in', 'email', { id: null, name: displayName(story.client.client) }, `Re: votre devis ${quote.number}`, declineText(story.client.client));
    const closed = record.saveQuote(unwrap(decline(quote, quoteCtx)));
    record.events.push(newDossierEvent(record.dossier, ctx, {
      kind: 'quote_declined',
      quoteId: closed.id,
      summary: `quote ${closed.number} v${closed.version} declined`,
      payload: { quoteNumber: closed.number, version: closed.version },
    }));
  } else {
    quoteCtx.clock.advance(60 * 24 * 33);
    record.saveQuote(unwrap(expire(quote, { clock: quoteCtx.clock })));
  }
  quoteCtx.clock.advance(60 * 24);
  const facts = pipelineFacts([...record.quotes.values()], [...record.payments.values()]);
  record.apply(moved(moveDossier(record.dossier, 'archived', facts, ctx, { reason: declined ? 'quote_declined' : 'quote_expired' })));
}

/**
 * Applies an order progress state (seed 004): one history record (published or not), and the
 * e-mail it sends to the customer when its actions say so.
 */
export function applyOrderState(story: DossierStory, record: StoryRecord, quote: Quote, mnemonic: string, ctx: PipelineContext): void {
  const state = orderState(mnemonic);
  const published = state.actions.publish;
  record.events.push(newDossierEvent(record.dossier, ctx, {
    kind: 'order_state_applied',
    quoteId: quote.id,
    published,
    summary: `order state ${state.mnemonic} applied${published ? ' and published' : ''}`,
    payload: { stateId: state.id, mnemonic: state.mnemonic, type: state.type, indicator: state.indicator },
  }));
  record.command('order-state.apply', `order-state.apply:${quote.id}:${state.id}`, { quoteId: quote.id, stateId: state.id }, { applied: true }, story.agent.id);
  const { client } = story.client;
  if (state.actions.email) {
    record.events.push(newDossierEvent(record.dossier, ctx, {
      kind: 'email_sent',
      quoteId: quote.id,
      summary: `order state ${state.mnemonic} e-mailed to ${displayName(client)}`,
      payload: { templateId: `order-state-${state.id}`, to: client.email },
    }));
  }
  const mobile = client.phones.find((phone) => phone.startsWith('+336') || phone.startsWith('+337'));
  if (state.actions.sms && mobile !== undefined) {
    const text = client.language === 'en' ? state.sms.en : state.sms.fr;
    record.command('sms.send', `sms.send:${quote.id}:${state.id}`, { to: mobile, text }, { providerId: `sms-${quote.id}-${state.id}` }, story.agent.id);
    record.events.push(newDossierEvent(record.dossier, ctx, {
      kind: 'sms_sent',
      quoteId: quote.id,
      summary: `order state ${state.mnemonic} sent by SMS`,
      payload: { to: mobile, stateId: state.id },
    }));
  }
}

/**
 * Transfers the accepted quote to an order (once the deposit is in) or an invoice (once paid in
 * full), seed 000 "Transféré", and applies the matching order state. Numbers are left to the
 * dataset, which hands them out in issue order like the server does.
 */
export function transferTo(story: DossierStory, record: StoryRecord, quote: Quote, target: TransferTarget, ctx: PipelineContext, quoteCtx: QuoteCtx): Quote {
  const at = quoteCtx.clock.advance(15);
  const id = `${target}-${story.seq}` as SalesDocumentId;
  const transferred = record.saveQuote(unwrap(markTransferred(quote, target, id, quoteCtx)));
  record.documents.push({
    id,
    kind: target,
    quoteId: quote.id,
    dossierId: record.dossier.id,
    number: null,
    creditedDocumentId: null,
    currency: quote.currency,
    priceMode: quote.priceMode,
    totals: quote.totals,
    issuedBy: story.agent.id,
    issuedAt: at,
    updatedAt: at,
  });
  // Orders are the desk's own record; an invoice is issued (and numbered) by the server.
  if (target === 'invoice') record.command('invoice.issue', `invoice.issue:${quote.id}`, { quoteId: quote.id }, { documentId: id }, story.agent.id);
  applyOrderState(story, record, transferred, target === 'order' ? 'CONFIRMEE' : 'PLANIFIEE', ctx);
  return transferred;
}
