import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { Dossier, Stage } from './dossier.ts';
import { stageChangedEvent } from './dossier-event.ts';
import type { DossierEvent, EventPayload, PipelineContext } from './dossier-event.ts';
import { depositReached, fullyPaid } from './pipeline-facts.ts';
import type { PipelineFacts } from './pipeline-facts.ts';
import { isStage } from './stage-rank.ts';

/**
 * Why a manual move is refused. The board never shows a dossier in a column its payments
 * contradict, in either direction: not further than the money received, not behind it.
 */
export type MoveError =
  /** The target is not one of the seven stages (input from drag-and-drop or IPC). */
  | 'UNKNOWN_STAGE'
  /** The dossier is already there. */
  | 'SAME_STAGE'
  /** `new` means "no priced line yet"; this dossier has some. */
  | 'HAS_PRICED_LINES'
  /** Money was received, so the dossier is at least awaiting payment. */
  | 'PAYMENTS_RECEIVED'
  /** Awaiting payment needs an accepted quote or a payment request. */
  | 'NO_ACCEPTED_QUOTE'
  /** The deposit is already paid: the dossier belongs in deposit_paid or later. */
  | 'DEPOSIT_ALREADY_PAID'
  /** Deposit paid needs payments received ≥ the deposit. */
  | 'DEPOSIT_NOT_PAID'
  /** Paid in full: the dossier belongs in paid or later. */
  | 'ALREADY_FULLY_PAID'
  /** Paid needs payments received ≥ the total. */
  | 'NOT_FULLY_PAID'
  /** Processed (seed 001: "dossiers soldés" with the box ticked) only follows paid. */
  | 'NOT_PAID';

function refusal(dossier: Dossier, to: Stage, facts: PipelineFacts): Result<true, MoveError> {
  if (to === dossier.stage) return err('SAME_STAGE', `the dossier is already in ${to}`);
  const received = facts.totalReceived > 0;
  switch (to) {
    case 'archived':
      return ok(true); // Any dossier may be closed.
    case 'new':
      if (received) return err('PAYMENTS_RECEIVED', 'money was received on this dossier; it cannot go back to new');
      if (facts.hasPricedLines) return err('HAS_PRICED_LINES', 'a dossier with priced lines cannot go back to new');
      return ok(true);
    case 'in_progress':
      if (received) return err('PAYMENTS_RECEIVED', 'money was received on this dossier; it cannot go back to in progress');
      return ok(true);
    case 'awaiting_payment':
      if (!facts.hasAcceptedQuote && !facts.hasPaymentRequest && !received) {
        return err('NO_ACCEPTED_QUOTE', 'awaiting payment needs an accepted quote or a payment request');
      }
      if (depositReached(facts)) return err('DEPOSIT_ALREADY_PAID', 'the deposit is already paid');
      return ok(true);
    case 'deposit_paid':
      if (!depositReached(facts)) return err('DEPOSIT_NOT_PAID', 'the payments received do not cover the deposit');
      if (fullyPaid(facts)) return err('ALREADY_FULLY_PAID', 'the dossier is paid in full');
      return ok(true);
    case 'paid':
      if (!fullyPaid(facts)) return err('NOT_FULLY_PAID', 'the payments received do not cover the total');
      return ok(true);
    case 'processed': {
      // Coming back from the archive restores a dossier that was processed before.
      const from = dossier.stage === 'paid' || (dossier.stage === 'archived' && dossier.processed);
      if (!from || !fullyPaid(facts)) return err('NOT_PAID', 'only a dossier paid in full can be marked processed');
      return ok(true);
    }
  }
}

/**
 * Checks whether a person may move a dossier to `to`, without moving it: the board uses it to
 * show which columns accept a dragged card. Archiving is always allowed; leaving the archive is
 * allowed to any stage the facts support.
 */
export function checkMove(dossier: Dossier, to: Stage, facts: PipelineFacts): Result<true, MoveError> {
  if (!isStage(to)) return err('UNKNOWN_STAGE', `unknown stage "${String(to)}"`);
  return refusal(dossier, to, facts);
}

/**
 * Moves a dossier by hand (board drag-and-drop, menu) and records who did it. Backward moves are
 * allowed where the facts still fit (a reopened quote sends awaiting_payment back to in_progress).
 * Entering `processed` ticks the processed box; entering any stage but `archived` unticks it, and
 * archiving keeps it so that unarchiving can restore a processed dossier.
 */
export function moveDossier(
  dossier: Dossier,
  to: Stage,
  facts: PipelineFacts,
  context: PipelineContext,
  payload: EventPayload = {},
): Result<{ readonly dossier: Dossier; readonly event: DossierEvent }, MoveError> {
  const allowed = checkMove(dossier, to, facts);
  if (!allowed.ok) return allowed;
  const processed = to === 'processed' ? true : to === 'archived' ? dossier.processed : false;
  const flag: EventPayload = processed === dossier.processed ? {} : { processed };
  const event = stageChangedEvent(dossier, context, dossier.stage, to, 'manual', { ...payload, ...flag });
  return ok({ dossier: { ...dossier, stage: to, processed, updatedAt: event.at }, event });
}
