import { describe, expect, it } from 'vitest';
import { cents } from '../money/units.ts';
import { STAGES } from './dossier.ts';
import type { Stage } from './dossier.ts';
import { checkMove, moveDossier } from './move-dossier.ts';
import { AGENT, aDossier, aDossierIn, aPipelineContext, factsFor } from './pipeline-builders.ts';
import { NO_FACTS } from './pipeline-facts.ts';
import type { PipelineFacts } from './pipeline-facts.ts';

function outcome(from: Stage, to: Stage, facts: PipelineFacts): string {
  const result = checkMove(aDossierIn(from), to, facts);
  return result.ok ? 'ok' : result.error.code;
}

// Every manual move from a dossier as it naturally is in its column (see factsFor): which card
// may an agent drag where, and what they are told when they may not.
// prettier-ignore
const FROM_ITS_OWN_FACTS: Readonly<Record<Stage, Readonly<Record<Stage, string>>>> = {
  new:              { new: 'SAME_STAGE',        in_progress: 'ok',                awaiting_payment: 'NO_ACCEPTED_QUOTE',    deposit_paid: 'DEPOSIT_NOT_PAID',   paid: 'NOT_FULLY_PAID', processed: 'NOT_PAID',   archived: 'ok' },
  in_progress:      { new: 'HAS_PRICED_LINES',  in_progress: 'SAME_STAGE',        awaiting_payment: 'NO_ACCEPTED_QUOTE',    deposit_paid: 'DEPOSIT_NOT_PAID',   paid: 'NOT_FULLY_PAID', processed: 'NOT_PAID',   archived: 'ok' },
  awaiting_payment: { new: 'HAS_PRICED_LINES',  in_progress: 'ok',                awaiting_payment: 'SAME_STAGE',           deposit_paid: 'DEPOSIT_NOT_PAID',   paid: 'NOT_FULLY_PAID', processed: 'NOT_PAID',   archived: 'ok' },
  deposit_paid:     { new: 'PAYMENTS_RECEIVED', in_progress: 'PAYMENTS_RECEIVED', awaiting_payment: 'DEPOSIT_ALREADY_PAID', deposit_paid: 'SAME_STAGE',         paid: 'NOT_FULLY_PAID', processed: 'NOT_PAID',   archived: 'ok' },
  paid:             { new: 'PAYMENTS_RECEIVED', in_progress: 'PAYMENTS_RECEIVED', awaiting_payment: 'DEPOSIT_ALREADY_PAID', deposit_paid: 'ALREADY_FULLY_PAID', paid: 'SAME_STAGE',     processed: 'ok',         archived: 'ok' },
  processed:        { new: 'PAYMENTS_RECEIVED', in_progress: 'PAYMENTS_RECEIVED', awaiting_payment: 'DEPOSIT_ALREADY_PAID', deposit_paid: 'ALREADY_FULLY_PAID', paid: 'ok',             processed: 'SAME_STAGE', archived: 'ok' },
  archived:         { new: 'PAYMENTS_RECEIVED', in_progress: 'PAYMENTS_RECEIVED', awaiting_payment: 'DEPOSIT_ALREADY_PAID', deposit_paid: 'ALREADY_FULLY_PAID', paid: 'ok',             processed: 'ok',         archived: 'SAME_STAGE' },
};

