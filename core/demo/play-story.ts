import { formatMoney } from '../money/format.ts';
import type { Cents } from '../money/units.ts';
import type { OfferIndex } from '../offers/index-offers.ts';
import { recordReceivedPayment } from '../payment/received-payment.ts';
import { requestPayment } from '../payment/request-payment.ts';
import { transitionRequest } from '../payment/request-status.ts';
import type { PaymentRequest, ReceivedPayment } from '../payment/payment.ts';
import { applyEvent } from '../pipeline/apply-event.ts';
import type { Dossier, DossierSource } from '../pipeline/dossier.ts';
import type { PipelineContext } from '../pipeline/dossier-event.ts';
import { moveDossier } from '../pipeline/move-dossier.ts';
import { pipelineFacts } from '../pipeline/pipeline-facts.ts';
import { setProcessed } from '../pipeline/processed.ts';
import type { Quote } from '../quote/quote.ts';
import { quoteSettings } from '../quote/settings.ts';
import type { IsoDate, IsoInstant } from '../shared/clock.ts';
import { dateOf } from '../shared/clock.ts';
import type { DossierId } from '../shared/ids.ts';
import { sequentialIds } from '../shared/ids.ts';
import { unwrap } from '../shared/result.ts';
import type { Product } from '../catalog/product.ts';
import type { DemoClient } from './demo-clients.ts';
import { displayName } from './demo-clients.ts';
import type { DemoUser } from './demo-directory.ts';
import { shiftInstant, storyClock } from './demo-time.ts';
import type { StoryClock } from './demo-time.ts';
import { acceptanceText, internalNote, paymentRequestText, replyText, thanksText } from './story-messages.ts';
import { buildQuote } from './story-quote.ts';
import type { PricingWorld, QuoteSpec } from './story-quote.ts';
import { storyRecord } from './story-record.ts';
import type { StoryDocs, StoryRecord } from './story-record.ts';
import { acceptQuote, applyOrderState, declineOrExpire, moved, sendQuote, transferTo } from './story-steps.ts';

/** How far a story goes: a pipeline stage, or one of the ways a dossier ends up archived. */
export type StoryEnding =
  | 'new'
  | 'in_progress'
  | 'awaiting_payment'
  | 'deposit_paid'
  | 'paid'
  | 'processed'
  | 'archived_processed'
  | 'archived_declined'
  | 'archived_expired'
  | 'archived_unanswered';

/** One dossier's life, from the customer's first words to where `ending` leaves it. */
export interface DossierStory {
  /** 1-based, in order of creation; ids derive from it. */
  readonly seq: number;
  /** Readable numbers (DESIGN §8), e.g. `D-2026-000104` and `Q-2026-000104`. */
  readonly dossierNumber: string;
  readonly quoteNumber: string;
  readonly client: DemoClient;
  readonly agent: DemoUser;
  readonly source: DossierSource;
  readonly subject: string;
  /** The customer's request as it arrived (web form, e-mail) or as the agent noted it (call). */
  readonly request: string;
  readonly stay: { readonly start: IsoDate; readonly end: IsoDate } | null;
  readonly partySize: number | null;
  readonly startedAt: IsoInstant;
  readonly quote: Omit<QuoteSpec, 'number'>;
  readonly ending: StoryEnding;
  readonly tags: readonly string[];
  /** A commercial request (seed 000) answered with a revised version carrying a footer discount. */
  readonly negotiation?: { readonly request: string; readonly revisedDiscountRate: number; readonly outcome: string };
  /** An in-progress dossier whose quote is still an unsent draft. */
  readonly draftOnly?: boolean;
  /** The quote e-mail is still in the outbox (sent offline). */
  readonly emailQueued?: boolean;
  readonly paymentMethod?: ReceivedPayment['method'];
}

/** Shared by every story: the catalog and the offers, priced on the day of the stay. */
export interface StoryWorld {
  readonly products: ReadonlyMap<string, Product>;
  readonly offers: OfferIndex;
}

function firstRequest(story: DossierStory, record: StoryRecord): void {
  const { client } = story.client;
  const customer = { id: null, name: displayName(client) };
  const agent = { id: story.agent.id, name: story.agent.name };
  switch (story.source) {
    case 'web_form':
      return record.message('in', 'web_form', customer, `Demande de devis : ${story.subject}`, story.request);
    case 'email':
      return record.message('in', 'email', customer, story.subject, story.request);
    case 'phone':
      return record.message('call_note', 'phone', agent, '', `Appel entrant de ${displayName(client)} : ${story.request}`);
    case 'walk_in':
      return record.message('internal_note', 'internal', agent, '', `Passage à l’accueil : ${story.request}`);
  }
}

function money(amount: Cents, story: DossierStory): string {
  return formatMoney(amount, 'EUR', story.client.client.language === 'en' ? 'en-GB' : 'fr-FR');
}

