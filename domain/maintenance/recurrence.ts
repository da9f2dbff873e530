/**
 * Recurrence of preventive maintenance and inspection plans (定期保養 / 巡檢): every N days,
 * weekly on chosen weekdays, monthly on a date or on the nth weekday, yearly on a date.
 * Quarterly is monthly every 3 months. Pure: business dates ('YYYY-MM-DD') in, out.
 *
 * Rules decided here (tests hold them):
 * - A monthly date past the month's end (31, 30, 29) falls on the month's last day, so a
 *   plan "every month on the 31st" still has a round in February.
 * - Yearly on 2/29 falls on 2/28 in common years.
 * - Monthly on the 5th weekday: a month without one has no occurrence (choose "last"
 *   (-1) to have one every month).
 * - Every N weeks counts weeks from the Monday of the start date's week.
 * - Every N months / years counts from the start date's month / year.
 * - An end date includes its day; an end count counts occurrences from the start.
 * - On a day off (holiday, weekend, typhoon closure) a round moves to the next working day
 *   (or the previous one, or stays, as the plan says). Two occurrences that move onto the
 *   same day make one round (the one scheduled on that day, else the earlier). A round
 *   keeps its scheduled date, which its id derives from, so workstations that know
 *   different calendars still agree on it.
 */
import { z } from 'zod';
import { addDays, isBusinessDate, weekdayOf, type BusinessDate } from '../dates';

/** Day of week, 0 = Sunday … 6 = Saturday (as Date.getDay). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
/** 1st … 5th, or -1 for the last one in the month. */
export type NthWeek = 1 | 2 | 3 | 4 | 5 | -1;

export type Recurrence =
  | { freq: 'daily'; interval: number }
  | { freq: 'weekly'; interval: number; weekdays: Weekday[] }
  | { freq: 'monthly'; interval: number; day: number }
  | { freq: 'monthlyWeekday'; interval: number; nth: NthWeek; weekday: Weekday }
  | { freq: 'yearly'; interval: number; month: number; day: number };

export type RecurrenceFreq = Recurrence['freq'];
export const RECURRENCE_FREQS: readonly RecurrenceFreq[] = ['daily', 'weekly', 'monthly', 'monthlyWeekday', 'yearly'];

/** What happens to a round whose date is a day off. */
export const HOLIDAY_RULES = ['next', 'previous', 'keep'] as const;
export type HolidayRule = (typeof HOLIDAY_RULES)[number];

export interface Schedule {
  rule: Recurrence;
  startOn: BusinessDate;
  /** Last possible date, inclusive. */
  endOn: BusinessDate | null;
  /** Number of occurrences after which the plan ends. */
  endAfter: number | null;
  onHoliday: HolidayRule;
}

/** An occurrence: the date the rule gives (the round's identity) and the day it is due. */
export interface Occurrence {
  scheduledOn: BusinessDate;
  dueOn: BusinessDate;
}

const weekday = z.number().int().min(0).max(6) as unknown as z.ZodType<Weekday>;
const interval = (max: number) => z.number().int().min(1).max(max);

export const recurrenceSchema: z.ZodType<Recurrence> = z.discriminatedUnion('freq', [
  z.object({ freq: z.literal('daily'), interval: interval(366) }).strict(),
  z
    .object({
      freq: z.literal('weekly'),
      interval: interval(52),
      weekdays: z.array(weekday).min(1).max(7),
    })
    .strict(),
  z.object({ freq: z.literal('monthly'), interval: interval(24), day: z.number().int().min(1).max(31) }).strict(),
  z
    .object({
      freq: z.literal('monthlyWeekday'),
      interval: interval(24),
      nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(-1)]),
      weekday,
    })
    .strict(),
  z
    .object({
      freq: z.literal('yearly'),
      interval: interval(10),
      month: z.number().int().min(1).max(12),
      day: z.number().int().min(1).max(31),
    })
    .strict()
    .refine((r) => r.day <= daysInMonth(2024, r.month), { message: 'date', path: ['day'] }),
]) as unknown as z.ZodType<Recurrence>;

// ---- calendar arithmetic on business dates ----

