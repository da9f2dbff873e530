/**
 * The iCalendar text of a venue's or an agency's bookings in the workstation's language:
 * the export a clerk hands to Outlook. Only the reading is here; the text comes from
 * domain/venues/ical-feed.ts venueCalendarText, which the sync server's LAN feed calls too.
 */
import { feedData, venueViewOf, venueViews } from '../../../db/queries/venues';
import { feedName, venueCalendarText, type FeedAgencyName, type FeedScope } from '../../../domain/venues/ical-feed';
import type { DeskContext } from '../desk';

export function venueCalendar(ws: DeskContext, scope: FeedScope): { text: string; name: string } | null {
  let subject: FeedAgencyName | undefined;
  if ('venueId' in scope) subject = venueViewOf(ws.db, scope.venueId);
  else subject = ws.runner.records.getSync('agency', scope.agencyId);
  if (!subject) return null;
  const venues = new Map(venueViews(ws.db, { includeArchived: true }).map((v) => [v.id, v]));
  const agencies = new Map(ws.runner.records.findSync('agency', {}).map((a) => [a.id, a]));
  const { bookings, series } = feedData(ws.db, scope);
  const text = venueCalendarText(ws.locale, scope, { name: subject, venues, agencies, bookings, series });
  return { text, name: feedName(ws.locale, subject) };
}
