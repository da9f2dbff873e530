/**
 * A venue's or an agency's bookings as iCalendar events. A single booking is one VEVENT
 * (UID = its id, stable across workstations). A series is one VEVENT with an RRULE; its
 * holidays, cancelled occurrences and occurrences moved to another venue are EXDATEs, and
 * an occurrence moved in time (or differing in status) is a RECURRENCE-ID override.
 * Rejected applications are left out; cancelled ones stay with STATUS:CANCELLED so that a
 * subscribed calendar drops them. Contact phones stay out (the feed is for everyone's eyes).
 */
import { addDays, taipeiInstant, type Locale } from '../dates';
import { translate } from '../i18n';
import { buildCalendar, type IcsEvent } from './ical';
import { ruleHits } from './recurrence';
import type { Booking, BookingSeries, BookingStatus } from './types';

export interface FeedNames {
  venue(id: string): string;
  applicant(b: Pick<Booking, 'applicantAgencyId' | 'applicantOrg'>): string;
  activity(type: Booking['activityType']): string;
  /** Appended to a pending booking's summary, e.g. （申請中）. */
  pendingMark: string;
}

export type FeedScope = { venueId: string } | { agencyId: string };

const uidOf = (id: string) => `${id}@ga-desk`;

function icsStatus(s: BookingStatus): IcsEvent['status'] | null {
  if (s === 'approved') return 'CONFIRMED';
  if (s === 'pending') return 'TENTATIVE';
  if (s === 'cancelled') return 'CANCELLED';
  return null;
}

const latest = (stamps: string[]) => stamps.reduce((a, b) => (a > b ? a : b));

function describe(b: Pick<Booking, 'number' | 'applicantAgencyId' | 'applicantOrg' | 'activityType' | 'attendees'>, names: FeedNames): string {
  return [b.number, names.applicant(b), names.activity(b.activityType)].filter(Boolean).join('\n');
}

function single(b: Booking, names: FeedNames, uid = uidOf(b.id)): IcsEvent | null {
  const status = icsStatus(b.status);
  if (!status) return null;
  return {
    uid,
    start: b.start,
    end: b.end,
    summary: b.status === 'pending' ? `${b.eventName}${names.pendingMark}` : b.eventName,
    location: names.venue(b.venueId),
    description: describe(b, names),
    categories: [names.activity(b.activityType)],
    status,
    sequence: b.steps.length,
    stamp: b.updatedAt,
  };
}

function seriesEvents(s: BookingSeries, occurrences: Booking[], scope: FeedScope, names: FeedNames): IcsEvent[] {
  const masterStatus = icsStatus(s.status);
  if (!masterStatus || occurrences.length === 0) return [];
  const dates = occurrences
    .map((o) => o.originalDate ?? '')
    .filter(Boolean)
    .sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  const ruleStart = (date: string) => taipeiInstant(date, s.startTime);
  const ruleEnd = (date: string) => taipeiInstant(date, s.endTime);
  const byDate = new Map(occurrences.map((o) => [o.originalDate ?? '', o]));
  const uid = uidOf(s.id);
  const exdates: string[] = [];
  const overrides: IcsEvent[] = [];
  const elsewhere = (o: Booking) => 'venueId' in scope && o.venueId !== scope.venueId;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (!ruleHits(s.rule, s.startDate, d)) continue;
    const o = byDate.get(d);
    const status = o ? icsStatus(o.status) : null;
    if (!o || !status || status === 'CANCELLED' || elsewhere(o)) {
      exdates.push(ruleStart(d));
      continue;
    }
    if (o.start !== ruleStart(d) || o.end !== ruleEnd(d) || status !== masterStatus || o.venueId !== s.venueId || o.eventName !== s.eventName) {
      overrides.push({ ...single(o, names, uid)!, recurrenceId: ruleStart(d) });
    }
  }
  const master: IcsEvent = {
    uid,
    start: ruleStart(first),
    end: ruleEnd(first),
    summary: s.status === 'pending' ? `${s.eventName}${names.pendingMark}` : s.eventName,
    location: names.venue(s.venueId),
    description: describe({ ...s, number: s.number }, names),
    categories: [names.activity(s.activityType)],
    status: masterStatus,
    sequence: s.steps.length + occurrences.reduce((n, o) => n + o.steps.length, 0),
    stamp: latest([s.updatedAt, ...occurrences.map((o) => o.updatedAt)]),
    rrule: { freq: s.rule.freq === 'weekly' ? 'WEEKLY' : 'DAILY', interval: s.rule.interval, byDay: s.rule.freq === 'weekly' ? s.rule.weekdays : undefined, until: ruleStart(last) },
    exdates,
  };
  return [master, ...overrides];
}

