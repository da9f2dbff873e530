import { describe, expect, it } from 'vitest';
import type { DayKind } from '../entities';
import { isWorkingDay, type CalendarExceptions } from '../working-days';
import { dueDateFor, nextScheduledDate, nthWeekdayOf, occurrencesDue, recurrenceSchema, scheduledDates, type Recurrence, type Schedule } from './recurrence';

const plan = (rule: Recurrence, startOn: string, end: { endOn?: string; endAfter?: number } = {}): Omit<Schedule, 'onHoliday'> => ({
  rule,
  startOn,
  endOn: end.endOn ?? null,
  endAfter: end.endAfter ?? null,
});

// The 2022 Lunar New Year: make-up Saturday 1/22, days off 1/31–2/4.
const calendar2022: CalendarExceptions = new Map([
  ['2022-01-22', { kind: 'workday', name: '補行上班' }],
  ...['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'].map((d): [string, { kind: DayKind; name: string }] => [d, { kind: 'holiday', name: '春節' }]),
]);
const working = (d: string) => isWorkingDay(d, calendar2022);

describe('recurrence: the dates a plan gives', () => {
  it('every N days counts from the start date', () => {
    expect(scheduledDates(plan({ freq: 'daily', interval: 3 }, '2022-01-30'), '2022-01-01', '2022-02-08')).toEqual(['2022-01-30', '2022-02-02', '2022-02-05', '2022-02-08']);
  });

  it('weekly on chosen weekdays, from the first one on or after the start', () => {
    // 2021-09-01 is a Wednesday.
    expect(scheduledDates(plan({ freq: 'weekly', interval: 1, weekdays: [4, 1] }, '2021-09-01'), '2021-09-01', '2021-09-13')).toEqual(['2021-09-02', '2021-09-06', '2021-09-09', '2021-09-13']);
  });

  it('every 2 weeks counts weeks from the Monday of the start week', () => {
    expect(scheduledDates(plan({ freq: 'weekly', interval: 2, weekdays: [3] }, '2021-09-01'), '2021-09-01', '2021-10-01')).toEqual(['2021-09-01', '2021-09-15', '2021-09-29']);
    // Monday of the start week lies before the start: the first one is two weeks on.
    expect(scheduledDates(plan({ freq: 'weekly', interval: 2, weekdays: [1] }, '2021-09-01'), '2021-09-01', '2021-10-01')).toEqual(['2021-09-13', '2021-09-27']);
  });

  it('monthly on the 31st falls on the last day of shorter months', () => {
    expect(scheduledDates(plan({ freq: 'monthly', interval: 1, day: 31 }, '2022-01-01'), '2022-01-01', '2022-04-30')).toEqual(['2022-01-31', '2022-02-28', '2022-03-31', '2022-04-30']);
  });

  it('monthly on the 29th is 2/29 in a leap year and 2/28 otherwise', () => {
    const rule: Recurrence = { freq: 'monthly', interval: 1, day: 29 };
    expect(scheduledDates(plan(rule, '2023-01-01'), '2023-02-01', '2023-03-31')).toEqual(['2023-02-28', '2023-03-29']);
    expect(scheduledDates(plan(rule, '2024-01-01'), '2024-02-01', '2024-03-31')).toEqual(['2024-02-29', '2024-03-29']);
  });

  it('quarterly is every 3 months from the start month; a start after the day waits for the next quarter', () => {
    const rule: Recurrence = { freq: 'monthly', interval: 3, day: 15 };
    expect(scheduledDates(plan(rule, '2021-10-01'), '2021-09-01', '2022-12-31')).toEqual(['2021-10-15', '2022-01-15', '2022-04-15', '2022-07-15', '2022-10-15']);
    expect(scheduledDates(plan(rule, '2021-10-20'), '2021-09-01', '2022-04-30')).toEqual(['2022-01-15', '2022-04-15']);
  });

  it('monthly on the nth weekday', () => {
    // March 2022 starts on a Tuesday: its 1st Tuesday is the 1st, the 2nd the 8th.
    expect(scheduledDates(plan({ freq: 'monthlyWeekday', interval: 1, nth: 2, weekday: 2 }, '2022-03-01'), '2022-03-01', '2022-05-31')).toEqual(['2022-03-08', '2022-04-12', '2022-05-10']);
    expect(nthWeekdayOf(2022, 3, 1, 2)).toBe('2022-03-01');
  });

  it('the 5th weekday is skipped in a month without one; "last" is there every month', () => {
    const fifthFriday = plan({ freq: 'monthlyWeekday', interval: 1, nth: 5, weekday: 5 }, '2021-10-01');
    expect(scheduledDates(fifthFriday, '2021-10-01', '2022-01-31')).toEqual(['2021-10-29', '2021-12-31']);
    expect(nthWeekdayOf(2021, 11, 5, 5)).toBeNull();
    const lastFriday = plan({ freq: 'monthlyWeekday', interval: 1, nth: -1, weekday: 5 }, '2021-10-01');
    expect(scheduledDates(lastFriday, '2021-10-01', '2022-01-31')).toEqual(['2021-10-29', '2021-11-26', '2021-12-31', '2022-01-28']);
  });

  it('yearly on 2/29 falls on 2/28 in common years', () => {
    expect(scheduledDates(plan({ freq: 'yearly', interval: 1, month: 2, day: 29 }, '2020-02-29'), '2020-01-01', '2024-12-31')).toEqual([
      '2020-02-29',
      '2021-02-28',
      '2022-02-28',
      '2023-02-28',
      '2024-02-29',
    ]);
  });

  it('yearly counts whole years from the start; one on a date before the start begins the next year', () => {
    expect(scheduledDates(plan({ freq: 'yearly', interval: 1, month: 11, day: 15 }, '2021-11-16'), '2021-01-01', '2023-12-31')).toEqual(['2022-11-15', '2023-11-15']);
    expect(scheduledDates(plan({ freq: 'yearly', interval: 2, month: 3, day: 1 }, '2021-01-01'), '2021-01-01', '2026-12-31')).toEqual(['2021-03-01', '2023-03-01', '2025-03-01']);
  });

  it('an end date includes its own day', () => {
    const p = plan({ freq: 'monthly', interval: 1, day: 10 }, '2022-01-01', { endOn: '2022-03-10' });
    expect(scheduledDates(p, '2022-01-01', '2022-12-31')).toEqual(['2022-01-10', '2022-02-10', '2022-03-10']);
    expect(nextScheduledDate(p, '2022-03-11')).toBeNull();
  });

  it('an end count counts from the start, not from the window, and skipped months do not count', () => {
    const p = plan({ freq: 'monthly', interval: 1, day: 1 }, '2022-01-01', { endAfter: 3 });
    expect(scheduledDates(p, '2022-02-15', '2022-12-31')).toEqual(['2022-03-01']);
    const fifth = plan({ freq: 'monthlyWeekday', interval: 1, nth: 5, weekday: 5 }, '2021-10-01', { endAfter: 2 });
    expect(scheduledDates(fifth, '2021-01-01', '2022-12-31')).toEqual(['2021-10-29', '2021-12-31']);
  });

  it('the next scheduled date', () => {
    const p = plan({ freq: 'weekly', interval: 1, weekdays: [3] }, '2021-09-01');
    expect(nextScheduledDate(p, '2022-01-27')).toBe('2022-02-02');
    expect(nextScheduledDate(p, '2022-02-02')).toBe('2022-02-02');
    expect(nextScheduledDate(plan({ freq: 'daily', interval: 1 }, '2022-01-01'), '2021-06-01')).toBe('2022-01-01');
  });
});

