/**
 * The arithmetic of the booking calendar, free of React: Taipei minutes of a day, which
 * part of a booking falls into a day's column, side-by-side lanes for bookings that
 * overlap (pending ones compete), and where a drag puts a booking. Taipei keeps UTC+8 all
 * year, so a day is always 1,440 minutes long.
 */
import { addDays, weekdayOf, type BusinessDate } from '../../../domain/dates';

export const MINUTE_MS = 60_000;
export const DAY_MINUTES = 1440;
const DAY_MS = DAY_MINUTES * MINUTE_MS;
/** Taipei has kept UTC+8 without daylight saving since 1979: plain arithmetic, no time-zone tables (the week view lays out hundreds of bookings at once). */
const TAIPEI_OFFSET_MS = 8 * 60 * MINUTE_MS;

/** How a booking looks: approved (solid), pending, pending that competes with another, flagged (no longer fits the venue's rules). */
export type EventTone = 'approved' | 'pending' | 'competing' | 'flagged';

export interface GridEvent {
  id: string;
  venueId: string;
  /** UTC instants, end exclusive. */
  start: string;
  end: string;
  bufferBefore: number;
  bufferAfter: number;
  title: string;
  /** A second line: the applicant. */
  detail?: string;
  tone: EventTone;
  /** e.g. "1/2" while the first of two approvals is done. */
  badge?: string;
  /** Whether this user may move or resize it. */
  movable: boolean;
  /** What a screen reader and the tooltip say: status, time, title, applicant. */
  label: string;
}

/** One column of one day band: a venue on a date. */
export interface GridColumn {
  key: string;
  date: BusinessDate;
  venueId: string;
  /** Minutes of the day the venue is open [from, to); null: closed all day (holiday, closure). */
  open: [number, number] | null;
  /** Why it is closed or marked (a holiday's name, a closure's reason). */
  note?: string;
  noteTone?: 'holiday' | 'closure' | 'workday';
}

export interface GridBand {
  key: string;
  /** The band's date when the band is one day (all venues of a site). */
  date?: BusinessDate;
  columns: GridColumn[];
}

/** The Taipei date and minute of the day of an instant. */
export function taipeiMinute(instant: string | number): { date: BusinessDate; minute: number } {
  const local = (typeof instant === 'number' ? instant : Date.parse(instant)) + TAIPEI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  return { date: new Date(day * DAY_MS).toISOString().slice(0, 10), minute: Math.round((local - day * DAY_MS) / MINUTE_MS) };
}

/** Epoch ms at which a Taipei date begins. */
export function dayStartMs(date: BusinessDate): number {
  return Date.parse(`${date}T00:00:00Z`) - TAIPEI_OFFSET_MS;
}

/** The UTC instant of a Taipei date and minute (minutes past 1,440 run into the next days). */
export function instantAt(date: BusinessDate, minute: number): string {
  return new Date(dayStartMs(date) + minute * MINUTE_MS).toISOString();
}

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

/** A booking's piece inside one day column, in minutes of that day. */
export interface Piece {
  event: GridEvent;
  from: number;
  to: number;
  /** Set-up and tear-down time drawn beside the booking, clipped to the day. */
  bufferFrom: number;
  bufferTo: number;
  /** The booking began on an earlier day / goes on after this day. */
  continuesBefore: boolean;
  continuesAfter: boolean;
  lane: number;
  lanes: number;
}

/** Events with their times read once, by venue: what piecesFor looks through. */
export type EventIndex = ReadonlyMap<string, readonly TimedEvent[]>;

interface TimedEvent {
  event: GridEvent;
  s: number;
  e: number;
  bs: number;
  be: number;
}

export function indexEvents(events: readonly GridEvent[]): EventIndex {
  const index = new Map<string, TimedEvent[]>();
  for (const event of events) {
    const s = Date.parse(event.start);
    const e = Date.parse(event.end);
    const list = index.get(event.venueId) ?? [];
    list.push({ event, s, e, bs: s - event.bufferBefore * MINUTE_MS, be: e + event.bufferAfter * MINUTE_MS });
    index.set(event.venueId, list);
  }
  return index;
}

/** The pieces of the events that fall on this column's day and venue, with lanes for overlaps. */
export function piecesFor(column: Pick<GridColumn, 'date' | 'venueId'>, events: readonly GridEvent[] | EventIndex): Piece[] {
  const index = Array.isArray(events) ? indexEvents(events as readonly GridEvent[]) : (events as EventIndex);
  const dayStart = dayStartMs(column.date);
  const dayEnd = dayStart + DAY_MS;
  const out: Piece[] = [];
  for (const { event, s, e, bs, be } of index.get(column.venueId) ?? []) {
    if (be <= dayStart || bs >= dayEnd) continue;
    const clip = (ms: number) => Math.max(0, Math.min(DAY_MINUTES, Math.round((ms - dayStart) / MINUTE_MS)));
    // A booking whose only presence this day is its buffer still shows (as buffer only).
    out.push({
      event,
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
  const sorted = [...pieces].sort((a, b) => a.bufferFrom - b.bufferFrom || b.bufferTo - a.bufferTo || a.event.id.localeCompare(b.event.id));
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

/** Where a drag leaves a booking. */
export type DragMode = 'move' | 'resize-start' | 'resize-end';

export interface DragResult {
  venueId: string;
  start: string;
  end: string;
}

/**
 * A booking moved by whole days (to another column's date), minutes, and perhaps to another
 * venue; or one of its ends moved. A resize never makes it shorter than `minMinutes`.
 */
export function dragged(
  event: Pick<GridEvent, 'start' | 'end' | 'venueId'>,
  mode: DragMode,
  from: { date: BusinessDate; minute: number },
  to: { date: BusinessDate; minute: number; venueId: string },
  minMinutes = 15,
): DragResult {
  const delta = (daysBetween(from.date, to.date) * DAY_MINUTES + (to.minute - from.minute)) * MINUTE_MS;
  const s = Date.parse(event.start);
  const e = Date.parse(event.end);
  const iso = (ms: number) => new Date(ms).toISOString();
  if (mode === 'move') return { venueId: to.venueId, start: iso(s + delta), end: iso(e + delta) };
  if (mode === 'resize-end') return { venueId: event.venueId, start: event.start, end: iso(Math.max(e + delta, s + minMinutes * MINUTE_MS)) };
  return { venueId: event.venueId, start: iso(Math.min(s + delta, e - minMinutes * MINUTE_MS)), end: event.end };
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
