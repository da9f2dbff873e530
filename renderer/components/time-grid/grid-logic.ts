/**
 * The arithmetic of the resource × time grid, free of React: Taipei minutes of a day, which
 * part of an item (a booking, a trip) falls into a day's column of a resource (a venue, a
 * vehicle), side-by-side lanes for items that overlap, and where a drag puts an item.
 * Taipei keeps UTC+8 all year, so a day is always 1,440 minutes long.
 */
import type { ReactNode } from 'react';
import { addDays, taipeiClock, taipeiDayStartMs, taipeiInstantAt, weekdayOf, type BusinessDate } from '../../../domain/dates';

export const MINUTE_MS = 60_000;
export const DAY_MINUTES = 1440;
const DAY_MS = DAY_MINUTES * MINUTE_MS;

/** What a resource the grid lays out is: a venue, a vehicle. Its label and sub-label head its column. */
export interface GridResource {
  id: string;
  label: ReactNode;
  /** A second line: a room's capacity, a vehicle's seats. */
  sub?: ReactNode;
  /** The tooltip: more than the header has room for. */
  title?: string;
}

/** How a day of the working-day calendar reads: holiday, typhoon closure, make-up working day, weekend, today. */
export type DayTone = 'holiday' | 'closure' | 'workday' | 'weekend' | 'today';

/** The colours of an item in one state, as CSS values; the desk names its states (see TimeGridProps.tones). */
export interface ItemTone {
  background: string;
  color: string;
  border: string;
}

export interface GridItem {
  id: string;
  resourceId: string;
  /** UTC instants, end exclusive. */
  start: string;
  end: string;
  /** Minutes kept free before and after it (set-up, tear-down), drawn beside it. */
  bufferBefore: number;
  bufferAfter: number;
  title: string;
  /** A second line: who asked for it. */
  detail?: string;
  /** Its state, a key of the tones the desk gives the grid. */
  tone: string;
  /** A short mark before the title, e.g. "1/2" while the first of two approvals is done. */
  badge?: string;
  /** Whether this user may move or resize it. */
  movable: boolean;
  /** What a screen reader and the tooltip say: state, time, title, who. */
  label: string;
}

/** One column of one day band: a resource on a date. */
export interface GridColumn {
  key: string;
  date: BusinessDate;
  resourceId: string;
  /** Minutes of the day the resource is available [from, to); null: not at all that day (holiday, closure). */
  open: [number, number] | null;
  /** Why it is closed or marked (a holiday's name, a closure's reason). */
  note?: string;
  noteTone?: 'holiday' | 'closure' | 'workday';
}

export interface GridBand {
  key: string;
  /** The band's date when the band is one day (all resources side by side). */
  date?: BusinessDate;
  columns: GridColumn[];
}

/** The Taipei date and whole minute of the day of an instant: the grid snaps to minutes. */
export function taipeiMinute(instant: string | number): { date: BusinessDate; minute: number } {
  const { date, minute } = taipeiClock(instant);
  return { date, minute: Math.round(minute) };
}

/** The UTC instant of a Taipei date and minute (minutes past 1,440 run into the next days). */
export const instantAt = taipeiInstantAt;

