/**
 * What the report desk offers besides a typed period: the quick picks (this month, last
 * month, the last full quarter and half-year, counted from today in Taipei), the period as
 * the field writes it back, and a figure's change from the same period a year earlier.
 */
import { formatRocShort, type BusinessDate } from '../dates';
import type { ReportPeriod } from './period';

export const QUICK_PERIODS = ['thisMonth', 'lastMonth', 'lastQuarter', 'lastHalf'] as const;
export type QuickPeriod = (typeof QUICK_PERIODS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** Months `first`…`last` of a year (months may run below 1: the year before). */
function monthsSpan(y: number, first: number, last: number): ReportPeriod {
  const norm = (m: number) => (m < 1 ? [y - 1, m + 12] : [y, m]);
  const [fy, fm] = norm(first);
  const [ly, lm] = norm(last);
  return { from: `${fy}-${pad(fm)}-01`, to: `${ly}-${pad(lm)}-${pad(lastDayOf(ly, lm))}` };
}

/** A quick pick's days, counted from `today`: the quarter and half-year are the last ones already over. */
export function quickPeriod(pick: QuickPeriod, today: BusinessDate): ReportPeriod {
  const [y, m] = today.split('-').map(Number);
  switch (pick) {
    case 'thisMonth':
      return monthsSpan(y, m, m);
    case 'lastMonth':
      return monthsSpan(y, m - 1, m - 1);
    case 'lastQuarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1 - 3;
      return monthsSpan(y, first, first + 2);
    }
    case 'lastHalf':
      return m <= 6 ? monthsSpan(y - 1, 7, 12) : monthsSpan(y, 1, 6);
  }
}

/** The period as the field takes it back: 110/09/01–111/01/31 (one day alone when it is one). */
export const periodText = (p: ReportPeriod): string => (p.from === p.to ? formatRocShort(p.from) : `${formatRocShort(p.from)}–${formatRocShort(p.to)}`);

/** A figure beside the same period a year earlier: the difference, and the share of last year's figure (none when that was 0). */
export function figureChange(now: number, lastYear: number): { diff: number; percent: number | null } {
  return { diff: now - lastYear, percent: lastYear === 0 ? null : Math.round(((now - lastYear) / lastYear) * 1000) / 10 };
}
