/**
 * The application form (場地申請) and what it sends: the form holds dates and clock times
 * as a clerk types them; the mutations take UTC instants, the applicant as an agency or an
 * outside organisation, and for a series the recurrence rule. An edit sends only what
 * changed: particulars through booking.update, venue and time through booking.move.
 */
import type { Attachment } from '../../domain/attachments';
import { addDays, type BusinessDate } from '../../domain/dates';
import { changedFields } from '../../domain/mutations/reference';
import type { ActivityType, Booking, BookingParticulars, Equipment, RecurrenceRule } from '../../domain/venues/types';
import type { BookingCreateArgs, BookingMoveArgs, SeriesCreateArgs } from '../../domain/venues/schemas';
import { clock, instantAt, parseClock, taipeiMinute } from '../components/time-grid/grid-logic';

export interface BookingFormValues {
  venueId: string | null;
  applicantKind: 'agency' | 'org';
  applicantAgencyId: string | null;
  applicantOrg: string;
  contactName: string;
  contactPhone: string;
  eventName: string;
  activityType: ActivityType | null;
  attendees: number | null;
  equipment: Equipment[];
  letterNo: string;
  /** The scanned letter and its enclosures, already in the workstation's file store. */
  attachments: Attachment[];
  fee: number | null;
  feeWaived: boolean;
  notes: string;
  startDate: BusinessDate | null;
  startTime: string;
  /** The last day of a booking over several days; empty: the start date. */
  endDate: BusinessDate | null;
  endTime: string;
  bufferBefore: number | null;
  bufferAfter: number | null;
  repeat: boolean;
  freq: 'weekly' | 'daily';
  interval: number;
  weekdays: number[];
  endKind: 'until' | 'count';
  until: BusinessDate | null;
  count: number | null;
  /** A supervisor's reason to book past the opening hours, a closure or a holiday. */
  override: boolean;
  overrideReason: string;
}

export const EMPTY_FORM: BookingFormValues = {
  venueId: null,
  applicantKind: 'agency',
  applicantAgencyId: null,
  applicantOrg: '',
  contactName: '',
  contactPhone: '',
  eventName: '',
  activityType: null,
  attendees: null,
  equipment: [],
  letterNo: '',
  attachments: [],
  fee: 0,
  feeWaived: false,
  notes: '',
  startDate: null,
  startTime: '',
  endDate: null,
  endTime: '',
  bufferBefore: null,
  bufferAfter: null,
  repeat: false,
  freq: 'weekly',
  interval: 1,
  weekdays: [],
  endKind: 'count',
  until: null,
  count: 4,
  override: false,
  overrideReason: '',
};

/** "1430", "14:30", "9:5"… as HH:MM, or the text unchanged when it is no time. */
export function normalClock(text: string): string {
  const m = parseClock(text.replace(/[：.]/g, ':'));
  return m === null ? text.trim() : clock(m);
}

/** The instants the form's dates and times stand for, or null while they are incomplete or wrong. */
export function timesOf(v: Pick<BookingFormValues, 'startDate' | 'startTime' | 'endDate' | 'endTime'>): { start: string; end: string } | null {
  const s = parseClock(normalClock(v.startTime ?? ''));
  const e = parseClock(normalClock(v.endTime ?? ''));
  if (!v.startDate || s === null || e === null) return null;
  const start = instantAt(v.startDate, s);
  const end = instantAt(v.endDate || v.startDate, e);
  return Date.parse(end) > Date.parse(start) ? { start, end } : null;
}

const trim = (s: string | null | undefined) => (s ?? '').trim();

export function particularsOf(v: BookingFormValues): BookingParticulars {
  const agency = v.applicantKind === 'agency';
  return {
    venueId: v.venueId ?? '',
    applicantAgencyId: agency ? v.applicantAgencyId : null,
    applicantOrg: agency ? '' : trim(v.applicantOrg),
    contactName: trim(v.contactName),
    contactPhone: trim(v.contactPhone),
    eventName: trim(v.eventName),
    activityType: v.activityType as ActivityType,
    attendees: Number(v.attendees ?? 0),
    equipment: [...new Set(v.equipment ?? [])].sort(),
    letterNo: trim(v.letterNo),
    attachments: v.attachments ?? [],
    fee: Number(v.fee ?? 0),
    feeWaived: !!v.feeWaived,
    notes: trim(v.notes),
  };
}

function buffersOf(v: BookingFormValues): { bufferBefore?: number; bufferAfter?: number } {
  return {
    ...(v.bufferBefore !== null && v.bufferBefore !== undefined ? { bufferBefore: v.bufferBefore } : {}),
    ...(v.bufferAfter !== null && v.bufferAfter !== undefined ? { bufferAfter: v.bufferAfter } : {}),
  };
}

function overrideOf(v: BookingFormValues): { override?: { reason: string } } {
  return v.override && trim(v.overrideReason) ? { override: { reason: trim(v.overrideReason) } } : {};
}

