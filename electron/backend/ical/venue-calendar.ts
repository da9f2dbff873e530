/**
 * The iCalendar text of a venue's or an agency's bookings (domain/venues/ical*.ts build
 * it), in the workstation's language: the export a clerk hands to Outlook.
 */
import { feedData, venueViewOf, venueViews } from '../../../db/queries/venues';
import { translate } from '../../../domain/i18n';
import { buildCalendar } from '../../../domain/venues/ical';
import { feedEvents } from '../../../domain/venues/ical-feed';
import type { Workstation } from '../workstation';

export function venueCalendar(ws: Workstation, scope: { venueId: string } | { agencyId: string }): { text: string; name: string } | null {
  const locale = ws.locale;
  const en = locale === 'en';
  let name: string;
  if ('venueId' in scope) {
    const venue = venueViewOf(ws.db, scope.venueId);
    if (!venue) return null;
    name = en ? venue.nameEn : venue.nameZh;
  } else {
    const agency = ws.runner.records.getSync('agency', scope.agencyId);
    if (!agency) return null;
    name = en ? agency.nameEn || agency.nameZh : agency.nameZh;
  }
  const venues = new Map(venueViews(ws.db, { includeArchived: true }).map((v) => [v.id, v]));
  const agencies = new Map(ws.runner.records.findSync('agency', {}).map((a) => [a.id, a]));
  const { bookings, series } = feedData(ws.db, scope);
  const events = feedEvents(scope, bookings, series, {
    venue: (id) => {
      const v = venues.get(id);
      return v ? `${en ? v.nameEn : v.nameZh}（${en ? v.siteNameEn : v.siteNameZh}）` : '';
    },
    applicant: (b) => {
      const a = b.applicantAgencyId ? agencies.get(b.applicantAgencyId) : undefined;
      return a ? (en ? a.nameEn || a.nameZh : a.nameZh) : b.applicantOrg;
    },
    activity: (type) => translate(locale, `venues.activity.${type}`),
    pendingMark: translate(locale, 'venues.ical.statusPending'),
  });
  return { text: buildCalendar(translate(locale, 'venues.ical.calendarName', { name }), events), name };
}
