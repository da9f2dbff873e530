/**
 * The free-slot finder: "a room for 40 people with video conferencing next Tuesday
 * 14:00–16:00". Answers the very time in every venue that fits first, then the nearest
 * other times — in the venue asked for first, when there is one (the conflict case) —
 * each kept clear of approved bookings with both sides' set-up and tear-down.
 *
 * Taiwan has kept UTC+8 without daylight saving since 1980, so wall-clock arithmetic
 * here is plain offset arithmetic (thousands of candidate times are tried per search).
 */
import type { BusinessDate } from '../dates';
import { isWorkingDay, type CalendarExceptions } from '../working-days';
import { fromTaipeiWallMs, minutesOf, taipeiDateOf, taipeiWallMs } from '../dates';
import type { Equipment, Venue, VenueType } from './types';
import type { FreeSlot } from './views';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface SlotRequest {
  start: string;
  end: string;
  attendees?: number;
  equipment?: readonly Equipment[];
  types?: readonly VenueType[];
  bufferBefore?: number;
  bufferAfter?: number;
  /** The venue asked for: its nearby times come before other venues' (the conflict case). */
  preferredVenueId?: string;
  /** The booking being moved: its own time does not count as taken. */
  excludeId?: string;
}

/** What the finder needs of a venue's approved bookings: spans sorted by start. */
export interface BusySpan {
  id: string;
  from: number;
  to: number;
}

/** Busy spans of one venue, sorted, with the running maximum of their ends for O(log n) checks. */
export class BusyIndex {
  private readonly froms: number[];
  private readonly maxTo: number[];
  private readonly spans: BusySpan[];
  constructor(spans: readonly BusySpan[]) {
    this.spans = [...spans].sort((a, b) => a.from - b.from);
    this.froms = this.spans.map((s) => s.from);
    this.maxTo = [];
    let m = -Infinity;
    for (const s of this.spans) this.maxTo.push((m = Math.max(m, s.to)));
  }

  /** Whether [from, to) is clear, ignoring span `except`. */
  isFree(from: number, to: number, except?: string): boolean {
    let lo = 0;
    let hi = this.froms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.froms[mid] < to) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0 || this.maxTo[lo - 1] <= from) return true;
    if (!except) return false;
    // Rare: the moved booking itself may be the one in the way; look at the spans one by one.
    for (let i = lo - 1; i >= 0 && this.maxTo[i] > from; i--) if (this.spans[i].to > from && this.spans[i].id !== except) return false;
    return true;
  }
}

export type FinderVenue = Pick<Venue, 'id' | 'type' | 'capacity' | 'equipment' | 'opensAt' | 'closesAt' | 'bufferBefore' | 'bufferAfter' | 'closures' | 'archived'>;

/** Whether a venue can hold the request at all (kind, size, equipment). */
export function venueFits(v: FinderVenue, r: Pick<SlotRequest, 'attendees' | 'equipment' | 'types'>): boolean {
  if (v.archived) return false;
  if (r.types && r.types.length > 0 && !r.types.includes(v.type)) return false;
  if (r.attendees !== undefined && v.capacity < r.attendees) return false;
  return (r.equipment ?? []).every((e) => v.equipment.includes(e));
}

/**
 * Opening hours, working days and closures for [start, end) in one venue (the rules.ts
 * check, fast): thousands of candidate times fall on a few Taipei days and venues, so each
 * day's date and working-day status and each venue's opening minutes are worked out once.
 */
export class OpeningCheck {
  private readonly days = new Map<number, { date: BusinessDate; working: boolean }>();
  private readonly hours = new Map<FinderVenue, { opens: number; closes: number }>();
  constructor(private readonly calendar: CalendarExceptions) {}

  private day(n: number) {
    let d = this.days.get(n);
    if (!d) {
      const date = taipeiDateOf(fromTaipeiWallMs(n * DAY));
      this.days.set(n, (d = { date, working: isWorkingDay(date, this.calendar) }));
    }
    return d;
  }

  private hoursOf(v: FinderVenue) {
    let h = this.hours.get(v);
    if (!h) this.hours.set(v, (h = { opens: minutesOf(v.opensAt), closes: minutesOf(v.closesAt) }));
    return h;
  }