describe('recurrence: due days follow the working-day calendar', () => {
  it('a round on a holiday moves to the next working day, or the previous one, or stays', () => {
    // 2022-01-31 (Mon) … 2022-02-04 are the Lunar New Year holidays.
    expect(dueDateFor('2022-01-31', 'next', working)).toBe('2022-02-07');
    expect(dueDateFor('2022-01-31', 'previous', working)).toBe('2022-01-28');
    expect(dueDateFor('2022-01-31', 'keep', working)).toBe('2022-01-31');
    // The make-up Saturday is a working day.
    expect(dueDateFor('2022-01-22', 'next', working)).toBe('2022-01-22');
    expect(dueDateFor('2022-01-29', 'next', working)).toBe('2022-02-07');
  });

  it('two rounds moved onto one day make one round: the one scheduled on that day', () => {
    const weekly: Schedule = { ...plan({ freq: 'weekly', interval: 1, weekdays: [1] }, '2022-01-01'), onHoliday: 'next' };
    expect(occurrencesDue(weekly, '2022-01-24', '2022-02-14', working)).toEqual([
      { scheduledOn: '2022-01-24', dueOn: '2022-01-24' },
      { scheduledOn: '2022-02-07', dueOn: '2022-02-07' },
      { scheduledOn: '2022-02-14', dueOn: '2022-02-14' },
    ]);
    const saturdays: Schedule = { ...plan({ freq: 'weekly', interval: 1, weekdays: [6, 0] }, '2022-01-22'), onHoliday: 'next' };
    // Sat 1/22 is a make-up working day; Sun 1/23 moves to Mon 1/24; 1/29, 1/30 and
    // 2/5, 2/6 all move to 2/7 and make one round there (the earliest, 1/29).
    expect(occurrencesDue(saturdays, '2022-01-22', '2022-02-07', working)).toEqual([
      { scheduledOn: '2022-01-22', dueOn: '2022-01-22' },
      { scheduledOn: '2022-01-23', dueOn: '2022-01-24' },
      { scheduledOn: '2022-01-29', dueOn: '2022-02-07' },
    ]);
  });

  it('a window holds the rounds due in it, also ones scheduled before it', () => {
    const monthEnd: Schedule = { ...plan({ freq: 'monthly', interval: 1, day: 31 }, '2022-01-01'), onHoliday: 'next' };
    expect(occurrencesDue(monthEnd, '2022-02-01', '2022-02-28', working)).toEqual([
      { scheduledOn: '2022-01-31', dueOn: '2022-02-07' },
      { scheduledOn: '2022-02-28', dueOn: '2022-02-28' },
    ]);
    // 2022-04-30 is a Saturday: due on Monday 5/2, so April's window does not hold it.
    expect(occurrencesDue(monthEnd, '2022-04-01', '2022-04-30', working)).toEqual([]);
    expect(occurrencesDue(monthEnd, '2022-05-01', '2022-05-31', working)).toEqual([
      { scheduledOn: '2022-04-30', dueOn: '2022-05-02' },
      { scheduledOn: '2022-05-31', dueOn: '2022-05-31' },
    ]);
    const previous: Schedule = { ...monthEnd, onHoliday: 'previous' };
    expect(occurrencesDue(previous, '2022-04-01', '2022-04-30', working)).toEqual([{ scheduledOn: '2022-04-30', dueOn: '2022-04-29' }]);
  });

  it('a round on a day off with "keep" stays there', () => {
    const keep: Schedule = { ...plan({ freq: 'weekly', interval: 1, weekdays: [0] }, '2022-01-01'), onHoliday: 'keep' };
    expect(occurrencesDue(keep, '2022-01-01', '2022-01-16', working).map((o) => o.dueOn)).toEqual(['2022-01-02', '2022-01-09', '2022-01-16']);
  });
});

