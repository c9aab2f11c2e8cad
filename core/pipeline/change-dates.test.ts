import { describe, expect, it } from 'vitest';
import type { DossierId, QuoteId } from '../shared/ids.ts';
import { unwrap } from '../shared/result.ts';
import { changeDates } from './change-dates.ts';
import { stageChangeCause } from './dossier-event.ts';
import type { StayDates } from './change-dates.ts';
import { AGENT, aDossier, aPipelineContext, aQuote } from './pipeline-builders.ts';

const JULY: StayDates = { startDate: '2027-07-10', endDate: '2027-07-17' };

function code(dates: StayDates): string {
  const result = changeDates(aDossier(), dates, [], aPipelineContext());
  return result.ok ? 'ok' : result.error.code;
}

describe('changeDates', () => {
  it('keeps quotes in progress and flags them "dates changed" instead of losing them', () => {
    const quotes = [
      aQuote({ id: 'q-draft' as QuoteId, status: 'draft' }),
      aQuote({ id: 'q-sent' as QuoteId, status: 'sent' }),
      aQuote({ id: 'q-accepted' as QuoteId, status: 'accepted' }),
      aQuote({ id: 'q-declined' as QuoteId, status: 'declined' }),
      aQuote({ id: 'q-flagged' as QuoteId, status: 'draft', datesChanged: true }),
      aQuote({ id: 'q-other' as QuoteId, status: 'draft', dossierId: 'dossier-2' as DossierId }),
    ];
    const result = unwrap(changeDates(aDossier({ stage: 'in_progress' }), JULY, quotes, aPipelineContext()));
    expect(result.flaggedQuoteIds).toEqual(['q-draft', 'q-sent']);
    expect(result.dossier).toMatchObject({ ...JULY, stage: 'in_progress' });
  });

  it('records the old and new dates', () => {
    const result = unwrap(changeDates(aDossier({ stage: 'in_progress' }), JULY, [aQuote()], aPipelineContext()));
    expect(result.events).toMatchObject([
      {
        kind: 'dates_changed',
        actor: AGENT,
        summary: 'stay dates changed from 2027-02-06–2027-02-13 to 2027-07-10–2027-07-17',
        payload: { previousStartDate: '2027-02-06', previousEndDate: '2027-02-13', startDate: '2027-07-10', endDate: '2027-07-17', flaggedQuotes: 1 },
      },
    ]);
  });

  it('moves a new request in progress', () => {
    const result = unwrap(changeDates(aDossier({ stage: 'new' }), JULY, [], aPipelineContext()));
    expect(result.dossier.stage).toBe('in_progress');
    expect(result.events.map((e) => [e.kind, stageChangeCause(e)])).toEqual([['dates_changed', null], ['stage_changed', 'dates_changed']]);
  });

  it('accepts unknown dates and one-day stays', () => {
    expect(code({ startDate: null, endDate: null })).toBe('ok');
    expect(code({ startDate: '2027-07-10', endDate: null })).toBe('ok');
    expect(code({ startDate: '2027-07-10', endDate: '2027-07-10' })).toBe('ok');
  });

  it('refuses impossible dates and stays that end before they start', () => {
    expect(code({ startDate: '2027-02-30', endDate: null })).toBe('INVALID_DATE');
    expect(code({ startDate: '10/07/2027', endDate: null })).toBe('INVALID_DATE');
    expect(code({ startDate: '2027-07-17', endDate: '2027-07-10' })).toBe('END_BEFORE_START');
  });

  it('does nothing when the dates are the same', () => {
    const dossier = aDossier();
    const same = changeDates(dossier, { startDate: dossier.startDate, endDate: dossier.endDate }, [aQuote()], aPipelineContext());
    expect(same).toEqual({ ok: true, value: { dossier, flaggedQuoteIds: [], events: [] } });
  });
});