  opens(v: FinderVenue, start: number, end: number): boolean {
    const firstDay = Math.floor(taipeiWallMs(start) / DAY);
    const lastDay = Math.floor(taipeiWallMs(end - 1) / DAY);
    const first = this.day(firstDay);
    const last = lastDay === firstDay ? first : this.day(lastDay);
    if (!first.working || !last.working) return false;
    const startMin = (taipeiWallMs(start) % DAY) / MINUTE;
    const endMin = Math.floor(taipeiWallMs(end) / DAY) !== lastDay ? 24 * 60 : (taipeiWallMs(end) % DAY) / MINUTE;
    const { opens, closes } = this.hoursOf(v);
    if (startMin < opens || startMin >= closes || endMin > closes || endMin <= opens) return false;
    return v.closures.length === 0 || !v.closures.some((c) => c.from <= last.date && c.to >= first.date);
  }
}

/** Opening hours, working days and closures for [start, end) in one venue: one OpeningCheck. */
export function opensFor(v: FinderVenue, start: number, end: number, calendar: CalendarExceptions): boolean {
  return new OpeningCheck(calendar).opens(v, start, end);
}

export interface FinderOptions {
  limit?: number;
  /** How far from the asked time to look, either way (days). */
  searchDays?: number;
  /** Step between tried start times (minutes); multi-day requests move by whole days. */
  stepMinutes?: number;
}

/**
 * Free slots for a request, nearest first: the asked time in each venue that fits
 * (the preferred venue, then by how closely its size matches), then other times by
 * distance from the asked one, the preferred venue's before others' at equal distance.
 */
export function findFreeSlots(request: SlotRequest, venues: readonly FinderVenue[], busy: ReadonlyMap<string, BusyIndex>, calendar: CalendarExceptions, options: FinderOptions = {}): FreeSlot[] {
  const limit = options.limit ?? 10;
  const start = Date.parse(request.start);
  const end = Date.parse(request.end);
  const duration = end - start;
  if (!(duration > 0)) return [];
  const step = duration >= DAY ? DAY : (options.stepMinutes ?? 30) * MINUTE;
  const maxSteps = Math.floor(((options.searchDays ?? 7) * DAY) / step);
  const wanted = request.attendees ?? 0;
  const fitting = venues.filter((v) => venueFits(v, request)).sort((a, b) => rank(a) - rank(b) || a.capacity - wanted - (b.capacity - wanted) || (a.id < b.id ? -1 : 1));
  function rank(v: FinderVenue) {
    return v.id === request.preferredVenueId ? 0 : 1;
  }
  const opening = new OpeningCheck(calendar);
  const free = (v: FinderVenue, s: number, e: number) => {
    if (!opening.opens(v, s, e)) return false;
    const before = Math.max(v.bufferBefore, request.bufferBefore ?? 0) * MINUTE;
    const after = Math.max(v.bufferAfter, request.bufferAfter ?? 0) * MINUTE;
    return busy.get(v.id)?.isFree(s - before, e + after, request.excludeId) ?? true;
  };
  const slot = (v: FinderVenue, s: number, shift: number): FreeSlot => ({
    venueId: v.id,
    start: new Date(s).toISOString(),
    end: new Date(s + duration).toISOString(),
    sameTime: shift === 0,
    shiftMinutes: shift / MINUTE,
  });

  const out: FreeSlot[] = [];
  for (const v of fitting) {
    if (out.length >= limit) return out;
    if (free(v, start, end)) out.push(slot(v, start, 0));
  }
  // Nearby times: the preferred venue (or, with none, every fitting venue) at each distance.
  const nearbyVenues = request.preferredVenueId ? fitting.filter((v) => v.id === request.preferredVenueId) : fitting;
  const others = request.preferredVenueId ? fitting.filter((v) => v.id !== request.preferredVenueId) : [];
  for (const group of [nearbyVenues, others]) {
    for (let k = 1; k <= maxSteps && out.length < limit; k++) {
      for (const shift of [k * step, -k * step]) {
        for (const v of group) {
          if (out.length >= limit) return out;
          if (free(v, start + shift, end + shift)) out.push(slot(v, start + shift, shift));
        }
      }
    }
  }
  return out;
}
