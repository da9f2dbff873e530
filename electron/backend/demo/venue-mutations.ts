/** The demo's venues and bookings as the named mutations that make them (see venues.ts). */
import { ROC_OFFSET, taipeiInstant } from '../../../domain/dates';
import { occurrenceId } from '../../../domain/venues/recurrence';
import type { NamedMutation } from '../desk';
import { DEMO_BOOKINGS, DEMO_SERIES, DEMO_VENUES, agencyId, bookingId, demoSpaceId, demoVenueId, seriesId, venueId } from './venues';

/** 'YYYY-MM-DD HH:MM' in Taipei → UTC instant. */
const at = (wallClock: string) => taipeiInstant(wallClock.slice(0, 10), wallClock.slice(11));

export function venueMutations(): NamedMutation[] {
  const out: NamedMutation[] = [];
  const add = (name: string, args: Record<string, unknown>) => out.push({ name, args });
  // Fixed printed numbers (場-110-00001…), per ROC year of the start, so two workstations agree.
  const perYear = new Map<number, number>();
  const numberFor = (date: string) => {
    const year = Number(date.slice(0, 4)) - ROC_OFFSET;
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    return `場-${year}-${String(n).padStart(5, '0')}`;
  };

  for (const v of DEMO_VENUES) {
    const { site, space, closures, notes, ...settings } = v;
    void site;
    void space;
    add('venue.create', { id: demoVenueId(v), spaceId: demoSpaceId(v), ...settings, closures: closures ?? [], notes: notes ?? '' });
  }

  const sorted = [...DEMO_BOOKINGS].sort((a, b) => (a.start < b.start ? -1 : 1));
  for (const b of sorted) {
    const id = bookingId(b.handle);
    add('booking.create', {
      id,
      number: numberFor(b.start),
      venueId: venueId(...b.venue),
      applicantAgencyId: b.agency ? agencyId(b.agency) : null,
      applicantOrg: b.org ?? '',
      contactName: b.contactName,
      contactPhone: b.contactPhone,
      eventName: b.eventName,
      activityType: b.activityType,
      attendees: b.attendees,
      equipment: b.equipment ?? [],
      letterNo: b.letterNo ?? '',
      attachments: [],
      fee: b.fee ?? 0,
      feeWaived: b.feeWaived ?? false,
      notes: b.notes ?? '',
      start: at(b.start),
      end: at(b.end),
    });
    for (const step of b.then) {
      if (step === 'approve') add('booking.approve', { id });
      else if ('reject' in step) add('booking.reject', { id, reason: step.reject });
      else add('booking.cancel', { id, reason: step.cancel });
    }
  }

  for (const s of DEMO_SERIES) {
    const id = seriesId(s.handle);
    add('bookingSeries.create', {
      id,
      number: numberFor(s.startDate),
      venueId: venueId(...s.venue),
      applicantAgencyId: agencyId(s.agency),
      applicantOrg: '',
      contactName: s.contactName,
      contactPhone: s.contactPhone,
      eventName: s.eventName,
      activityType: s.activityType,
      attendees: s.attendees,
      equipment: s.equipment,
      letterNo: '',
      attachments: [],
      fee: 0,
      feeWaived: false,
      notes: '',
      rule: { freq: 'weekly', interval: 1, weekdays: s.weekdays },
      startDate: s.startDate,
      startTime: s.startTime,
      endTime: s.endTime,
      until: null,
      count: s.count,
    });
    for (const m of s.move ?? []) add('booking.move', { id: occurrenceId(id, m.date), start: at(m.start), end: at(m.end) });
    for (let i = 0; i < s.approvals; i++) add('bookingSeries.approve', { id });
    for (const c of s.cancel ?? []) add('booking.cancel', { id: occurrenceId(id, c.date), reason: c.reason });
  }
  return out;
}
