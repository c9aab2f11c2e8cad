import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../money/units.ts';
import { aPaymentRequest, aReceivedPayment } from '../payment/payment-builders.ts';
import { applyEvent } from './apply-event.ts';
import type { DossierActivity } from './apply-event.ts';
import { STAGES } from './dossier.ts';
import type { Stage } from './dossier.ts';
import { AGENT, aDossier, aPipelineContext, aQuote } from './pipeline-builders.ts';
import { stageRank } from './stage-rank.ts';

const QUOTE = aQuote();
const TOTAL = cents(100_000);
const DEPOSIT = cents(30_000);

function received(totalReceived: number, amount = totalReceived): DossierActivity {
  return {
    kind: 'payment_received',
    payment: aReceivedPayment({ amount: cents(amount) }),
    totalReceived: cents(totalReceived),
    depositAmount: DEPOSIT,
    totalGross: TOTAL,
  };
}

function stageAfter(stage: Stage, activity: DossierActivity): Stage {
  return applyEvent(aDossier({ stage }), activity, aPipelineContext()).dossier.stage;
}

describe('applyEvent', () => {
  it('turns a request into a dossier in progress on the first priced line, a message or a sent quote', () => {
    expect(stageAfter('new', { kind: 'priced_line_added', quote: QUOTE })).toBe('in_progress');
    expect(stageAfter('new', { kind: 'message_exchanged' })).toBe('in_progress');
    expect(stageAfter('new', { kind: 'quote_sent', quote: QUOTE })).toBe('in_progress');
  });

  it('awaits payment once the quote is accepted or a payment is requested', () => {
    expect(stageAfter('in_progress', { kind: 'quote_accepted', quote: QUOTE })).toBe('awaiting_payment');
    expect(stageAfter('new', { kind: 'payment_requested', request: aPaymentRequest() })).toBe('awaiting_payment');
  });

  it('follows the money: below the deposit, the deposit, the total', () => {
    expect(stageAfter('in_progress', received(10_000))).toBe('awaiting_payment');
    expect(stageAfter('awaiting_payment', received(29_999))).toBe('awaiting_payment');
    expect(stageAfter('awaiting_payment', received(30_000))).toBe('deposit_paid');
    expect(stageAfter('deposit_paid', received(99_999, 69_999))).toBe('deposit_paid');
    expect(stageAfter('deposit_paid', received(100_000, 70_000))).toBe('paid');
    expect(stageAfter('awaiting_payment', received(100_000))).toBe('paid');
  });

  it('never moves a dossier back, nor out of processed or archived', () => {
    expect(stageAfter('deposit_paid', { kind: 'quote_accepted', quote: QUOTE })).toBe('deposit_paid');
    expect(stageAfter('awaiting_payment', { kind: 'message_exchanged' })).toBe('awaiting_payment');
    expect(stageAfter('processed', received(100_000))).toBe('processed');
    expect(stageAfter('archived', received(100_000))).toBe('archived');
    expect(stageAfter('archived', { kind: 'priced_line_added', quote: QUOTE })).toBe('archived');
  });

  it('records the activity by its actor and the move by the system', () => {
    const at = '2026-05-06T14:30:00.000Z';
    const { dossier, events } = applyEvent(aDossier({ stage: 'in_progress' }), { kind: 'quote_accepted', quote: QUOTE }, aPipelineContext(at));
    expect(dossier.updatedAt).toBe(at);
    expect(events).toEqual([
      {
        id: 'evt-1', dossierId: 'dossier-1', at, actor: AGENT, kind: 'quote_accepted', fromStage: null, toStage: null,
        quoteId: 'quote-1', paymentId: null, amount: null, published: false, summary: 'quote Q-2026-000123 v1 accepted',
        payload: { quoteNumber: 'Q-2026-000123', version: 1 }, updatedAt: at,
      },
      {
        id: 'evt-2', dossierId: 'dossier-1', at, actor: 'system', kind: 'stage_changed', fromStage: 'in_progress', toStage: 'awaiting_payment',
        quoteId: null, paymentId: null, amount: null, published: false, summary: 'moved automatically (quote_accepted) from in_progress to awaiting_payment',
        payload: { cause: 'quote_accepted' }, updatedAt: at,
      },
    ]);
  });

  it('records payments with their amount even when the stage does not move', () => {
    const { dossier, events } = applyEvent(aDossier({ stage: 'archived' }), received(100_000), aPipelineContext());
    expect(dossier).toEqual(aDossier({ stage: 'archived' }));
    expect(events).toMatchObject([{ kind: 'payment_received', amount: 100_000, paymentId: 'received-1', summary: '1000.00 received by card' }]);
  });

  it('records nothing for a further priced line or message', () => {
    const dossier = aDossier({ stage: 'in_progress' });
    expect(applyEvent(dossier, { kind: 'priced_line_added', quote: QUOTE }, aPipelineContext())).toEqual({ dossier, events: [] });
  });

  it('keeps history records plain JSON', () => {
    const { events } = applyEvent(aDossier(), { kind: 'payment_requested', request: aPaymentRequest() }, aPipelineContext());
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });

  it('only ever moves forward, whatever happens', () => {
    const activity: fc.Arbitrary<DossierActivity> = fc.oneof(
      fc.constant<DossierActivity>({ kind: 'message_exchanged' }),
      fc.constant<DossierActivity>({ kind: 'priced_line_added', quote: QUOTE }),
      fc.constant<DossierActivity>({ kind: 'quote_sent', quote: QUOTE }),
      fc.constant<DossierActivity>({ kind: 'quote_accepted', quote: QUOTE }),
      fc.constant<DossierActivity>({ kind: 'payment_requested', request: aPaymentRequest() }),
      fc.integer({ min: 1, max: 150_000 }).map((n) => received(n)),
    );
    fc.assert(
      fc.property(fc.constantFrom(...STAGES), fc.array(activity, { maxLength: 20 }), (start, activities) => {
        let dossier = aDossier({ stage: start });
        for (const a of activities) {
          const next = applyEvent(dossier, a, aPipelineContext()).dossier;
          expect(stageRank(next.stage)).toBeGreaterThanOrEqual(stageRank(dossier.stage));
          if (dossier.stage === 'processed' || dossier.stage === 'archived') expect(next.stage).toBe(dossier.stage);
          // Processed is the agent's checkbox: no activity ticks it.
          if (next.stage !== dossier.stage) expect(next.stage).not.toBe('processed');
          dossier = next;
        }
      }),
    );
  });
});
