/**
 * Approved bookings that no longer fit their venue after its hours, buffers or closures
 * changed (or the calendar gained a holiday). They are flagged for the clerk, never
 * cancelled: the clerk calls the applicant and moves or cancels them.
 */
import type { Problem } from '../errors';
import type { CalendarExceptions } from '../working-days';
import { describeTime } from '../dates';
import { scheduleProblems } from './rules';
import type { Booking, Venue } from './types';

const MINUTE = 60_000;

/** The span a booking holds under the venue's current defaults (its own buffers if larger). */
export function currentSpan(b: Pick<Booking, 'start' | 'end' | 'bufferBefore' | 'bufferAfter'>, venue: Pick<Venue, 'bufferBefore' | 'bufferAfter'>): [number, number] {
  return [Date.parse(b.start) - Math.max(b.bufferBefore, venue.bufferBefore) * MINUTE, Date.parse(b.end) + Math.max(b.bufferAfter, venue.bufferAfter) * MINUTE];
}

/**
 * For each approved booking of one venue, what no longer fits: the opening hours,
 * closures and working days (unless a supervisor overrode them), and clashes with the
 * venue's other approved bookings once the current buffers are counted.
 */
export function misfits(venue: Venue, approved: readonly Booking[], calendar: CalendarExceptions): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  const add = (id: string, p: Problem) => out.set(id, [...(out.get(id) ?? []), p]);
  for (const b of approved) if (!b.overrideReason) for (const p of scheduleProblems(venue, b.start, b.end, calendar)) add(b.id, p);
  const spans = approved.map((b) => ({ b, span: currentSpan(b, venue) })).sort((x, y) => x.span[0] - y.span[0]);
  // Sweep: each booking against those after it that start before it ends.
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length && spans[j].span[0] < spans[i].span[1]; j++) {
      const [a, b] = [spans[i].b, spans[j].b];
      add(a.id, { code: 'venues.conflict', params: { conflictId: b.id, number: b.number, name: b.eventName, when: describeTime(b.start, b.end), start: b.start, end: b.end } });
      add(b.id, { code: 'venues.conflict', params: { conflictId: a.id, number: a.number, name: a.eventName, when: describeTime(a.start, a.end), start: a.start, end: a.end } });
    }
  }
  return out;
}
