/**
 * Recurring bookings: the dates a rule gives, and the occurrence ids every workstation
 * derives alike from the series id and the date (so two workstations agree on them).
 */
import { addDays, daysBetween, weekdayOf, type BusinessDate } from '../dates';
import type { CalendarExceptions } from '../working-days';
import { isOpenDay } from './rules';
import type { RecurrenceRule, Venue } from './types';

export function occurrenceId(seriesId: string, date: BusinessDate): string {
  return `${seriesId}:${date}`;
}

/** Whether the rule lands on `date` (rule counted from `startDate`). */
export function ruleHits(rule: RecurrenceRule, startDate: BusinessDate, date: BusinessDate): boolean {
  const n = daysBetween(startDate, date);
  if (n < 0) return false;
  if (rule.freq === 'daily') return n % rule.interval === 0;
  // Weeks are counted from the Sunday of the start's week, so "every 2 weeks on Mon and Thu" keeps pairs together.
  const week = Math.floor((n + weekdayOf(startDate)) / 7);
  return week % rule.interval === 0 && rule.weekdays.includes(weekdayOf(date));
}

export interface SeriesPlan {
  rule: RecurrenceRule;
  startDate: BusinessDate;
  until: BusinessDate | null;
  count: number | null;
  maxOccurrences: number;
}

/**
 * The dates of a series' occurrences. Dates the venue is not open (holidays, weekends
 * not made working days, closures) are skipped and listed apart; `count` counts the
 * occurrences that take place. More than `maxOccurrences` → tooMany.
 */
export function occurrenceDates(plan: SeriesPlan, venue: Pick<Venue, 'closures'>, calendar: CalendarExceptions): { dates: BusinessDate[]; skipped: BusinessDate[]; tooMany: boolean } {
  const dates: BusinessDate[] = [];
  const skipped: BusinessDate[] = [];
  const span = plan.rule.freq === 'daily' ? plan.rule.interval : 1;
  const lastPossible = plan.until ?? addDays(plan.startDate, (plan.maxOccurrences + 1) * 7 * plan.rule.interval + 366);
  for (let d = plan.startDate; d <= lastPossible; d = addDays(d, span)) {
    if (!ruleHits(plan.rule, plan.startDate, d)) continue;
    if (!isOpenDay(venue, d, calendar)) {
      skipped.push(d);
      continue;
    }
    if (dates.length >= plan.maxOccurrences) return { dates, skipped, tooMany: true };
    dates.push(d);
    if (plan.count !== null && dates.length >= plan.count) break;
  }
  return { dates, skipped, tooMany: false };
}
