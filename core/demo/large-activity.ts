import type { Message, MessageChannel, MessageDirection, MessageId } from '../model/message.ts';
import { cents } from '../money/units.ts';
import type { Payment, PaymentRequestKind } from '../payment/payment.ts';
import { depositAmount } from '../quote/deposit.ts';
import type { Quote } from '../quote/quote.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { PaymentId } from '../shared/ids.ts';
import { docRandom, streamId, weighted } from './demo-random.ts';
import { shiftInstant } from './demo-time.ts';
import { largeAgent, largeClient } from './large-catalog.ts';
import type { DossierPlan } from './large-dossiers.ts';
import type { LargeContext } from './large-quotes.ts';

const MESSAGES = streamId('large/messages');

const BODIES: Readonly<Record<MessageDirection, readonly string[]>> = {
  in: [
    'Bonjour, pouvez-vous me confirmer les dates et le prix total pour notre groupe ? Merci.',
    'Nous serons finalement un de plus, est-il possible d’ajouter un forfait enfant ?',
    'Merci pour le devis. Le transfert depuis la gare est-il compris ?',
    'Pouvez-vous décaler notre arrivée d’un jour ? Merci d’avance.',
  ],
  out: [
    'Bonjour, vous trouverez ci-joint notre proposition mise à jour. Bien cordialement.',
    'Merci pour votre message, c’est bien noté : le devis est modifié en conséquence.',
    'Votre acompte est bien reçu, votre séjour est confirmé. À bientôt à la montagne !',
  ],
  internal_note: ['Option posée 48 h auprès de la résidence.', 'Client à rappeler jeudi matin.', 'Vérifier la disponibilité des moniteurs anglophones.'],
  call_note: ['Appel du client : hésite entre deux semaines, rappel prévu.', 'Appel sortant : messagerie, message laissé.', 'Le client confirme par téléphone, attend le lien de paiement.'],
};

const FIRST_CHANNEL: Readonly<Record<DossierPlan['source'], readonly [MessageDirection, MessageChannel]>> = {
  phone: ['call_note', 'phone'],
  web_form: ['in', 'web_form'],
  email: ['in', 'email'],
  walk_in: ['internal_note', 'internal'],
};

/**
 * Message `ordinal` of a dossier (0 = the request that opened it). Dossiers still in `new` only get
 * internal notes after the request: an answer to the customer would have moved them on.
 */
export function largeMessage(ctx: LargeContext, plan: DossierPlan, ordinal: number, index: number): Message {
  const random = docRandom(ctx.seed, MESSAGES, index);
  const [direction, channel]: readonly [MessageDirection, MessageChannel] =
    ordinal === 0
      ? FIRST_CHANNEL[plan.source]
      : plan.stage === 'new'
        ? ['internal_note', 'internal']
        : weighted<readonly [MessageDirection, MessageChannel]>(random, [
            [['out', 'email'], 40], [['in', 'email'], 25], [['call_note', 'phone'], 20], [['internal_note', 'internal'], 10], [['in', 'portal'], 5],
          ]);
  const agent = largeAgent(plan.agentIndex);
  const fromCustomer = direction === 'in';
  const client = fromCustomer ? largeClient(ctx.seed, plan.clientIndex, ctx.referenceAt) : null;
  const offset = ordinal === 0 ? 0 : Math.round(ordinal * 24 * 60 * (0.5 + random.next()));
  const at = shiftInstant(plan.createdAt, offset);
  const createdAt = at < ctx.now ? at : ctx.now;
  return {
    id: `message-${String(index + 1).padStart(7, '0')}` as MessageId,
    dossierId: `dossier-${String(plan.index + 1).padStart(6, '0')}` as Message['dossierId'],
    direction,
    channel,
    authorId: fromCustomer ? null : agent.id,
    authorName: client === null ? agent.name : client.companyName !== '' ? client.companyName : `${client.firstName} ${client.lastName}`,
    subject: channel === 'email' || channel === 'web_form' ? 'Demande de séjour' : '',
    body: random.pick(BODIES[direction]),
    createdAt,
    updatedAt: createdAt,
  };
}

/** Payments a dossier in its stage has had (0 to 4), against its accepted quote. */
export function paymentCount(plan: DossierPlan): number {
  switch (plan.stage) {
    case 'awaiting_payment':
      return 1;
    case 'deposit_paid':
      return 2;
    case 'paid':
    case 'processed':
      return 4;
    case 'archived':
      return plan.outcome === 'fulfilled' ? 4 : 0;
    default:
      return 0;
  }
}

/**
 * The payment requests and payments received of a dossier, consistent with its stage: awaiting
 * payment has an open deposit request; deposit paid has the deposit received; paid and processed
 * have the deposit and the balance received, so the pipeline's rules put each dossier where it is.
 */
export function largePayments(ctx: LargeContext, plan: DossierPlan, quote: Quote): Payment[] {
  const count = paymentCount(plan);
  if (count === 0) return [];
  const total = quote.totals.totalGross;
  const deposit = depositAmount(total, quote.depositRate);
  const base = quote.decidedAt ?? quote.updatedAt;
  const key = String(plan.index + 1).padStart(6, '0');
  const cap = (at: IsoInstant): IsoInstant => (at < ctx.now ? at : ctx.now);
  const out: Payment[] = [];
  const pay = (n: number, kind: PaymentRequestKind, amount: number, paid: boolean): void => {
    const requestedAt = cap(shiftInstant(base, n * 2 * 24 * 60 + 10));
    const receivedAt = cap(shiftInstant(requestedAt, 20 * 60));
    const requestId = `payment-${key}-${n * 2 + 1}` as PaymentId;
    out.push({
      id: requestId, type: 'request', dossierId: quote.dossierId, quoteId: quote.id, kind, amount: cents(amount),
      rate: kind === 'deposit' ? quote.depositRate : null, status: paid ? 'paid' : 'sent',
      link: `https://pay.comptoir-des-neiges.fr/p/${requestId}`, expiresAt: shiftInstant(requestedAt, 7 * 24 * 60),
      createdAt: requestedAt, updatedAt: paid ? receivedAt : requestedAt,
    });
    if (!paid) return;
    out.push({
      id: `payment-${key}-${n * 2 + 2}` as PaymentId, type: 'received', dossierId: quote.dossierId, quoteId: quote.id, requestId,
      amount: cents(amount), method: kind === 'deposit' ? 'card' : 'transfer', receivedAt, createdAt: receivedAt, updatedAt: receivedAt,
    });
  };
  pay(0, 'deposit', deposit, count > 1);
  if (count === 4) pay(1, 'balance', total - deposit, true);
  return out;
}
