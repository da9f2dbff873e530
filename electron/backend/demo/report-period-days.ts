/**
 * The working days of the seed report's period (110/9/1–111/1/31) for the demo's history
 * of that period: weekdays, less the 2021 holidays (the demo's calendar holds only 2022, so
 * they are named here) and the 2022 ones of the demo calendar. A small pseudo-random
 * sequence spreads the records over them the same way on every workstation.
 */
import { addDays } from '../../../domain/dates';
import { calendarExceptionsOf, isWorkingDay } from '../../../domain/working-days';
import { DEMO_CALENDAR_2022 } from './calendar';
import { SEED_PERIOD } from './report-period-parking';

/** 中秋節 and its bridge day, 國慶日補假, 開國紀念日補假 (110). */
const HOLIDAYS_2021 = ['2021-09-20', '2021-09-21', '2021-10-11', '2021-12-31'];

export function seedPeriodWorkingDays(): string[] {
  const calendar = calendarExceptionsOf(DEMO_CALENDAR_2022);
  const days: string[] = [];
  for (let d = SEED_PERIOD.from; d <= SEED_PERIOD.to; d = addDays(d, 1)) {
    if (!HOLIDAYS_2021.includes(d) && isWorkingDay(d, calendar)) days.push(d);
  }
  return days;
}

/** A fixed sequence of numbers in [0, 1) (mulberry32): the same demo everywhere. */
export function demoRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