export function createArgs(v: BookingFormValues, id: string): BookingCreateArgs {
  const times = timesOf(v);
  if (!times) throw new RangeError('the form has no valid time range');
  return { id, ...particularsOf(v), ...times, ...buffersOf(v), ...overrideOf(v) };
}

export function ruleOf(v: BookingFormValues): RecurrenceRule {
  return v.freq === 'daily' ? { freq: 'daily', interval: v.interval || 1 } : { freq: 'weekly', interval: v.interval || 1, weekdays: [...new Set(v.weekdays)].sort() };
}

export function seriesArgs(v: BookingFormValues, id: string): SeriesCreateArgs {
  return {
    id,
    ...particularsOf(v),
    rule: ruleOf(v),
    startDate: v.startDate ?? '',
    startTime: normalClock(v.startTime),
    endTime: normalClock(v.endTime),
    until: v.endKind === 'until' ? v.until : null,
    count: v.endKind === 'count' ? v.count : null,
    ...buffersOf(v),
    ...overrideOf(v),
  };
}

/** A booking (or a create mutation's arguments) as the form's starting values. */
export function valuesOf(b: Partial<Booking> & { start?: string; end?: string }): BookingFormValues {
  const s = b.start ? taipeiMinute(b.start) : null;
  let e = b.end ? taipeiMinute(b.end) : null;
  // An end at midnight is 24:00 of the day before.
  if (e && s && e.minute === 0 && e.date > s.date) e = { date: addDays(e.date, -1), minute: 1440 };
  return {
    ...EMPTY_FORM,
    venueId: b.venueId ?? null,
    applicantKind: b.applicantAgencyId || !b.applicantOrg ? 'agency' : 'org',
    applicantAgencyId: b.applicantAgencyId ?? null,
    applicantOrg: b.applicantOrg ?? '',
    contactName: b.contactName ?? '',
    contactPhone: b.contactPhone ?? '',
    eventName: b.eventName ?? '',
    activityType: b.activityType ?? null,
    attendees: b.attendees ?? null,
    equipment: b.equipment ?? [],
    letterNo: b.letterNo ?? '',
    attachments: b.attachments ?? [],
    fee: b.fee ?? 0,
    feeWaived: b.feeWaived ?? false,
    notes: b.notes ?? '',
    startDate: s?.date ?? null,
    startTime: s ? clock(s.minute) : '',
    endDate: e && s && e.date !== s.date ? e.date : null,
    endTime: e ? clock(e.minute) : '',
    bufferBefore: b.bufferBefore ?? null,
    bufferAfter: b.bufferAfter ?? null,
  };
}

/** A series' creation arguments (a refused bookingSeries.create) as the form's values. */
export function seriesValues(a: Partial<SeriesCreateArgs>): BookingFormValues {
  const rule = a.rule;
  return {
    ...valuesOf(a as Partial<Booking>),
    startDate: a.startDate ?? null,
    startTime: a.startTime ?? '',
    endTime: a.endTime ?? '',
    repeat: true,
    freq: rule?.freq ?? 'weekly',
    interval: rule?.interval ?? 1,
    weekdays: rule && rule.freq === 'weekly' ? rule.weekdays : [],
    endKind: a.until ? 'until' : 'count',
    until: a.until ?? null,
    count: a.count ?? null,
    bufferBefore: a.bufferBefore ?? null,
    bufferAfter: a.bufferAfter ?? null,
  };
}

/** The particulars that differ from the booking: what booking.update carries (empty when none). */
export function particularsPatch(b: Booking, v: BookingFormValues): Partial<BookingParticulars> {
  const { venueId: _v, ...was } = particularsOf(valuesOf(b));
  const { venueId: _w, ...now } = particularsOf(v);
  return changedFields(was as Record<string, unknown>, now as Record<string, unknown>) as Partial<BookingParticulars>;
}

/** booking.move's arguments when the venue, the time or the buffers changed; else null. */
export function moveOf(b: Booking, v: BookingFormValues): BookingMoveArgs | null {
  const times = timesOf(v);
  if (!times) return null;
  const buffers = buffersOf(v);
  const same =
    v.venueId === b.venueId &&
    times.start === b.start &&
    times.end === b.end &&
    (buffers.bufferBefore ?? b.bufferBefore) === b.bufferBefore &&
    (buffers.bufferAfter ?? b.bufferAfter) === b.bufferAfter;
  if (same) return null;
  return { id: b.id, ...(v.venueId !== b.venueId ? { venueId: v.venueId ?? undefined } : {}), ...times, ...buffers, ...overrideOf(v) };
}

/** A slot chosen on the calendar or in the free-slot list as form values. */
export function slotValues(slot: { venueId: string; start: string; end: string }): Partial<BookingFormValues> {
  const v = valuesOf({ start: slot.start, end: slot.end });
  return { venueId: slot.venueId, startDate: v.startDate, startTime: v.startTime, endDate: v.endDate, endTime: v.endTime };
}