/** Whole days from a to b. */
export function daysBetween(a: BusinessDate, b: BusinessDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The Sunday that starts the week of a date (Taiwan's calendars start on Sunday). */
export function weekStart(date: BusinessDate): BusinessDate {
  return addDays(date, -weekdayOf(date));
}

export function weekDates(date: BusinessDate): BusinessDate[] {
  const first = weekStart(date);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

/** "09:30" */
export function clock(minute: number): string {
  const m = ((minute % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const h = minute >= DAY_MINUTES && m === 0 ? 24 : Math.floor(m / 60);
  return `${String(h).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** "09:30" → 570; null for anything else. 24:00 is the end of the day. */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2}):?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

export function snap(minute: number, step: number): number {
  return Math.round(minute / step) * step;
}

/** An item's piece inside one day column, in minutes of that day. */
export interface Piece {
  item: GridItem;
  from: number;
  to: number;
  /** Set-up and tear-down time drawn beside the item, clipped to the day. */
  bufferFrom: number;
  bufferTo: number;
  /** The item began on an earlier day / goes on after this day. */
  continuesBefore: boolean;
  continuesAfter: boolean;
  lane: number;
  lanes: number;
}

/** Items with their times read once, by resource: what piecesFor looks through. */
export type ItemIndex = ReadonlyMap<string, readonly TimedItem[]>;

interface TimedItem {
  item: GridItem;
  s: number;
  e: number;
  bs: number;
  be: number;
}

export function indexItems(items: readonly GridItem[]): ItemIndex {
  const index = new Map<string, TimedItem[]>();
  for (const item of items) {
    const s = Date.parse(item.start);
    const e = Date.parse(item.end);
    const list = index.get(item.resourceId) ?? [];
    list.push({ item, s, e, bs: s - item.bufferBefore * MINUTE_MS, be: e + item.bufferAfter * MINUTE_MS });
    index.set(item.resourceId, list);
  }
  return index;
}

/** The pieces of the items that fall on this column's day and resource, with lanes for overlaps. */
export function piecesFor(column: Pick<GridColumn, 'date' | 'resourceId'>, items: readonly GridItem[] | ItemIndex): Piece[] {
  const index = Array.isArray(items) ? indexItems(items as readonly GridItem[]) : (items as ItemIndex);
  const dayStart = taipeiDayStartMs(column.date);
  const dayEnd = dayStart + DAY_MS;
  const out: Piece[] = [];
  for (const { item, s, e, bs, be } of index.get(column.resourceId) ?? []) {
    if (be <= dayStart || bs >= dayEnd) continue;
    const clip = (ms: number) => Math.max(0, Math.min(DAY_MINUTES, Math.round((ms - dayStart) / MINUTE_MS)));
    // An item whose only presence this day is its buffer still shows (as buffer only).
    out.push({
      item,
      from: clip(Math.max(s, dayStart)),
      to: clip(Math.min(e, dayEnd)),
      bufferFrom: clip(bs),
      bufferTo: clip(be),
      continuesBefore: s < dayStart,
      continuesAfter: e > dayEnd,
      lane: 0,
      lanes: 1,
    });
  }
  return assignLanes(out);
}

/**
 * Side-by-side lanes: overlapping pieces (buffers included) get different lanes; each
 * cluster of overlapping pieces shares its lane count, so widths line up.
 */
export function assignLanes(pieces: Piece[]): Piece[] {
  const sorted = [...pieces].sort((a, b) => a.bufferFrom - b.bufferFrom || b.bufferTo - a.bufferTo || a.item.id.localeCompare(b.item.id));
  let cluster: Piece[] = [];
  let clusterEnd = -1;
  let laneEnds: number[] = [];
  const close = () => {
    for (const p of cluster) p.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const p of sorted) {
    if (p.bufferFrom >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= p.bufferFrom);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(p.bufferTo);
    } else laneEnds[lane] = p.bufferTo;
    p.lane = lane;
    cluster.push(p);
    clusterEnd = Math.max(clusterEnd, p.bufferTo);
  }
  close();
  return sorted;
}

/** Where a drag leaves an item. */
export type DragMode = 'move' | 'resize-start' | 'resize-end';

export interface DragResult {
  resourceId: string;
  start: string;
  end: string;
}

/**
 * An item moved by whole days (to another column's date), minutes, and perhaps to another
 * resource; or one of its ends moved. A resize never makes it shorter than `minMinutes`.
 */
export function dragged(
  item: Pick<GridItem, 'start' | 'end' | 'resourceId'>,
  mode: DragMode,
  from: { date: BusinessDate; minute: number },
  to: { date: BusinessDate; minute: number; resourceId: string },
  minMinutes = 15,
): DragResult {
  const delta = (daysBetween(from.date, to.date) * DAY_MINUTES + (to.minute - from.minute)) * MINUTE_MS;
  const s = Date.parse(item.start);
  const e = Date.parse(item.end);
  const iso = (ms: number) => new Date(ms).toISOString();
  if (mode === 'move') return { resourceId: to.resourceId, start: iso(s + delta), end: iso(e + delta) };
  if (mode === 'resize-end') return { resourceId: item.resourceId, start: item.start, end: iso(Math.max(e + delta, s + minMinutes * MINUTE_MS)) };
  return { resourceId: item.resourceId, start: iso(Math.min(s + delta, e - minMinutes * MINUTE_MS)), end: item.end };
}

/** The hours a grid shows: from the earliest opening to the latest closing, whole hours, with a default when nothing is open. */
export function visibleHours(columns: readonly Pick<GridColumn, 'open'>[], fallback: [number, number] = [8 * 60, 18 * 60]): [number, number] {
  let from = Infinity;
  let to = -Infinity;
  for (const c of columns) {
    if (!c.open) continue;
    from = Math.min(from, c.open[0]);
    to = Math.max(to, c.open[1]);
  }
  if (!Number.isFinite(from)) [from, to] = fallback;
  return [Math.floor(from / 60) * 60, Math.min(DAY_MINUTES, Math.ceil(to / 60) * 60)];
}

/** A selection of a time range in one column, in minutes; start < end whichever way it was dragged. */
export function selectionRange(anchor: number, current: number, step: number, bounds: [number, number]): [number, number] {
  let from = Math.floor(Math.min(anchor, current) / step) * step;
  let to = Math.ceil(Math.max(anchor, current) / step) * step;
  if (to === from) to = from + step;
  from = Math.max(bounds[0], from);
  to = Math.min(bounds[1], to);
  return to > from ? [from, to] : [Math.max(bounds[0], bounds[1] - step), bounds[1]];
}