describe('manual moves', () => {
  it('follow the 7 × 7 table for a dossier as it is in its column', () => {
    const actual = Object.fromEntries(STAGES.map((from) => [from, Object.fromEntries(STAGES.map((to) => [to, outcome(from, to, factsFor(from))]))]));
    expect(actual).toEqual(FROM_ITS_OWN_FACTS);
  });

  it('allow every move the facts support, except into processed from anything but paid', () => {
    for (const from of STAGES) {
      for (const to of STAGES) {
        const expected = from === to ? 'SAME_STAGE' : to === 'processed' && from !== 'paid' && from !== 'archived' ? 'NOT_PAID' : 'ok';
        expect(outcome(from, to, factsFor(to)), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it('refuse to mark paid a dossier with nothing or too little received', () => {
    const dossier = aDossierIn('deposit_paid');
    expect(outcome('awaiting_payment', 'paid', factsFor('awaiting_payment'))).toBe('NOT_FULLY_PAID');
    expect(checkMove(dossier, 'paid', { ...factsFor('paid'), totalReceived: cents(99_999) })).toMatchObject({ ok: false, error: { code: 'NOT_FULLY_PAID' } });
    expect(checkMove(dossier, 'paid', { ...NO_FACTS, totalReceived: cents(0) })).toMatchObject({ ok: false, error: { code: 'NOT_FULLY_PAID' } });
  });

  it('accept awaiting payment with a payment request alone, or with money received below the deposit', () => {
    const requested = { ...factsFor('in_progress'), hasPaymentRequest: true };
    expect(outcome('in_progress', 'awaiting_payment', requested)).toBe('ok');
    expect(outcome('in_progress', 'awaiting_payment', { ...factsFor('in_progress'), totalReceived: cents(5_000) })).toBe('ok');
  });

  it('refuse processed from a deposit_paid dossier even when the money is all in', () => {
    expect(outcome('deposit_paid', 'processed', factsFor('paid'))).toBe('NOT_PAID');
  });

  it('restore processed from the archive only for a dossier that was processed', () => {
    expect(checkMove(aDossier({ stage: 'archived', processed: false }), 'processed', factsFor('paid')).ok).toBe(false);
    expect(checkMove(aDossier({ stage: 'archived', processed: true }), 'processed', factsFor('paid')).ok).toBe(true);
  });

  it('refuse a stage name that does not exist', () => {
    expect(outcome('new', 'won' as Stage, NO_FACTS)).toBe('UNKNOWN_STAGE');
  });

  it('move the card and record who moved it, from where to where', () => {
    const moved = moveDossier(aDossierIn('awaiting_payment'), 'in_progress', factsFor('awaiting_payment'), aPipelineContext('2026-05-05T10:00:00.000Z'));
    expect(moved).toEqual({
      ok: true,
      value: {
        dossier: aDossier({ stage: 'in_progress', updatedAt: '2026-05-05T10:00:00.000Z' }),
        event: {
          id: 'evt-1', dossierId: 'dossier-1', at: '2026-05-05T10:00:00.000Z', actor: AGENT, kind: 'stage_changed',
          fromStage: 'awaiting_payment', toStage: 'in_progress', quoteId: null, paymentId: null, amount: null, published: false,
          summary: 'moved from awaiting_payment to in_progress', payload: { cause: 'manual' }, updatedAt: '2026-05-05T10:00:00.000Z',
        },
      },
    });
  });

  it('tick the processed box when moving to processed, untick it when leaving, keep it when archiving', () => {
    const ctx = aPipelineContext();
    const processed = moveDossier(aDossierIn('paid'), 'processed', factsFor('paid'), ctx);
    expect(processed.ok && [processed.value.dossier.processed, processed.value.event.payload]).toEqual([true, { processed: true, cause: 'manual' }]);
    const back = moveDossier(aDossierIn('processed'), 'paid', factsFor('paid'), ctx);
    expect(back.ok && back.value.dossier.processed).toBe(false);
    const archived = moveDossier(aDossierIn('processed'), 'archived', factsFor('paid'), ctx);
    expect(archived.ok && [archived.value.dossier.processed, archived.value.event.payload]).toEqual([true, { cause: 'manual' }]);
  });

  it('leave the dossier untouched when refused', () => {
    const dossier = aDossierIn('in_progress');
    const refused = moveDossier(dossier, 'paid', factsFor('in_progress'), aPipelineContext());
    expect(refused).toEqual({ ok: false, error: { code: 'NOT_FULLY_PAID', message: 'the payments received do not cover the total' } });
    expect(dossier).toEqual(aDossierIn('in_progress'));
  });
});
