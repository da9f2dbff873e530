import { describe, expect, it } from 'vitest';
import { occurrenceDates, occurrenceId, ruleHits } from './recurrence';

const calendar = new Map([
  ['2022-02-28', { kind: 'holiday' as const, name: '和平紀念日' }],
  ['2022-01-22', { kind: 'workday' as const, name: '補行上班' }],
]);
const open = { closures: [] };

describe('recurring booking dates', () => {
  it('gives the weekdays of a weekly rule up to a count, skipping holidays (which do not count)', () => {
    const r = occurrenceDates({ rule: { freq: 'weekly', interval: 1, weekdays: [1] }, startDate: '2022-02-14', until: null, count: 4, maxOccurrences: 400 }, open, calendar);
    expect(r).toEqual({ dates: ['2022-02-14', '2022-02-21', '2022-03-07', '2022-03-14'], skipped: ['2022-02-28'], tooMany: false });
  });

  it('keeps every other week together for a fortnightly rule on two weekdays', () => {
    const r = occurrenceDates({ rule: { freq: 'weekly', interval: 2, weekdays: [1, 4] }, startDate: '2022-03-01', until: '2022-03-31', count: null, maxOccurrences: 400 }, open, calendar);
    // Week of 2/27: Thu 3/3 (Mon 2/28 is before the start); week of 3/13: 3/14, 3/17; week of 3/27: 3/28, 3/31.
    expect(r.dates).toEqual(['2022-03-03', '2022-03-14', '2022-03-17', '2022-03-28', '2022-03-31']);
  });

  it('runs every N days until a date, leaving out weekends unless made working days, and closures', () => {
    const r = occurrenceDates(
      { rule: { freq: 'daily', interval: 1 }, startDate: '2022-01-20', until: '2022-01-25', count: null, maxOccurrences: 400 },
      { closures: [{ from: '2022-01-25', to: '2022-01-25', reason: '消毒' }] },
      calendar,
    );
    expect(r.dates).toEqual(['2022-01-20', '2022-01-21', '2022-01-22', '2022-01-24']);
    expect(r.skipped).toEqual(['2022-01-23', '2022-01-25']);
  });

  it('says when a rule gives too many', () => {
    expect(occurrenceDates({ rule: { freq: 'daily', interval: 1 }, startDate: '2022-03-01', until: '2023-12-31', count: null, maxOccurrences: 50 }, open, calendar).tooMany).toBe(true);
  });

  it('derives occurrence ids from the series and the date, and knows which dates a rule hits', () => {
    expect(occurrenceId('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', '2022-03-07')).toBe('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b:2022-03-07');
    expect(ruleHits({ freq: 'daily', interval: 3 }, '2022-03-01', '2022-03-07')).toBe(true);
    expect(ruleHits({ freq: 'daily', interval: 3 }, '2022-03-01', '2022-03-08')).toBe(false);
    expect(ruleHits({ freq: 'weekly', interval: 1, weekdays: [1] }, '2022-03-08', '2022-03-07')).toBe(false);
  });
});
