/**
 * Time comes from an injected clock so that rules are testable (DESIGN §1).
 * Instants are ISO-8601 UTC strings; calendar dates are `YYYY-MM-DD` strings.
 */
export interface Clock {
  /** The current instant as an ISO-8601 UTC string, e.g. `2026-11-23T09:30:00.000Z`. */
  now(): IsoInstant;
}

/** ISO-8601 UTC instant, e.g. `2026-11-23T09:30:00.000Z`. */
export type IsoInstant = string;
/** Calendar date without time zone, `YYYY-MM-DD`. */
export type IsoDate = string;

export function fixedClock(instant: IsoInstant): Clock {
  return { now: () => instant };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isIsoDate(value: string): value is IsoDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Adds whole days to a calendar date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The calendar date (UTC) of an instant. */
export function dateOf(instant: IsoInstant): IsoDate {
  return instant.slice(0, 10);
}
