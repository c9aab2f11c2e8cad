import type { IsoDate } from '../shared/clock.ts';
import type { Engagement, Offer } from './offer.ts';

/** An inclusive date range; null bounds are open. ISO dates compare correctly as strings. */
export interface DateWindow {
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
}

/** True when `date` lies in the window, bounds included (seed 002: "dates incluses"). */
export function withinWindow(date: IsoDate, window: DateWindow): boolean {
  return (window.startDate === null || window.startDate <= date) && (window.endDate === null || date <= window.endDate);
}

/** True when two windows share at least one day. */
export function windowsOverlap(a: DateWindow, b: DateWindow): boolean {
  const startsBeforeBEnds = a.startDate === null || b.endDate === null || a.startDate <= b.endDate;
  const startsBeforeAEnds = b.startDate === null || a.endDate === null || b.startDate <= a.endDate;
  return startsBeforeBEnds && startsBeforeAEnds;
}

/**
 * The days an engagement's discounts are valid: the engagement's own dates where set, the offer's
 * otherwise. Validation keeps engagement dates inside the offer's; the intersection is taken anyway
 * so an unvalidated document can never widen an offer.
 */
export function engagementWindow(offer: DateWindow, engagement: DateWindow): DateWindow {
  return {
    startDate: later(offer.startDate, engagement.startDate),
    endDate: earlier(offer.endDate, engagement.endDate),
  };
}

/** Why a discount is or is not in force on a day, checked offer first so the reason names the right dates. */
export type DateVerdict = 'in_force' | 'out_of_offer_dates' | 'out_of_engagement_dates';

/** Whether an engagement of an offer is in force on `date`. */
export function dateVerdict(offer: Pick<Offer, 'startDate' | 'endDate'>, engagement: Pick<Engagement, 'startDate' | 'endDate'>, date: IsoDate): DateVerdict {
  if (!withinWindow(date, offer)) return 'out_of_offer_dates';
  if (!withinWindow(date, engagement)) return 'out_of_engagement_dates';
  return 'in_force';
}

function later(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}

function earlier(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}
