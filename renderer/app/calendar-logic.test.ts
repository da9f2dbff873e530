import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../domain/entities';
import { calendarExceptionsOf } from '../../domain/working-days';
import { likelyKind, monthWeeks, yearSummary } from './calendar-logic';

const day = (date: string, kind: CalendarDay['kind'], name: string): CalendarDay => ({ id: date, date, kind, name, createdAt: '', updatedAt: '' });

describe('month grid', () => {
  it('starts the weeks on Sunday and pads with empty cells', () => {
    // January 2022 begins on a Saturday.
    const weeks = monthWeeks(2022, 1);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2022-01-01']);
    expect(weeks.at(-1)).toEqual(['2022-01-30', '2022-01-31', null, null, null, null, null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });
});

describe('year summary', () => {
  it('counts weekdays as working, and follows holidays and make-up working days', () => {
    expect(yearSummary(2022, calendarExceptionsOf([]))).toEqual({ working: 260, off: 105 });
    const exceptions = calendarExceptionsOf([day('2022-01-31', 'holiday', '農曆除夕'), day('2022-01-22', 'workday', '補行上班')]);
    expect(yearSummary(2022, exceptions)).toEqual({ working: 260, off: 105 });
    expect(yearSummary(2022, calendarExceptionsOf([day('2022-09-12', 'closure', '颱風')]))).toEqual({ working: 259, off: 106 });
  });

  it('suggests a make-up working day on a weekend and a holiday on a weekday', () => {
    expect(likelyKind('2022-01-22')).toBe('workday');
    expect(likelyKind('2022-01-31')).toBe('holiday');
  });
});
