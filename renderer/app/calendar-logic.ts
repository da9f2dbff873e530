/** The year as the calendar screen shows it: month grids, and how many days are worked. */
import { addDays, weekdayOf, type BusinessDate } from '../../domain/dates';
import type { CalendarDay } from '../../domain/entities';
import { isWorkingDay, type CalendarExceptions } from '../../domain/working-days';

const pad = (n: number) => String(n).padStart(2, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month as weeks starting on Sunday; days of other months are null. */
export function monthWeeks(year: number, month: number): (BusinessDate | null)[][] {
  const first = `${year}-${pad(month)}-01`;
  const cells: (BusinessDate | null)[] = Array.from({ length: weekdayOf(first) }, () => null);
  for (let d = 0; d < daysInMonth(year, month); d++) cells.push(addDays(first, d));
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** Working days and days off of a whole year under its exceptions. */
export function yearSummary(year: number, exceptions: CalendarExceptions): { working: number; off: number } {
  let working = 0;
  let off = 0;
  for (let date = `${year}-01-01`; date.startsWith(`${year}-`); date = addDays(date, 1)) {
    if (isWorkingDay(date, exceptions)) working++;
    else off++;
  }
  return { working, off };
}

/** What a new exception on that date most likely is: a Saturday worked, or a weekday off. */
export function likelyKind(date: BusinessDate): CalendarDay['kind'] {
  const wd = weekdayOf(date);
  return wd === 0 || wd === 6 ? 'workday' : 'holiday';
}
