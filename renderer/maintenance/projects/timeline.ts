/**
 * The timeline's geometry: the months a set of projects spans, and where a bar from one
 * date to another sits on it, as percentages of the width.
 */
import { addDays, type BusinessDate } from '../../../domain/dates';
import { timelineSpan } from '../../../domain/maintenance/projects';

export interface Axis {
  from: BusinessDate;
  /** The day after the last one shown. */
  to: BusinessDate;
  months: { start: BusinessDate; left: number; width: number }[];
}

const day = (d: BusinessDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
const firstOfMonth = (d: BusinessDate) => `${d.slice(0, 7)}-01`;
function nextMonth(d: BusinessDate): BusinessDate {
  const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Whole months around every date known of the items, or null when none has a date. */
export function axisFor(items: Parameters<typeof timelineSpan>[0]): Axis | null {
  const span = timelineSpan(items);
  if (!span) return null;
  const from = firstOfMonth(span.from);
  const to = nextMonth(span.to);
  const total = day(to) - day(from);
  const months: Axis['months'] = [];
  for (let m = from; m < to; m = nextMonth(m)) months.push({ start: m, left: ((day(m) - day(from)) / total) * 100, width: ((day(nextMonth(m)) - day(m)) / total) * 100 });
  return { from, to, months };
}

/** A bar from `start` to `end` (both days included); an open end runs to `openEnd`. */
export function barFor(axis: Axis, start: BusinessDate | null, end: BusinessDate | null, openEnd?: BusinessDate): { left: number; width: number } | null {
  if (!start) return null;
  const last = end ?? openEnd;
  if (!last || last < start) return null;
  const total = day(axis.to) - day(axis.from);
  const left = ((day(start) - day(axis.from)) / total) * 100;
  const right = ((day(addDays(last, 1)) - day(axis.from)) / total) * 100;
  const clampedLeft = Math.max(0, Math.min(100, left));
  return { left: clampedLeft, width: Math.max(0.4, Math.min(100, right) - clampedLeft) };
}