describe('recurrence: what a plan may say', () => {
  const ok = (r: unknown) => recurrenceSchema.safeParse(r).success;
  it('accepts each kind of rule', () => {
    expect(ok({ freq: 'daily', interval: 14 })).toBe(true);
    expect(ok({ freq: 'weekly', interval: 1, weekdays: [1, 3, 5] })).toBe(true);
    expect(ok({ freq: 'monthly', interval: 3, day: 31 })).toBe(true);
    expect(ok({ freq: 'monthlyWeekday', interval: 1, nth: -1, weekday: 5 })).toBe(true);
    expect(ok({ freq: 'yearly', interval: 1, month: 2, day: 29 })).toBe(true);
  });
  it('refuses rules that cannot happen', () => {
    expect(ok({ freq: 'weekly', interval: 1, weekdays: [] })).toBe(false);
    expect(ok({ freq: 'weekly', interval: 1, weekdays: [7] })).toBe(false);
    expect(ok({ freq: 'daily', interval: 0 })).toBe(false);
    expect(ok({ freq: 'monthly', interval: 1, day: 32 })).toBe(false);
    expect(ok({ freq: 'monthlyWeekday', interval: 1, nth: 6, weekday: 1 })).toBe(false);
    expect(ok({ freq: 'yearly', interval: 1, month: 2, day: 30 })).toBe(false);
    expect(ok({ freq: 'yearly', interval: 1, month: 4, day: 31 })).toBe(false);
    expect(ok({ freq: 'hourly', interval: 1 })).toBe(false);
  });
});
