import type { QuoteContext } from '../../core/quote/index.ts';
import { referenceStore } from '../reference/reference-store.ts';
import type { ActionContext } from './action-context.ts';

/** Core quote operations' context: time, ids and the admin's quote settings (seed 000). */
export function quoteContext(ctx: ActionContext): QuoteContext {
  return { clock: ctx.clock, ids: ctx.ids, settings: referenceStore.getState().settings.quote };
}
