/** The venue desk's read calls: lists, the pre-flight check, free slots, figures, iCalendar and exports. */
import { formatInstant, taipeiDateOf } from '../../../domain/dates';
import { translate } from '../../../domain/i18n';
import type { BookingView } from '../../../domain/venues/views';
import { bookingDetail, bookingViews, checkBooking, competingGroups, displacedBookings, flaggedBookings, freeSlots, venueFigures, venueRecordsOf, venueViews } from '../../../db/queries/venues';
import { getMeta } from '../../../db/meta';
import { exportList, safeFileName } from '../export/list-export';
import { venueCalendar } from '../ical/venue-calendar';
import { problemResult } from '../mutation-runner';
import type { DeskContext, DeskHandlers } from '../desk';

type VenueCalls =
  | 'venues.list'
  | 'venues.bookings'
  | 'venues.booking'
  | 'venues.check'
  | 'venues.freeSlots'
  | 'venues.competing'
  | 'venues.flagged'
  | 'venues.displaced'
  | 'venues.figures'
  | 'venues.figureRecords'
  | 'venues.ical'
  | 'venues.feedLink'
  | 'venues.export';

/**
 * Asks the sync server for a feed's address with its read-only key (GET /ical/link/…,
 * device token). Null when this workstation has joined no server or the server does not
 * answer: the clerk exports an .ics instead.
 */
async function feedLink(ws: DeskContext, scope: 'venue' | 'agency', id: string): Promise<string | null> {
  const server = ws.serverUrl?.replace(/\/+$/, '');
  const token = getMeta(ws.db, 'deviceToken');
  if (!server || !token) return null;
  try {
    const res = await fetch(`${server}/ical/link/${scope}/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
    if (!res.ok) return null;
    const { path } = (await res.json()) as { path?: unknown };
    return typeof path === 'string' && path.startsWith('/ical/') ? `${server}${path}` : null;
  } catch {
    return null;
  }
}

function exportRows(ws: DeskContext, rows: BookingView[]) {
  const locale = ws.locale;
  const en = locale === 'en';
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const columns = [
    { key: 'number', header: t('field.number'), width: 15 },
    { key: 'venue', header: t('field.venueId'), width: 18 },
    { key: 'when', header: t('venues.export.when'), width: 30 },
    { key: 'days', header: t('venues.export.days'), width: 6 },
    { key: 'eventName', header: t('field.eventName'), width: 30 },
    { key: 'activityType', header: t('field.activityType'), width: 10 },
    { key: 'applicant', header: t('field.applicantAgencyId'), width: 20 },
    { key: 'contactName', header: t('field.contactName'), width: 10 },
    { key: 'attendees', header: t('field.attendees'), width: 8 },
    { key: 'letterNo', header: t('field.letterNo'), width: 24 },
    { key: 'fee', header: t('field.fee'), width: 8 },
    { key: 'feeWaived', header: t('field.feeWaived'), width: 8 },
    { key: 'status', header: t('venues.export.status'), width: 8 },
  ];
  return {
    columns,
    rows: rows.map((b) => {
      const first = taipeiDateOf(b.start);
      const last = taipeiDateOf(new Date(Date.parse(b.end) - 1));
      return {
        number: b.number,
        venue: en ? b.venueNameEn : b.venueNameZh,
        when: `${formatInstant(b.start, locale)} – ${formatInstant(b.end, locale)}`,
        days: Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1,
        eventName: b.eventName,
        activityType: t(`venues.activity.${b.activityType}`),
        applicant: en ? b.applicantNameEn : b.applicantNameZh,
        contactName: b.contactName,
        attendees: b.attendees,
        letterNo: b.letterNo,
        fee: b.feeWaived ? 0 : b.fee,
        feeWaived: b.feeWaived,
        status: t(`venues.status.${b.status}`),
      };
    }),
  };
}

export const venueHandlers: DeskHandlers<VenueCalls> = {
  'venues.list': (ws, args) => venueViews(ws.db, args),
  'venues.bookings': (ws, filter) => bookingViews(ws.db, filter),
  'venues.booking': (ws, { id }) => bookingDetail(ws.db, id),
  'venues.check': (ws, args) => checkBooking(ws.db, args),
  'venues.freeSlots': (ws, args) => freeSlots(ws.db, args),
  'venues.competing': (ws, args) => competingGroups(ws.db, args),
  'venues.flagged': (ws) => flaggedBookings(ws.db, new Date().toISOString()),
  'venues.displaced': (ws) => displacedBookings(ws.db),
  'venues.figures': (ws, { from, to }) => venueFigures(ws.db, from, to),
  'venues.figureRecords': (ws, args) => venueRecordsOf(ws.db, args, ws.locale),
  'venues.ical': (ws, { venueId, agencyId }) => {
    if ((venueId === undefined) === (agencyId === undefined)) return problemResult({ code: 'error.required', params: { field: 'venueId' }, field: 'venueId' }, ws.locale);
    const cal = venueCalendar(ws, venueId ? { venueId } : { agencyId: agencyId! });
    if (!cal) return problemResult({ code: 'error.notFound', params: { kind: venueId ? 'venue' : 'agency', id: venueId ?? agencyId! } }, ws.locale);
    return { ok: true, text: cal.text, fileName: `${safeFileName(translate(ws.locale, 'venues.ical.fileName', { name: cal.name }))}.ics` };
  },
  'venues.feedLink': async (ws, { venueId, agencyId }) => {
    const id = venueId ?? agencyId;
    return { url: id ? await feedLink(ws, venueId ? 'venue' : 'agency', id) : null };
  },
  'venues.export': (ws, { format, ...filter }) => {
    const { columns, rows } = exportRows(ws, bookingViews(ws.db, { ...filter, limit: filter.limit ?? 50_000 }));
    return exportList({ fileName: translate(ws.locale, 'venues.export.fileName'), sheetName: translate(ws.locale, 'venues.export.sheet'), columns, rows, format });
  },
};
