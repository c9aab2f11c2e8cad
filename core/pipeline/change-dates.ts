import { isIsoDate } from '../shared/clock.ts';
import type { IsoDate } from '../shared/clock.ts';
import type { QuoteId } from '../shared/ids.ts';
import { err, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';
import type { Quote } from '../quote/quote.ts';
import { autoAdvance } from './auto-advance.ts';
import type { Dossier } from './dossier.ts';
import { newDossierEvent } from './dossier-event.ts';
import type { DossierEvent, PipelineContext } from './dossier-event.ts';

/** New stay dates; either may stay unknown (null). */
export interface StayDates {
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
}

export type ChangeDatesError =
  /** Not a real calendar date in YYYY-MM-DD form (2026-02-30 is refused). */
  | 'INVALID_DATE'
  /** The stay would end before it starts. */
  | 'END_BEFORE_START';

export interface DatesChange {
  readonly dossier: Dossier;
  /** Draft or sent quotes priced for the old dates: the caller sets their `datesChanged` flag. */
  readonly flaggedQuoteIds: readonly QuoteId[];
  readonly events: readonly DossierEvent[];
}

/**
 * Changes a dossier's stay dates. Unlike the seed's system, which loses the quote in progress,
 * no quote is ever deleted: draft and sent quotes not yet flagged are returned to be flagged
 * "dates changed" and re-priced on request; accepted quotes are a concluded agreement and stay as
 * they are. A change moves a `new` dossier to `in_progress`. Same dates: nothing happens.
 */
export function changeDates(
  dossier: Dossier,
  dates: StayDates,
  quotes: readonly Pick<Quote, 'id' | 'dossierId' | 'status' | 'datesChanged'>[],
  context: PipelineContext,
): Result<DatesChange, ChangeDatesError> {
  const { startDate, endDate } = dates;
  for (const date of [startDate, endDate]) {
    if (date !== null && !isIsoDate(date)) return err('INVALID_DATE', `"${date}" is not a date like 2026-07-14`);
  }
  if (startDate !== null && endDate !== null && endDate < startDate) {
    return err('END_BEFORE_START', `the stay cannot end (${endDate}) before it starts (${startDate})`);
  }
  if (startDate === dossier.startDate && endDate === dossier.endDate) return ok({ dossier, flaggedQuoteIds: [], events: [] });

  const flaggedQuoteIds = quotes
    .filter((q) => q.dossierId === dossier.id && (q.status === 'draft' || q.status === 'sent') && !q.datesChanged)
    .map((q) => q.id);
  const changed = newDossierEvent(dossier, context, {
    kind: 'dates_changed',
    summary: `stay dates changed from ${dossier.startDate ?? '?'}–${dossier.endDate ?? '?'} to ${startDate ?? '?'}–${endDate ?? '?'}`,
    payload: {
      previousStartDate: dossier.startDate,
      previousEndDate: dossier.endDate,
      startDate,
      endDate,
      flaggedQuotes: flaggedQuoteIds.length,
    },
  });
  const dated: Dossier = { ...dossier, startDate, endDate, updatedAt: changed.at };
  const moved = autoAdvance(dated, 'in_progress', 'dates_changed', context);
  return ok({ dossier: moved.dossier, flaggedQuoteIds, events: moved.event ? [changed, moved.event] : [changed] });
}
