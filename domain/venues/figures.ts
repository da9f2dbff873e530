/**
 * The venue desk's figures for the period report (docs/domain.md, "How the report counts:
 * Venue sessions and meeting-room uses"): each approved, not cancelled booking occurrence
 * whose Taipei start date falls inside the period counts once, however many days it runs;
 * each occurrence of a series counts. Activity venues (auditorium, atrium) give venue
 * sessions, meeting rooms give room uses.
 */
import { addDays, startOfTaipeiDay, type BusinessDate } from '../dates';
import { ACTIVITY_TYPES, ACTIVITY_VENUE_TYPES, type ActivityType, type Booking, type VenueType } from './types';
import type { VenueFigureRow, VenueFigures } from './views';

export interface FigureVenue {
  type: VenueType;
  siteId: string;
  siteNameZh: string;
  siteNameEn: string;
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
  // A start whose Taipei date is inside the period: from the first day's midnight to the day after the last (as epoch ms, for thousands of bookings).
  const firstMs = Date.parse(startOfTaipeiDay(from));
  const afterMs = Date.parse(startOfTaipeiDay(addDays(to, 1)));
  for (const b of bookings) {
    // A booking approved and later cancelled has status 'cancelled': it does not count.
    if (b.status !== 'approved') continue;
    const startMs = Date.parse(b.start);
    if (Number.isNaN(startMs)) throw new RangeError(`not an instant: ${b.start}`);
    if (startMs < firstMs || startMs >= afterMs) continue;
    const v = venues.get(b.venueId);
    if (!v) continue;
    const measure = ACTIVITY_VENUE_TYPES.includes(v.type) ? 'venue_sessions' : 'room_uses';
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
