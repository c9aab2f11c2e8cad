import type { Clock, IsoDate, IsoInstant } from '../shared/clock.ts';

/**
 * Time arithmetic for generated data. Every instant derives from the `now` the caller passes in,
 * never from the machine's clock, so the same seed and `now` give the same documents.
 */

const MINUTE = 60_000;

/** `instant` moved by `minutes` (negative for the past), in `toISOString` form. */
export function shiftInstant(instant: IsoInstant, minutes: number): IsoInstant {
  return new Date(Date.parse(instant) + Math.round(minutes) * MINUTE).toISOString();
}

/** The instant `days` days before `now`, at `hour`:`minute` UTC that day. */
export function daysBefore(now: IsoInstant, days: number, hour = 9, minute = 0): IsoInstant {
  const d = new Date(Date.parse(now) - days * 24 * 60 * MINUTE);
  d.setUTCHours(hour, minute, 0, 0);
  return d.toISOString();
}

/** The calendar date `days` days after `now` (negative for the past). */
export function dateFrom(now: IsoInstant, days: number): IsoDate {
  return new Date(Date.parse(now) + days * 24 * 60 * MINUTE).toISOString().slice(0, 10);
}

/** The Saturday on or after a date: tourism stays run Saturday to Saturday. */
export function saturdayFrom(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7));
  return d.toISOString().slice(0, 10);
}

/** The first `month`/`day` on or after `date`, e.g. the next 6 February. */
export function nextOccurrence(date: IsoDate, month: number, day: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const candidate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return candidate >= date ? candidate : `${year + 1}${candidate.slice(4)}`;
}

/** A clock whose time moves only when told to: a dossier's story, step by step. */
export interface StoryClock extends Clock {
  /** Moves time forward by `minutes` and returns the new instant. */
  advance(minutes: number): IsoInstant;
}

export function storyClock(start: IsoInstant): StoryClock {
  let current = start;
  return {
    now: () => current,
    advance: (minutes) => {
      current = shiftInstant(current, minutes);
      return current;
    },
  };
}
