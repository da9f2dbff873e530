/**
 * Due times of repair tickets: the SLA gives each category and priority a number of
 * WORKING hours, counted on working days of the calendar (domain/working-days.ts) within
 * office hours, 08:30–12:00 and 13:30–17:30 Taipei time (7.5 hours a day). A ticket
 * reported at 17:00 on a Friday with 4 hours to go is due at 11:30 on Monday; one reported
 * on a Sunday starts counting at 08:30 on the next working day.
 */
import { addDays, taipeiClock, taipeiInstantAt } from '../dates';
import { isWorkingDay, type CalendarExceptions } from '../working-days';
import type { SlaRule, TicketCategory, TicketPriority } from './tickets';

/** Office hours as minutes after midnight, Taipei time, in order. */
export const WORKING_PERIODS: ReadonlyArray<{ start: number; end: number }> = [
  { start: 8 * 60 + 30, end: 12 * 60 },
  { start: 13 * 60 + 30, end: 17 * 60 + 30 },
];

export const WORKING_HOURS_PER_DAY = WORKING_PERIODS.reduce((sum, p) => sum + p.end - p.start, 0) / 60;

/** The SLA when no rule is set: hours by priority (urgent half a day, low a week). */
export const DEFAULT_SLA_HOURS: Readonly<Record<TicketPriority, number>> = {
  urgent: 4,
  high: WORKING_HOURS_PER_DAY,
  normal: 3 * WORKING_HOURS_PER_DAY,
  low: 5 * WORKING_HOURS_PER_DAY,
};

export function slaHours(rules: ReadonlyArray<Pick<SlaRule, 'category' | 'priority' | 'hours'>>, category: TicketCategory, priority: TicketPriority): number {
  return rules.find((r) => r.category === category && r.priority === priority)?.hours ?? DEFAULT_SLA_HOURS[priority];
}

/** A search for working time gives up after this many days (a calendar with no working day). */
const MAX_DAYS = 3660;

/**
 * The instant `hours` working hours after `start`. Time outside office hours, on weekends,
 * holidays and closures does not count; a make-up working Saturday (補行上班) does. The
 * clock may stop exactly at the end of a period (due 12:00, not 13:30).
 */
export function addWorkingHours(start: string, hours: number, exceptions: CalendarExceptions): string {
  if (!(hours >= 0) || !Number.isFinite(hours)) throw new RangeError(`hours must be a number ≥ 0, not ${hours}`);
  let remaining = Math.round(hours * 60);
  let { date, minute } = taipeiClock(start);
  for (let day = 0; day < MAX_DAYS; day++) {
    if (isWorkingDay(date, exceptions)) {
      for (const p of WORKING_PERIODS) {
        if (minute >= p.end) continue;
        const from = Math.max(minute, p.start);
        if (remaining <= p.end - from) return taipeiInstantAt(date, from + remaining);
        remaining -= p.end - from;
        minute = p.end;
      }
    }
    date = addDays(date, 1);
    minute = 0;
  }
  throw new RangeError('no working time in the calendar');
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: string, to: string, exceptions: CalendarExceptions): number {
  if (to <= from) return 0;
  const a = taipeiClock(from);
  const b = taipeiClock(to);
  let total = 0;
  let { date, minute } = a;
  for (let day = 0; day < MAX_DAYS && date <= b.date; day++) {
    if (isWorkingDay(date, exceptions)) {
      for (const p of WORKING_PERIODS) {
        const lo = Math.max(p.start, minute);
        const hi = date === b.date ? Math.min(p.end, b.minute) : p.end;
        if (hi > lo) total += hi - lo;
      }
    }
    date = addDays(date, 1);
    minute = 0;
  }
  return Math.round(total);
}
