import type { Stage } from './dossier.ts';
import { depositReached, fullyPaid } from './pipeline-facts.ts';
import type { PipelineFacts } from './pipeline-facts.ts';

/**
 * The furthest stage the facts alone justify (never `archived`). Used when a dossier comes out of
 * the archive without a recorded stage, or when unticking "processed" on a dossier no longer paid
 * in full. An `in_progress` made only of messages cannot be told from `new` by facts.
 */
export function derivedStage(facts: PipelineFacts, processed: boolean): Stage {
  if (fullyPaid(facts)) return processed ? 'processed' : 'paid';
  if (depositReached(facts)) return 'deposit_paid';
  if (facts.hasAcceptedQuote || facts.hasPaymentRequest || facts.totalReceived > 0) return 'awaiting_payment';
  if (facts.hasPricedLines) return 'in_progress';
  return 'new';
}