function ymd(date: BusinessDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function iso(y: number, m: number, d: number): BusinessDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function mondayOf(date: BusinessDate): BusinessDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** Month n (0-based, counted from year 0) → [year, month 1–12]. */
function monthAt(n: number): [number, number] {
  return [Math.floor(n / 12), (n % 12) + 1];
}

/** The nth (1–5, or -1 = last) given weekday of a month, or null when the month has none. */
export function nthWeekdayOf(year: number, month: number, nth: NthWeek, wd: Weekday): BusinessDate | null {
  const days = daysInMonth(year, month);
  if (nth === -1) {
    const lastWd = weekdayOf(iso(year, month, days));
    return iso(year, month, days - ((lastWd - wd + 7) % 7));
  }
  const firstWd = weekdayOf(iso(year, month, 1));
  const day = 1 + ((wd - firstWd + 7) % 7) + (nth - 1) * 7;
  return day <= days ? iso(year, month, day) : null;
}

// ---- expansion ----

/** Guards against a runaway loop (a daily rule over centuries); far more than any window needs. */
const MAX_STEPS = 200_000;

/**
 * The dates the rule gives, in order, from the start, without end: the caller stops.
 * Each period (day block, week, month, year) yields its dates in order.
 */
function* ruleDates(rule: Recurrence, startOn: BusinessDate): Generator<BusinessDate> {
  const [sy, sm] = ymd(startOn);
  switch (rule.freq) {
    case 'daily':
      for (let i = 0; i < MAX_STEPS; i++) yield addDays(startOn, i * rule.interval);
      return;
    case 'weekly': {
      const days = [...new Set(rule.weekdays)].map((w) => (w + 6) % 7).sort((a, b) => a - b); // Monday = 0
      const week0 = mondayOf(startOn);
      for (let i = 0; i < MAX_STEPS; i++) {
        const monday = addDays(week0, i * 7 * rule.interval);
        for (const d of days) {
          const date = addDays(monday, d);
          if (date >= startOn) yield date;
        }
      }
      return;
    }
    case 'monthly':
    case 'monthlyWeekday': {
      const m0 = sy * 12 + (sm - 1);
      for (let i = 0; i < MAX_STEPS; i++) {
        const [y, m] = monthAt(m0 + i * rule.interval);
        const date = rule.freq === 'monthly' ? iso(y, m, Math.min(rule.day, daysInMonth(y, m))) : nthWeekdayOf(y, m, rule.nth, rule.weekday);
        if (date && date >= startOn) yield date;
      }
      return;
    }
    case 'yearly':
      for (let i = 0; i < MAX_STEPS; i++) {
        const y = sy + i * rule.interval;
        const date = iso(y, rule.month, Math.min(rule.day, daysInMonth(y, rule.month)));
        if (date >= startOn) yield date;
      }
      return;
  }
}

/** The scheduled dates of a plan that fall inside [from, to], both inclusive. */
export function scheduledDates(schedule: Omit<Schedule, 'onHoliday'>, from: BusinessDate, to: BusinessDate): BusinessDate[] {
  const out: BusinessDate[] = [];
  const last = schedule.endOn && schedule.endOn < to ? schedule.endOn : to;
  let n = 0;
  for (const date of ruleDates(schedule.rule, schedule.startOn)) {
    if (date > last || date > '2200-12-31') break;
    n++;
    if (schedule.endAfter !== null && n > schedule.endAfter) break;
    if (date >= from) out.push(date);
  }
  return out;
}

/** The day a round of `date` is due on: moved off days off as the plan says. */
export function dueDateFor(date: BusinessDate, rule: HolidayRule, isWorkingDay: (d: BusinessDate) => boolean): BusinessDate {
  if (rule === 'keep') return date;
  const step = rule === 'next' ? 1 : -1;
  // Lunar New Year and typhoons give at most a couple of weeks off; past that, keep the date.
  for (let i = 0; i <= 31; i++) {
    const d = addDays(date, i * step);
    if (isWorkingDay(d)) return d;
  }
  return date;
}

/** Days looked at beyond a window so that rounds moved into it (or merged) come out right. */
const SHIFT_MARGIN = 32;

/**
 * The rounds of a plan due inside [from, to]: each with its scheduled date (the round's
 * identity) and its due day after moving off days off. Sorted by due day.
 */
export function occurrencesDue(schedule: Schedule, from: BusinessDate, to: BusinessDate, isWorkingDay: (d: BusinessDate) => boolean): Occurrence[] {
  if (!isBusinessDate(from) || !isBusinessDate(to)) throw new RangeError(`window ${from}…${to}`);
  const margin = schedule.onHoliday === 'keep' ? 0 : SHIFT_MARGIN;
  const dates = scheduledDates(schedule, addDays(from, -margin), addDays(to, margin));
  const byDue = new Map<BusinessDate, Occurrence>();
  for (const scheduledOn of dates) {
    const dueOn = dueDateFor(scheduledOn, schedule.onHoliday, isWorkingDay);
    // The round scheduled on that very day keeps it; otherwise the earliest one moved there.
    if (!byDue.has(dueOn) || scheduledOn === dueOn) byDue.set(dueOn, { scheduledOn, dueOn });
  }
  return [...byDue.values()].filter((o) => o.dueOn >= from && o.dueOn <= to).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}

/** The next scheduled date on or after `from`, or null when the plan has ended. */
export function nextScheduledDate(schedule: Omit<Schedule, 'onHoliday'>, from: BusinessDate): BusinessDate | null {
  let n = 0;
  for (const date of ruleDates(schedule.rule, schedule.startOn)) {
    n++;
    if ((schedule.endAfter !== null && n > schedule.endAfter) || (schedule.endOn && date > schedule.endOn) || date > '2200-12-31') return null;
    if (date >= from) return date;
  }
  return null;
}