/**
 * The events of a feed. `bookings` holds every booking of the scope and every occurrence
 * of the scope's series (wherever they were moved); `series` the series they belong to.
 */
export function feedEvents(scope: FeedScope, bookings: readonly Booking[], series: ReadonlyMap<string, BookingSeries>, names: FeedNames): IcsEvent[] {
  const inScope = (b: Pick<Booking, 'venueId' | 'applicantAgencyId'>) => ('venueId' in scope ? b.venueId === scope.venueId : b.applicantAgencyId === scope.agencyId);
  const events: IcsEvent[] = [];
  const bySeries = new Map<string, Booking[]>();
  for (const b of bookings) {
    const s = b.seriesId ? series.get(b.seriesId) : undefined;
    if (s && inScope(s)) {
      bySeries.set(s.id, [...(bySeries.get(s.id) ?? []), b]);
    } else if (inScope(b)) {
      // A single booking, or an occurrence moved here from a series held elsewhere.
      const e = single(b, names);
      if (e) events.push(e);
    }
  }
  for (const [id, occurrences] of bySeries) events.push(...seriesEvents(series.get(id)!, occurrences, scope, names));
  return events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.uid < b.uid ? -1 : 1));
}

/** A venue's names as the feed shows them: the space's, with its site's in brackets. */
export interface FeedVenueName {
  nameZh: string;
  nameEn: string;
  siteNameZh: string;
  siteNameEn: string;
}

export interface FeedAgencyName {
  nameZh: string;
  nameEn: string;
}

/** What a calendar is built from, however it was read (the workstation's tables, the server's records). */
export interface FeedSource {
  /** The calendar's subject: the venue's or the agency's name. */
  name: FeedAgencyName;
  /** Every venue a booking of the feed is at (a moved occurrence may be elsewhere). */
  venues: ReadonlyMap<string, FeedVenueName>;
  agencies: ReadonlyMap<string, FeedAgencyName>;
  bookings: readonly Booking[];
  series: ReadonlyMap<string, BookingSeries>;
}

const inLocale = (locale: Locale, n: FeedAgencyName) => (locale === 'en' ? n.nameEn || n.nameZh : n.nameZh);

/**
 * THE iCalendar text of a venue's or an agency's bookings, in one language: the
 * workstation's export and the sync server's LAN feed both call this, so an Outlook that
 * subscribed to the feed and one that opened an export show the same events.
 */
export function venueCalendarText(locale: Locale, scope: FeedScope, source: FeedSource): string {
  const events = feedEvents(scope, source.bookings, source.series, {
    venue: (id) => {
      const v = source.venues.get(id);
      if (!v) return '';
      return locale === 'en' ? `${v.nameEn || v.nameZh} (${v.siteNameEn || v.siteNameZh})` : `${v.nameZh}（${v.siteNameZh}）`;
    },
    applicant: (b) => {
      const a = b.applicantAgencyId ? source.agencies.get(b.applicantAgencyId) : undefined;
      return a ? inLocale(locale, a) : b.applicantOrg;
    },
    activity: (type) => translate(locale, `venues.activity.${type}`),
    pendingMark: translate(locale, 'venues.ical.statusPending'),
  });
  return buildCalendar(translate(locale, 'venues.ical.calendarName', { name: inLocale(locale, source.name) }), events);
}

/** The feed's name in one language (for the export's file name). */
export const feedName = inLocale;

/**
 * The feed's address as Outlook and Apple Calendar open it with a click: the same
 * address under the calendar-subscription scheme, `webcal://` for an http:// feed and
 * `webcals://` for an https:// one (a client that takes webcal:// for plain http would
 * otherwise ask a TLS-only server in clear). Null for anything that is not an http(s)
 * address: the copyable http(s) form is then all there is.
 */
export function webcalAddress(url: string): string | null {
  const m = /^(https?):\/\/([^\s/?#]+)(.*)$/i.exec(url.trim());
  if (!m) return null;
  return `${m[1].toLowerCase() === 'https' ? 'webcals' : 'webcal'}://${m[2]}${m[3]}`;
}