/** Requests a payment, sends its link, and (when `paid`) records the money and the dossier's move. */
function payment(story: DossierStory, record: StoryRecord, quote: Quote, kind: 'deposit' | 'balance', paid: boolean, ctx: PipelineContext, clock: StoryClock): void {
  const payIds = { clock, ids: sequentialIds(`p${story.seq}-${kind}`) };
  const request = unwrap(requestPayment({ kind, quote, payments: [...record.payments.values()] }, payIds));
  record.savePayment(request);
  record.apply(applyEvent(record.dossier, { kind: 'payment_requested', request }, ctx));
  clock.advance(3);
  const link = `https://pay.comptoir-des-neiges.fr/p/${request.id}`;
  const expiresAt = shiftInstant(clock.now(), 7 * 24 * 60);
  const sent: PaymentRequest = record.savePayment(unwrap(transitionRequest(request, 'sent', clock, { link, expiresAt })));
  const text = paymentRequestText(story.client.client, kind, money(request.amount, story));
  record.message('out', 'email', { id: story.agent.id, name: story.agent.name }, text.subject, `${text.body}\n${link}`);
  record.command('payment.request', `payment.request:${request.id}`, { paymentId: request.id, kind }, { link }, story.agent.id);
  if (!paid) return;

  clock.advance(kind === 'deposit' ? 60 * 20 : 60 * 24 * 6);
  const received = record.savePayment(unwrap(recordReceivedPayment(
    { dossierId: record.dossier.id, quoteId: quote.id, amount: sent.amount, method: story.paymentMethod ?? 'card', request: sent },
    payIds,
  )));
  record.savePayment(unwrap(transitionRequest(sent, 'paid', clock)));
  const facts = pipelineFacts([...record.quotes.values()], [...record.payments.values()]);
  record.apply(applyEvent(record.dossier, {
    kind: 'payment_received',
    payment: received,
    totalReceived: facts.totalReceived,
    depositAmount: facts.depositAmount,
    totalGross: facts.totalGross,
  }, { ...ctx, actor: 'system' }));
  const thanks = thanksText(story.client.client, money(received.amount, story));
  record.message('out', 'email', { id: story.agent.id, name: story.agent.name }, thanks.subject, thanks.body);
}

/**
 * Plays a dossier's story through the real domain operations: quote building and pricing with the
 * offer engine, send / accept / decline, payment requests and payments received, and the pipeline's
 * automatic and manual moves. So every stage, total, deposit and history record is one the
 * application itself would have produced.
 */
export function playStory(story: DossierStory, world: StoryWorld): StoryDocs {
  const clock = storyClock(story.startedAt);
  const ctx: PipelineContext = { actor: story.agent.id, clock, ids: sequentialIds(`e${story.seq}`) };
  const quoteCtx = { clock, ids: sequentialIds(`q${story.seq}`), settings: quoteSettings() };
  const unassigned = story.ending === 'new' && story.source === 'web_form';
  const dossier: Dossier = {
    id: `dossier-${story.seq}` as DossierId,
    number: story.dossierNumber,
    clientId: story.client.client.id,
    source: story.source,
    subject: story.subject,
    startDate: story.stay?.start ?? null,
    endDate: story.stay?.end ?? null,
    partySize: story.partySize,
    assignedTo: unassigned ? null : story.agent.id,
    team: story.agent.team,
    stage: 'new',
    processed: false,
    tags: [...story.tags],
    createdAt: story.startedAt,
    updatedAt: story.startedAt,
  };
  const record = storyRecord(dossier, clock, story.seq);
  firstRequest(story, record);
  if (story.ending === 'new') return record.done();
  if (story.ending === 'archived_unanswered') {
    clock.advance(60 * 24 * 20);
    record.apply(moved(moveDossier(record.dossier, 'archived', pipelineFacts([], []), ctx, { reason: 'no_answer' })));
    return record.done();
  }

  clock.advance(60 + (story.seq % 5) * 37);
  const agentName = story.agent.name;
  if (story.seq % 2 === 0) {
    const reply = replyText(story.client.client, agentName);
    record.message('out', 'email', { id: story.agent.id, name: agentName }, reply.subject, reply.body);
    record.apply(applyEvent(record.dossier, { kind: 'message_exchanged' }, ctx));
    clock.advance(90);
  }
  const pricing: PricingWorld = { ...world, client: story.client.client, serviceDate: story.stay?.start ?? dateOf(story.startedAt) };
  let quote = record.saveQuote(buildQuote(record.dossier.id, { ...story.quote, number: story.quoteNumber }, pricing, quoteCtx));
  record.apply(applyEvent(record.dossier, { kind: 'priced_line_added', quote }, ctx));
  if (story.seq % 3 === 0) record.message('internal_note', 'internal', { id: story.agent.id, name: agentName }, '', internalNote(story.seq));
  if (story.draftOnly === true) return record.done();

  quote = sendQuote(story, record, quote, ctx, quoteCtx);
  if (story.ending === 'in_progress') return record.done();
  if (story.ending === 'archived_declined' || story.ending === 'archived_expired') {
    declineOrExpire(story, record, quote, story.ending === 'archived_declined', ctx, quoteCtx);
    return record.done();
  }

  quote = acceptQuote(story, record, quote, acceptanceText(story.client.client), ctx, quoteCtx);
  payment(story, record, quote, 'deposit', story.ending !== 'awaiting_payment', ctx, clock);
  if (story.ending === 'awaiting_payment') return record.done();
  quote = transferTo(story, record, quote, 'order', ctx, quoteCtx);
  if (story.ending === 'deposit_paid') return record.done();

  clock.advance(60 * 24 * 3);
  payment(story, record, quote, 'balance', true, ctx, clock);
  transferTo(story, record, quote, 'invoice', ctx, quoteCtx);
  if (story.ending === 'paid') return record.done();

  clock.advance(60 * 24);
  const facts = pipelineFacts([...record.quotes.values()], [...record.payments.values()]);
  record.apply(unwrap(setProcessed(record.dossier, true, facts, ctx)));
  if (story.ending === 'processed') return record.done();

  clock.advance(60 * 24 * 30);
  applyOrderState(story, record, quote, 'REALISEE', ctx);
  clock.advance(60 * 24 * 2);
  record.apply(moved(moveDossier(record.dossier, 'archived', facts, ctx)));
  return record.done();
}
