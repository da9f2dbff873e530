/**
 * The venue rules that need no database: buffers, opening hours, closures and working
 * days, who may apply, capacity and equipment warnings. The mutators and the pre-flight
 * check both use them, so the clerk sees the same answer before and after saving.
 */
import { addDays, daysOf, describeTime, minutesOf, taipeiDateOf, taipeiMinutes, formatRocShort, type BusinessDate } from '../dates';
import type { Problem } from '../errors';
import { isWorkingDay, type CalendarExceptions } from '../working-days';
import type { Equipment, Venue } from './types';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The longest booking (an exhibition of some months). */
export const MAX_BOOKING_DAYS = 400;

/** A booking's set-up and tear-down: what it asked for, never less than the venue's defaults. */
export function effectiveBuffers(venue: Pick<Venue, 'bufferBefore' | 'bufferAfter'>, asked: { bufferBefore?: number; bufferAfter?: number } = {}) {
  return { bufferBefore: Math.max(venue.bufferBefore, asked.bufferBefore ?? 0), bufferAfter: Math.max(venue.bufferAfter, asked.bufferAfter ?? 0) };
}

/** The span the overlap rule compares: start − set-up to end + tear-down. */
export function occupiedOf(start: string, end: string, bufferBefore: number, bufferAfter: number) {
  return {
    occupiedFrom: new Date(Date.parse(start) - bufferBefore * MINUTE).toISOString(),
    occupiedTo: new Date(Date.parse(end) + bufferAfter * MINUTE).toISOString(),
  };
}

/** Basic shape: the end after the start, not longer than the longest booking. */
export function timeProblems(start: string, end: string): Problem[] {
  const s = Date.parse(start);
  const e = Date.parse(end);
  if (!(e > s)) return [{ code: 'venues.endBeforeStart', params: {}, field: 'end' }];
  if (e - s > MAX_BOOKING_DAYS * DAY) return [{ code: 'venues.tooLong', params: { days: MAX_BOOKING_DAYS }, field: 'end' }];
  return [];
}

/**
 * Opening hours, closures and working days. The first and last day of a booking must be
 * working days and its start and end within the opening hours; the days between are not
 * checked (a two-month exhibition stays up over weekends). A closure touching any of its
 * days blocks it. A supervisor may override all of these.
 */
export function scheduleProblems(venue: Pick<Venue, 'opensAt' | 'closesAt' | 'closures'>, start: string, end: string, calendar: CalendarExceptions): Problem[] {
  const problems: Problem[] = [];
  const { first, last } = daysOf(start, end);
  for (const date of first === last ? [first] : [first, last]) {
    if (!isWorkingDay(date, calendar)) {
      const name = calendar.get(date)?.name;
      const field = date === first ? 'start' : 'end';
      if (name) problems.push({ code: 'venues.holiday', params: { date: formatRocShort(date), name }, field });
      else problems.push({ code: 'venues.weekend', params: { date: formatRocShort(date) }, field });
    }
  }
  const opens = minutesOf(venue.opensAt);
  const closes = minutesOf(venue.closesAt);
  const startMin = taipeiMinutes(start);
  const endMin = taipeiDateOf(end) !== last ? 24 * 60 : taipeiMinutes(end);
  if (startMin < opens || startMin >= closes) {
    problems.push({ code: 'venues.outsideHours', params: { when: describeTime(start, end), opens: venue.opensAt, closes: venue.closesAt }, field: 'start' });
  } else if (endMin > closes || endMin <= opens) {
    problems.push({ code: 'venues.outsideHours', params: { when: describeTime(start, end), opens: venue.opensAt, closes: venue.closesAt }, field: 'end' });
  }
  for (const c of venue.closures) {
    if (c.from <= last && c.to >= first) problems.push({ code: 'venues.closed', params: { from: formatRocShort(c.from), to: formatRocShort(c.to), reason: c.reason }, field: 'start' });
  }
  return problems;
}

/** Whether a Taipei date is one the venue can be booked on at all (for series and the free-slot finder). */
export function isOpenDay(venue: Pick<Venue, 'closures'>, date: BusinessDate, calendar: CalendarExceptions): boolean {
  return isWorkingDay(date, calendar) && !venue.closures.some((c) => c.from <= date && c.to >= date);
}

export function applicantProblems(venue: Pick<Venue, 'bookableBy'>, applicantAgencyId: string | null, applicantOrg: string): Problem[] {
  if (!applicantAgencyId && !applicantOrg.trim()) return [{ code: 'venues.noApplicant', params: {}, field: 'applicantAgencyId' }];
  if (venue.bookableBy === 'agencies' && !applicantAgencyId) return [{ code: 'venues.agenciesOnly', params: {}, field: 'applicantAgencyId' }];
  return [];
}

/** Attendees over capacity and equipment the venue lacks: warned about, not refused. */
export function bookingWarnings(venue: Pick<Venue, 'capacity' | 'equipment'>, wanted: { attendees?: number; equipment?: readonly Equipment[] }): Problem[] {
  const out: Problem[] = [];
  if (wanted.attendees !== undefined && wanted.attendees > venue.capacity)
    out.push({ code: 'venues.overCapacity', params: { attendees: wanted.attendees, capacity: venue.capacity }, field: 'attendees' });
  for (const e of wanted.equipment ?? []) if (!venue.equipment.includes(e)) out.push({ code: `venues.missing.${e}`, params: {}, field: 'equipment' });
  return out;
}

export { addDays };
