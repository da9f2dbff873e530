import { describe, expect, it } from 'vitest';
import { addWorkingHours, DEFAULT_SLA_HOURS, slaHours, workingMinutesBetween } from './sla';
import { calendarExceptionsOf } from '../working-days';

// Taipei is UTC+8: 2022-01-10T01:00:00Z is Monday 10 January 2022, 09:00 in Taipei.
const tpe = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();

// The 2022 Lunar New Year as the government's calendar had it.
const calendar = calendarExceptionsOf([
  { date: '2022-01-22', kind: 'workday', name: '補行上班' },
  { date: '2022-01-31', kind: 'holiday', name: '農曆除夕前一日' },
  { date: '2022-02-01', kind: 'holiday', name: '春節' },
  { date: '2022-02-02', kind: 'holiday', name: '春節' },
  { date: '2022-02-03', kind: 'holiday', name: '春節' },
  { date: '2022-02-04', kind: 'holiday', name: '春節補假' },
  { date: '2022-01-12', kind: 'closure', name: '颱風停止上班' },
]);
const none = calendarExceptionsOf([]);

describe('addWorkingHours', () => {
  it('counts only office hours, skipping the lunch break', () => {
    expect(addWorkingHours(tpe('2022-01-10', '09:00'), 4, none)).toBe(tpe('2022-01-10', '14:30'));
    expect(addWorkingHours(tpe('2022-01-10', '12:30'), 1, none)).toBe(tpe('2022-01-10', '14:30'));
  });

  it('starts the clock at 08:30 for a report that came in early', () => {
    expect(addWorkingHours(tpe('2022-01-10', '07:00'), 1, none)).toBe(tpe('2022-01-10', '09:30'));
  });

  it('stops at the end of a period rather than at the start of the next', () => {
    expect(addWorkingHours(tpe('2022-01-10', '11:00'), 1, none)).toBe(tpe('2022-01-10', '12:00'));
    expect(addWorkingHours(tpe('2022-01-10', '08:30'), 7.5, none)).toBe(tpe('2022-01-10', '17:30'));
  });

  it('carries over the weekend: Friday 17:00 plus 4 hours is Monday 12:00', () => {
    expect(addWorkingHours(tpe('2022-01-14', '17:00'), 4, none)).toBe(tpe('2022-01-17', '12:00'));
  });

  it('starts a report made on a Sunday or after hours on the next working morning', () => {
    expect(addWorkingHours(tpe('2022-01-16', '10:00'), 2, none)).toBe(tpe('2022-01-17', '10:30'));
    expect(addWorkingHours(tpe('2022-01-10', '19:45'), 0.5, none)).toBe(tpe('2022-01-11', '09:00'));
  });

  it('skips national holidays: from Friday before the New Year week to the Monday after', () => {
    expect(addWorkingHours(tpe('2022-01-28', '16:00'), 7.5, calendar)).toBe(tpe('2022-02-07', '16:00'));
  });

  it('works on a make-up Saturday (補行上班)', () => {
    expect(addWorkingHours(tpe('2022-01-21', '17:00'), 1, calendar)).toBe(tpe('2022-01-22', '09:00'));
    expect(addWorkingHours(tpe('2022-01-21', '17:00'), 1, none)).toBe(tpe('2022-01-24', '09:00'));
  });

  it('does not count a typhoon closure', () => {
    expect(addWorkingHours(tpe('2022-01-11', '17:00'), 1, calendar)).toBe(tpe('2022-01-13', '09:00'));
  });

  it('refuses a negative number of hours', () => {
    expect(() => addWorkingHours(tpe('2022-01-10', '09:00'), -1, none)).toThrow(RangeError);
  });
});

describe('workingMinutesBetween', () => {
  it('is the inverse of addWorkingHours across weekends and holidays', () => {
    for (const [start, hours] of [
      [tpe('2022-01-28', '16:00'), 7.5],
      [tpe('2022-01-14', '17:00'), 4],
      [tpe('2022-01-21', '17:00'), 1],
      [tpe('2022-01-10', '12:30'), 22.5],
    ] as const) {
      expect(workingMinutesBetween(start, addWorkingHours(start, hours, calendar), calendar)).toBe(hours * 60);
    }
  });

  it('is 0 when the end is not after the start', () => {
    expect(workingMinutesBetween(tpe('2022-01-10', '10:00'), tpe('2022-01-10', '09:00'), none)).toBe(0);
  });
});

describe('slaHours', () => {
  it('takes the rule of the category and priority, else the default of the priority', () => {
    const rules = [{ category: 'elevator' as const, priority: 'urgent' as const, hours: 2 }];
    expect(slaHours(rules, 'elevator', 'urgent')).toBe(2);
    expect(slaHours(rules, 'plumbing', 'urgent')).toBe(DEFAULT_SLA_HOURS.urgent);
    expect(DEFAULT_SLA_HOURS.high).toBe(7.5);
  });
});
