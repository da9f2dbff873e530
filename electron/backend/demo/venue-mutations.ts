/**
 * The demo's venues and bookings as the named mutations that make them (see venues.ts).
 * The printed numbers (場-110-00001…) are the runner's, from this workstation's
 * sequence: each history application is written as filed two weeks before its first
 * day, so it is numbered in that year; the applications around today in this one.
 */
import { addDays, taipeiInstant, todayInTaipei, weekdayOf } from '../../../domain/dates';
import { occurrenceId } from '../../../domain/venues/recurrence';
import type { NamedMutation } from '../desk';
import { reportPeriodVenueMutations } from './report-period-venues';
import { DEMO_BOOKINGS, DEMO_NEAR_BOOKINGS, DEMO_SERIES, DEMO_VENUES, agencyId, bookingId, demoSpaceId, demoVenueId, seriesId, venueId, type DemoBooking } from './venues';

/** 'YYYY-MM-DD HH:MM' in Taipei → UTC instant. */
const at = (wallClock: string) => taipeiInstant(wallClock.slice(0, 10), wallClock.slice(11));

/** When a history application came in: two weeks before its first day, at 09:00. */
const filedBefore = (date: string) => taipeiInstant(addDays(date.slice(0, 10), -14), '09:00');

const DAY = 86_400_000;

export function venueMutations(now: Date): NamedMutation[] {
  const out: NamedMutation[] = [];
  const add = (name: string, args: Record<string, unknown>, made?: string) => out.push({ name, args, ...(made ? { at: made } : {}) });

  for (const v of DEMO_VENUES) {
    const { site, space, closures, notes, ...settings } = v;
    void site;
    void space;
    add('venue.create', { id: demoVenueId(v), spaceId: demoSpaceId(v), ...settings, closures: closures ?? [], notes: notes ?? '' });
  }

  const book = (b: DemoBooking, filed: string) => {
    const id = bookingId(b.handle);
    add(
      'booking.create',
      {
        id,
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
      },
      filed,
    );
    for (const step of b.then) {
      if (step === 'approve') add('booking.approve', { id });
      else if ('reject' in step) add('booking.reject', { id, reason: step.reject });
      else add('booking.cancel', { id, reason: step.cancel });
    }
  };

  // The business report's period: its 205 venue sessions and 1,149 room uses, and bookings that must not count.
  out.push(...reportPeriodVenueMutations());

  const sorted = [...DEMO_BOOKINGS].sort((a, b) => (a.start < b.start ? -1 : 1));
  for (const b of sorted) book(b, filedBefore(b.start));

  for (const s of DEMO_SERIES) {
    const id = seriesId(s.handle);
    add(
      'bookingSeries.create',
      {
        id,
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
      },
      filedBefore(s.startDate),
    );
    for (const m of s.move ?? []) add('booking.move', { id: occurrenceId(id, m.date), start: at(m.start), end: at(m.end) });
    for (let i = 0; i < s.approvals; i++) add('bookingSeries.approve', { id });
    for (const c of s.cancel ?? []) add('booking.cancel', { id: occurrenceId(id, c.date), reason: c.reason });
  }

  // This week's and next week's, filed some days before today. A week as the calendar
  // shows it: Sunday to Saturday (Taiwan's calendars start on Sunday).
  const today = todayInTaipei(now);
  const sunday = addDays(today, -weekdayOf(today));
  for (const n of DEMO_NEAR_BOOKINGS) {
    const { week, weekday, from, to, filed, ...rest } = n;
    const day = addDays(sunday, week * 7 + weekday);
    book({ ...rest, start: `${day} ${from}`, end: `${day} ${to}` }, new Date(now.getTime() - filed * DAY).toISOString());
  }
  return out;
}
