/**
 * The venue desk's figures for the period report (docs/domain.md, "How the report counts:
 * Venue sessions and meeting-room uses"): each approved, not cancelled booking occurrence
 * whose Taipei start date falls inside the period counts once, however many days it runs;
 * each occurrence of a series counts. Activity venues (auditorium, atrium) give venue
 * sessions, meeting rooms give room uses. The count and the drill-down list (the records
 * behind a figure) both come from `countedBookings`, so the list's length is the figure.
 */
import { addDays, describeTime, startOfTaipeiDay, taipeiDateOf, type BusinessDate, type Locale } from '../dates';
import { translate } from '../i18n';
import type { FigureRecords, RecordColumn } from '../report/section';
import { ACTIVITY_TYPES, ACTIVITY_VENUE_TYPES, type ActivityType, type Booking, type VenueType } from './types';
import type { BookingView, VenueFigureRow, VenueFigures } from './views';

export interface FigureVenue {
  type: VenueType;
  siteId: string;
  siteNameZh: string;
  siteNameEn: string;
}

/** The venue desk's figures of the report section, by their names there. */
export const VENUE_FIGURES = ['venue_sessions', 'room_uses'] as const;
export type VenueFigureName = (typeof VENUE_FIGURES)[number];
export const isVenueFigure = (name: string): name is VenueFigureName => (VENUE_FIGURES as readonly string[]).includes(name);

/** The figure a drill-down asks for, or a clear error naming the ones there are. */
export function venueFigureNamed(name: string): VenueFigureName {
  if (!isVenueFigure(name)) throw new Error(`no venue figure "${name}" (the venue figures are ${VENUE_FIGURES.join(', ')})`);
  return name;
}

/** A booking occurrence the figures count: the Taipei date it counts on, the figure it counts toward, its venue. */
export interface CountedBooking<B> {
  booking: B;
  day: BusinessDate;
  measure: VenueFigureName;
  venue: FigureVenue;
}

type Countable = Pick<Booking, 'status' | 'start' | 'venueId'>;

/**
 * The booking occurrences the period's figures count, each once, on its Taipei start date,
 * in time order: the one rule both the count and the drill-down list follow.
 */
export function countedBookings<B extends Countable>(bookings: readonly B[], venues: ReadonlyMap<string, FigureVenue>, from: BusinessDate, to: BusinessDate): CountedBooking<B>[] {
  const out: CountedBooking<B>[] = [];
  // A start whose Taipei date is inside the period: from the first day's midnight to the day after the last (as epoch ms, for thousands of bookings).
  const firstMs = Date.parse(startOfTaipeiDay(from));
  const afterMs = Date.parse(startOfTaipeiDay(addDays(to, 1)));
  for (const booking of bookings) {
    // A booking approved and later cancelled has status 'cancelled': it does not count.
    if (booking.status !== 'approved') continue;
    const startMs = Date.parse(booking.start);
    if (Number.isNaN(startMs)) throw new RangeError(`not an instant: ${booking.start}`);
    if (startMs < firstMs || startMs >= afterMs) continue;
    const venue = venues.get(booking.venueId);
    if (!venue) continue;
    out.push({ booking, day: taipeiDateOf(booking.start), venue, measure: ACTIVITY_VENUE_TYPES.includes(venue.type) ? 'venue_sessions' : 'room_uses' });
  }
  return out.sort((a, b) => (a.booking.start < b.booking.start ? -1 : a.booking.start > b.booking.start ? 1 : 0));
}

export function countVenueFigures(
  bookings: ReadonlyArray<Pick<Booking, 'status' | 'start' | 'venueId' | 'activityType'>>,
  venues: ReadonlyMap<string, FigureVenue>,
  from: BusinessDate,
  to: BusinessDate,
): VenueFigures {
  const counts = new Map<string, VenueFigureRow>();
  let venueSessions = 0;
  let roomUses = 0;
  for (const { booking: b, venue: v, measure } of countedBookings(bookings, venues, from, to)) {
    if (measure === 'venue_sessions') venueSessions++;
    else roomUses++;
    const key = `${v.siteId}|${measure}|${b.activityType}`;
    const row = counts.get(key) ?? { siteId: v.siteId, siteNameZh: v.siteNameZh, siteNameEn: v.siteNameEn, measure, activityType: b.activityType, count: 0 };
    row.count++;
    counts.set(key, row);
  }
  const order = (t: ActivityType) => ACTIVITY_TYPES.indexOf(t);
  const rows = [...counts.values()].sort(
    (a, b) => (a.siteId < b.siteId ? -1 : a.siteId > b.siteId ? 1 : 0) || (a.measure < b.measure ? 1 : a.measure > b.measure ? -1 : 0) || order(a.activityType) - order(b.activityType),
  );
  return { from, to, rows, venueSessions, roomUses };
}

/** The drill-down's columns: what the clerk finds a booking by, and what the charts group by (`venue`). No contact details. */
export const VENUE_RECORD_COLUMNS: readonly RecordColumn[] = [
  { key: 'number', label: 'field.number', width: 15 },
  { key: 'date', label: 'field.date', type: 'date', width: 11 },
  { key: 'time', label: 'venues.export.when', width: 30 },
  { key: 'venue', label: 'field.venueId', width: 18 },
  { key: 'site', label: 'field.siteId', width: 14 },
  { key: 'activityType', label: 'field.activityType', width: 10 },
  { key: 'eventName', label: 'field.eventName', width: 30 },
  { key: 'applicant', label: 'field.applicantAgencyId', width: 20 },
];

type Listed = Pick<BookingView, 'id' | 'number' | 'start' | 'end' | 'activityType' | 'eventName' | 'venueNameZh' | 'venueNameEn' | 'applicantNameZh' | 'applicantNameEn'>;

/** The records behind one venue figure: one row per counted occurrence, by date, in the reader's language. */
export function venueFigureRecords(counted: readonly CountedBooking<Listed>[], figure: VenueFigureName, locale: Locale): FigureRecords {
  const en = locale === 'en';
  return {
    figure,
    columns: [...VENUE_RECORD_COLUMNS],
    rows: counted
      .filter((c) => c.measure === figure)
      .map(({ booking: b, day, venue }) => ({
        id: b.id,
        date: day,
        siteId: venue.siteId,
        cells: {
          number: b.number,
          date: day,
          time: describeTime(b.start, b.end),
          venue: en ? b.venueNameEn : b.venueNameZh,
          site: en ? venue.siteNameEn || venue.siteNameZh : venue.siteNameZh,
          activityType: translate(locale, `venues.activity.${b.activityType}`),
          eventName: b.eventName,
          applicant: en ? b.applicantNameEn : b.applicantNameZh,
        },
      })),
  };
}
