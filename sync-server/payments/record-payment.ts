import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../../core/model/json.ts';
import type { PaymentRequest, ReceivedPayment } from '../../core/payment/index.ts';
import { recordReceivedPayment, transitionRequest } from '../../core/payment/index.ts';
import { applyEvent, pipelineFacts, type Dossier, type DossierEvent } from '../../core/pipeline/index.ts';
import type { Quote } from '../../core/quote/index.ts';
import { toPaymentDoc } from '../../core/schemas/index.ts';
import { transactionWithRetry, type Db, type Sql } from '../db/db.ts';
import { lockCollection } from '../sync/doc-store.ts';
import { fromJson } from '../commands/json.ts';
import { dossierPayments } from '../commands/quote-sources.ts';
import { newState, readBody, writeAsServer } from '../commands/server-writes.ts';
import { linkByRef } from './payment-links.ts';

/** What paying a link did. */
export type PayResult =
  /** Recorded now: the request is paid, the money received, the dossier moved if it had to. */
  | { readonly outcome: 'paid'; readonly payment: ReceivedPayment }
  /** Paid before (a second click, a replayed form): nothing more happened. */
  | { readonly outcome: 'already_paid' }
  /** Past its expiry: the request is (now) expired and nothing was paid. */
  | { readonly outcome: 'expired' }
  | { readonly outcome: 'cancelled' }
  /** The link exists but its request is not marked sent yet (the command is finishing). */
  | { readonly outcome: 'not_ready' }
  | { readonly outcome: 'not_found' };

const system = (now: Date) => ({ actor: 'system' as const, clock: { now: () => now.toISOString() }, ids: { next: () => randomUUID() } });

async function dossierQuotes(tx: Sql, dossierId: string): Promise<Quote[]> {
  const rows = await tx.query<{ doc: JsonObject }>(`SELECT doc FROM docs WHERE collection = 'quotes' AND dossier_id = $1 AND deleted = false`, [dossierId]);
  return rows.map((row) => fromJson<Quote>(row.doc));
}

/**
 * Records that the link `providerRef` was paid (the sandbox page's "Pay", or a hosted provider's
 * verified webhook): the payment request becomes `paid`, a card `ReceivedPayment` is inserted, and
 * the dossier moves as core/pipeline's automatic rules say (deposit reached → deposit_paid, total
 * reached → paid) with its `payment_received` and `stage_changed` events — one transaction, written
 * as the server through the document path, so every client sees it live.
 *
 * Idempotent: the request's status is read under the locks of dossiers, events and payments (taken
 * first, in the sync lock order), so of two concurrent clicks one pays and the other finds it paid.
 */
export async function payLink(db: Db, channel: string, providerRef: string, now: Date): Promise<PayResult> {
  return transactionWithRetry(db, async (tx) => {
    const link = await linkByRef(tx, providerRef);
    if (link === null) return { outcome: 'not_found' };
    for (const collection of ['dossiers', 'events', 'payments'] as const) await lockCollection(tx, collection);
    const body = await readBody(tx, 'payments', link.paymentId);
    if (body === null || body.type !== 'request') return { outcome: 'not_found' };
    const request = fromJson<PaymentRequest>(body);
    const ctx = system(now);
    if (request.status === 'paid') return { outcome: 'already_paid' };
    if (request.status === 'cancelled') return { outcome: 'cancelled' };
    if (request.status === 'expired') return { outcome: 'expired' };
    if (request.status === 'queued') return { outcome: 'not_ready' };
    if (now.getTime() >= link.expiresAt.getTime()) {
      const expired = transitionRequest(request, 'expired', ctx.clock);
      if (expired.ok) await writeAsServer(tx, channel, 'payments', [newState(toPaymentDoc(expired.value))]);
      return { outcome: 'expired' };
    }
    const paid = transitionRequest(request, 'paid', ctx.clock);
    if (!paid.ok) throw new Error(`sent payment request ${request.id} cannot be paid: ${paid.error.message}`);
    const received = recordReceivedPayment({ dossierId: request.dossierId, quoteId: request.quoteId, amount: request.amount, method: 'card', request }, ctx);
    if (!received.ok) throw new Error(`payment of request ${request.id} refused: ${received.error.message}`);

    const dossierBody = await readBody(tx, 'dossiers', request.dossierId);
    const payments = [...(await dossierPayments(tx, request.dossierId)).filter((p) => p.id !== request.id), paid.value, received.value];
    let events: readonly DossierEvent[] = [];
    if (dossierBody !== null) {
      const dossier = fromJson<Dossier>(dossierBody);
      const facts = pipelineFacts(await dossierQuotes(tx, request.dossierId), payments);
      const outcome = applyEvent(
        dossier,
        { kind: 'payment_received', payment: received.value, totalReceived: facts.totalReceived, depositAmount: facts.depositAmount, totalGross: facts.totalGross },
        ctx,
      );
      events = outcome.events;
      if (outcome.dossier !== dossier) await writeAsServer(tx, channel, 'dossiers', [newState(outcome.dossier)]);
    }
    await writeAsServer(tx, channel, 'events', events.map(newState));
    await writeAsServer(tx, channel, 'payments', [newState(toPaymentDoc(paid.value)), newState(toPaymentDoc(received.value))]);
    return { outcome: 'paid', payment: received.value };
  });
}
