/**
 * The venue desk's reads: venues with their place names, bookings in a time range with
 * the names a list shows, the pre-flight check, free slots, competing and flagged
 * bookings, the period figures and the data of an iCalendar feed.
 */
import type { Problem } from '../../domain/errors';
import { addDays, startOfTaipeiDay, type BusinessDate, type Locale } from '../../domain/dates';
import type { FigureRecords } from '../../domain/report/section';
import { calendarExceptionsOf, type CalendarExceptions } from '../../domain/working-days';
import { countedBookings, countVenueFigures, venueFigureNamed, venueFigureRecords, type FigureVenue } from '../../domain/venues/figures';
import { misfits } from '../../domain/venues/flags';
import { BusyIndex, findFreeSlots, venueFits, type FinderOptions, type SlotRequest } from '../../domain/venues/free-slots';
import { bookingWarnings, effectiveBuffers, occupiedOf, scheduleProblems, timeProblems } from '../../domain/venues/rules';
import type { ActivityType, Booking, BookingSeries, BookingStatus, Equipment } from '../../domain/venues/types';
import type { BookingCheck, BookingDetail, BookingView, CompetingGroup, FlaggedBooking, FreeSlot, VenueFigures, VenueView } from '../../domain/venues/views';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../open';
import { LONG_BOOKING, LONG_SPAN } from '../schema-venues';
import { rawReader, rowToRecord } from '../records';
import { prepared } from '../statements';

type Row = Record<string, unknown>;

const DAY = 86_400_000;

const VENUE_SELECT = `
  SELECT v.*, s.code AS s_code, s.name_zh AS s_zh, s.name_en AS s_en, f.id AS f_id, f.name AS f_name,
         b.id AS b_id, b.name_zh AS b_zh, b.name_en AS b_en, t.id AS t_id, t.name_zh AS t_zh, t.name_en AS t_en
  FROM venue v JOIN space s ON s.id = v.space_id JOIN floor f ON f.id = s.floor_id
  JOIN building b ON b.id = f.building_id JOIN site t ON t.id = b.site_id`;

/** Venues with their places' names, read in raw mode (see rawReader); the names added onto the record, not copied with it. */
function venueViewsOf(statement: Statement, args: unknown[]): VenueView[] {
  const rows = statement.raw(true).all(...args) as unknown[][];
  const reader = rawReader('venue', statement);
  const [sCode, sZh, sEn, tId, tZh, tEn, bId, bZh, bEn, fId, fName] = ['s_code', 's_zh', 's_en', 't_id', 't_zh', 't_en', 'b_id', 'b_zh', 'b_en', 'f_id', 'f_name'].map(reader.at);
  return rows.map((r) =>
    Object.assign(reader.record(r), {
      code: String(r[sCode] ?? ''),
      nameZh: String(r[sZh]),
      nameEn: String(r[sEn] || r[sZh]),
      siteId: String(r[tId]),
      siteNameZh: String(r[tZh]),
      siteNameEn: String(r[tEn] || r[tZh]),
      buildingId: String(r[bId]),
      floorId: String(r[fId]),
      locationZh: `${r[tZh] as string} / ${r[bZh] as string} / ${r[fName] as string}`,
      locationEn: `${(r[tEn] || r[tZh]) as string} / ${(r[bEn] || r[bZh]) as string} / ${r[fName] as string}`,
    }),
  );
}

export function venueViews(db: Db, opts: { siteId?: string; includeArchived?: boolean; ids?: readonly string[] } = {}): VenueView[] {
  const conds: string[] = [];
  const params: unknown[] = [];
  if (opts.siteId) {
    conds.push('t.id = ?');
    params.push(opts.siteId);
  }
  if (!opts.includeArchived) conds.push('v.archived = 0');
  if (opts.ids) {
    conds.push(`v.id IN (${opts.ids.map(() => '?').join(',') || "''"})`);
    params.push(...opts.ids);
  }
  const sql = `${VENUE_SELECT}${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''} ORDER BY t.code, s.code, v.id`;
  return venueViewsOf(prepared(db, sql), params);
}

export function venueViewOf(db: Db, id: string): VenueView | undefined {
  return venueViewsOf(prepared(db, `${VENUE_SELECT} WHERE v.id = ?`), [id])[0];
}

/**
 * Pending, and overlapping another live booking of the same venue: what the list marks as
 * competing. CASE keeps SQLite from running the subquery for bookings that are not pending.
 */
const COMPETING = `CASE WHEN b.status = 'pending' THEN EXISTS (SELECT 1 FROM booking o WHERE o.venue_id = b.venue_id AND o.occupied_from < b.occupied_to
  AND o.occupied_to > b.occupied_from AND o.id <> b.id AND o.status IN ('pending', 'approved')) ELSE 0 END`;

const BOOKING_COLUMNS = `b.*, s.name_zh AS v_zh, s.name_en AS v_en, a.name_zh AS a_zh, a.name_en AS a_en, ${COMPETING} AS competing`;
const BOOKING_JOINS = `JOIN venue v ON v.id = b.venue_id JOIN space s ON s.id = v.space_id
  LEFT JOIN agency a ON a.id = b.applicant_agency_id`;
const BOOKING_SELECT = `
  SELECT ${BOOKING_COLUMNS}
  FROM booking b ${BOOKING_JOINS}`;

/**
 * The bookings overlapping [@from, @to), by rowid: those of a day or less start after @floor,
 * two days before, so booking_start_end is read from there on, not from the first booking;
 * those that started earlier are the longer ones, in booking_long. CROSS JOIN has SQLite
 * read these first, rather than every pending or approved booking up to @to.
 */
const IN_RANGE = `(SELECT rowid AS r FROM booking WHERE start > @floor AND start < @to AND "end" > @from
  UNION ALL SELECT rowid FROM booking WHERE ${LONG_BOOKING} AND start <= @floor AND "end" > @from) w CROSS JOIN booking b ON b.rowid = w.r`;

/** A list's rows as views, read in raw mode (see rawReader): thousands for a month or an export. */
function bookingViewsOf(statement: Statement, args: unknown[]): BookingView[] {
  const rows = statement.raw(true).all(...args) as unknown[][];
  const reader = rawReader('booking', statement);
  const [vZh, vEn, aZh, aEn, competing] = ['v_zh', 'v_en', 'a_zh', 'a_en', 'competing'].map(reader.at);
  return rows.map((r) => {
    const b = reader.record(r);
    const org = b.applicantOrg;
    return Object.assign(b, {
      venueNameZh: String(r[vZh] ?? ''),
      venueNameEn: String(r[vEn] || r[vZh] || ''),
      applicantNameZh: r[aZh] ? String(r[aZh]) : org,
      applicantNameEn: r[aZh] ? String(r[aEn] || r[aZh]) : org,
      competing: Number(r[competing]) === 1,
    });
  });
}

export interface BookingFilter {
  from: string;
  to: string;
  venueIds?: readonly string[];
  siteId?: string;
  statuses?: readonly BookingStatus[];
  activityTypes?: readonly ActivityType[];
  agencyId?: string;
  text?: string;
  limit?: number;
}

/** Bookings (occurrences) whose time overlaps [from, to), in time order. */
export function bookingViews(db: Db, f: BookingFilter): BookingView[] {
  const fromMs = Date.parse(f.from);
  const windowed = Number.isFinite(fromMs);
  const conds = windowed ? [] : ['b.start < ?', 'b."end" > ?'];
  const params: unknown[] = windowed ? [] : [f.to, f.from];
  if (f.venueIds) {
    conds.push(`b.venue_id IN (${f.venueIds.map(() => '?').join(',') || "''"})`);
    params.push(...f.venueIds);
  }
  if (f.siteId) {
    conds.push('v.space_id IN (SELECT sp.id FROM space sp JOIN floor fl ON fl.id = sp.floor_id JOIN building bu ON bu.id = fl.building_id WHERE bu.site_id = ?)');
    params.push(f.siteId);
  }
  if (f.statuses) {
    conds.push(`b.status IN (${f.statuses.map(() => '?').join(',') || "''"})`);
    params.push(...f.statuses);
  }
  if (f.activityTypes) {
    conds.push(`b.activity_type IN (${f.activityTypes.map(() => '?').join(',') || "''"})`);
    params.push(...f.activityTypes);
  }
  if (f.agencyId) {
    conds.push('b.applicant_agency_id = ?');
    params.push(f.agencyId);
  }
  const text = f.text?.trim();
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(`(${['b.number', 'b.event_name', 'b.applicant_org', 'b.contact_name', 'b.letter_no', 'a.name_zh', 'a.short_name'].map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...Array(7).fill(like));
  }
  const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  if (!windowed) return bookingViewsOf(prepared(db, `${BOOKING_SELECT} ${where} ORDER BY b.start, b.id LIMIT ?`), [...params, f.limit ?? 5000]);
  // Named parameters for the range; the filters' own stay positional.
  const range = { from: f.from, to: f.to, floor: new Date(fromMs - 2 * DAY).toISOString() };
  const sql = `SELECT ${BOOKING_COLUMNS} FROM ${IN_RANGE} ${BOOKING_JOINS} ${where} ORDER BY b.start, b.id LIMIT ?`;
  return bookingViewsOf(prepared(db, sql), [range, ...params, f.limit ?? 5000]);
}

/** `once` for SQL text made for one call (a list of ids of any length), kept out of the statement cache. */
function bookingViewsWhere(db: Db, where: string, params: unknown[], once = false): BookingView[] {
  const sql = `${BOOKING_SELECT} WHERE ${where} ORDER BY b.start, b.id`;
  return bookingViewsOf(once ? db.$client.prepare(sql) : prepared(db, sql), params);
}

export function calendarExceptions(db: Db): CalendarExceptions {
  const rows = prepared(db, 'SELECT date, kind, name FROM calendar_day').all() as { date: string; kind: 'holiday' | 'workday' | 'closure'; name: string }[];
  return calendarExceptionsOf(rows);
}

/** Live bookings of a venue overlapping an occupied span, in time order. */
function overlappingViews(db: Db, venueId: string, occupiedFrom: string, occupiedTo: string, statuses: readonly BookingStatus[], excludeId?: string): BookingView[] {
  return bookingViewsWhere(db, `b.venue_id = ? AND b.occupied_from < ? AND b.occupied_to > ? AND b.id <> ? AND b.status IN (${statuses.map(() => '?').join(',')})`, [
    venueId,
    occupiedTo,
    occupiedFrom,
    excludeId ?? '',
    ...statuses,
  ]);
}

export function bookingDetail(db: Db, id: string): BookingDetail | null {
  const [booking] = bookingViewsWhere(db, 'b.id = ?', [id]);
  if (!booking) return null;
  const venue = venueViewOf(db, booking.venueId)!;
  const seriesRow = booking.seriesId ? (prepared(db, 'SELECT * FROM booking_series WHERE id = ?').get(booking.seriesId) as Row | undefined) : undefined;
  const series = seriesRow ? rowToRecord('bookingSeries', seriesRow) : null;
  const occurrences = series ? bookingViewsWhere(db, 'b.series_id = ?', [series.id]) : [];
  const overlapping = overlappingViews(db, booking.venueId, booking.occupiedFrom, booking.occupiedTo, ['pending', 'approved'], booking.id);
  return { booking, venue, series, occurrences, overlapping, warnings: bookingWarnings(venue, booking) };
}

const MS = (column: string) => `CAST(round(unixepoch(${column}, 'subsec') * 1000) AS INTEGER)`;

/**
 * One venue's approved spans reaching into [@from, @to), as a JSON array of [id, from, to]
 * in epoch milliseconds (SQLite makes the array and reads the times: far cheaper than a row
 * object and Date.parse per span). Spans of a day or less start after @floor, two days
 * before the window, so booking_venue_span is read from there on, not from the venue's first
 * booking; spans that started earlier are the longer ones, in booking_venue_long.
 */
const BUSY_SPANS = `SELECT json_group_array(json_array(id, ${MS('occupied_from')}, ${MS('occupied_to')})) FROM (
  SELECT id, occupied_from, occupied_to FROM booking
  WHERE venue_id = @venue AND status = 'approved' AND occupied_from > @floor AND occupied_from < @to AND occupied_to > @from
  UNION ALL
  SELECT id, occupied_from, occupied_to FROM booking
  WHERE venue_id = @venue AND status = 'approved' AND ${LONG_SPAN} AND occupied_from <= @floor AND occupied_to > @from)`;

/** Approved bookings' occupied spans per venue, for spans reaching into [from, to). */
export function busyIndexes(db: Db, venueIds: readonly string[], from: string, to: string): Map<string, BusyIndex> {
  const out = new Map<string, BusyIndex>();
  const stmt = prepared(db, BUSY_SPANS).pluck();
  const floor = new Date(Date.parse(from) - 2 * DAY).toISOString();
  for (const venue of venueIds) {
    const spans = JSON.parse(stmt.get({ venue, floor, from, to }) as string) as Array<[string, number, number]>;
    out.set(venue, new BusyIndex(spans.map(([id, f, t]) => ({ id, from: f, to: t }))));
  }
  return out;
}

export interface FreeSlotQuery extends SlotRequest {
  siteId?: string;
  venueIds?: readonly string[];
  limit?: number;
}

export function freeSlots(db: Db, q: FreeSlotQuery, options: FinderOptions = {}): FreeSlot[] {
  const venues = venueViews(db, { siteId: q.siteId, ids: q.venueIds });
  const searchDays = options.searchDays ?? 7;
  const from = new Date(Date.parse(q.start) - (searchDays + 1) * DAY).toISOString();
  const to = new Date(Date.parse(q.end) + (searchDays + 1) * DAY).toISOString();
  // Only the venues that can hold the request: the finder passes over the others.
  const busy = busyIndexes(
    db,
    venues.filter((v) => venueFits(v, q)).map((v) => v.id),
    from,
    to,
  );
  return findFreeSlots(q, venues, busy, calendarExceptions(db), { ...options, limit: q.limit ?? options.limit });
}

export interface CheckQuery {
  venueId: string;
  start: string;
  end: string;
  bufferBefore?: number;
  bufferAfter?: number;
  attendees?: number;
  equipment?: readonly Equipment[];
  applicantAgencyId?: string | null;
  excludeId?: string;
}

/** What saving or approving this booking would meet: refusals, warnings, conflicts, competitors, and alternatives when blocked. */
export function checkBooking(db: Db, q: CheckQuery): BookingCheck {
  const venue = venueViewOf(db, q.venueId);
  if (!venue) return { refusals: [{ code: 'error.notFound', params: { kind: 'venue', id: q.venueId }, field: 'venueId' }], warnings: [], conflicts: [], competing: [], alternatives: [] };
  const refusals: Problem[] = [...timeProblems(q.start, q.end)];
  if (refusals.length > 0) return { refusals, warnings: [], conflicts: [], competing: [], alternatives: [] };
  const calendar = calendarExceptions(db);
  refusals.push(...scheduleProblems(venue, q.start, q.end, calendar));
  // An outside group (no agency) at a venue only agencies may book.
  if (q.applicantAgencyId === null && venue.bookableBy === 'agencies') refusals.push({ code: 'venues.agenciesOnly', params: {}, field: 'applicantAgencyId' });
  const buffers = effectiveBuffers(venue, q);
  const span = occupiedOf(q.start, q.end, buffers.bufferBefore, buffers.bufferAfter);
  const conflicts = overlappingViews(db, venue.id, span.occupiedFrom, span.occupiedTo, ['approved'], q.excludeId);
  const competing = overlappingViews(db, venue.id, span.occupiedFrom, span.occupiedTo, ['pending'], q.excludeId);
  const blocked = conflicts.length > 0 || refusals.length > 0;
  const alternatives = blocked
    ? freeSlots(db, {
        start: q.start,
        end: q.end,
        attendees: q.attendees,
        equipment: q.equipment,
        types: [venue.type],
        bufferBefore: q.bufferBefore,
        bufferAfter: q.bufferAfter,
        preferredVenueId: venue.id,
        excludeId: q.excludeId,
        siteId: venue.siteId,
        limit: 8,
      })
    : [];
  return { refusals, warnings: bookingWarnings(venue, q), conflicts, competing, alternatives };
}

/**
 * Pending bookings competing for the same time: per venue, each set of live bookings
 * linked by overlaps that holds at least one pending booking. Starts from the pending
 * ones (few), so it stays quick however many approved bookings there are.
 */
export function competingGroups(db: Db, f: { venueId?: string; from?: string; to?: string }): CompetingGroup[] {
  const conds = ["status = 'pending'"];
  const params: unknown[] = [];
  if (f.venueId) {
    conds.push('venue_id = ?');
    params.push(f.venueId);
  }
  if (f.from) {
    conds.push('occupied_to > ?');
    params.push(f.from);
  }
  if (f.to) {
    conds.push('occupied_from < ?');
    params.push(f.to);
  }
  const pending = prepared(db, `SELECT id, venue_id AS venueId, occupied_from AS f, occupied_to AS t FROM booking WHERE ${conds.join(' AND ')}`).all(...params) as {
    id: string;
    venueId: string;
    f: string;
    t: string;
  }[];
  const overlapping = prepared(db, "SELECT id FROM booking WHERE venue_id = ? AND occupied_from < ? AND occupied_to > ? AND id <> ? AND status IN ('pending', 'approved')");
  // Union-find over "overlaps" between a pending booking and any live one.
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  const join = (a: string, b: string) => {
    for (const id of [a, b]) if (!parent.has(id)) parent.set(id, id);
    parent.set(root(a), root(b));
  };
  for (const p of pending) for (const o of overlapping.all(p.venueId, p.t, p.f, p.id) as { id: string }[]) join(p.id, o.id);
  if (parent.size === 0) return [];
  const ids = [...parent.keys()];
  const views = new Map<string, BookingView>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const v of bookingViewsWhere(db, `b.id IN (${chunk.map(() => '?').join(',')})`, chunk, true)) views.set(v.id, v);
  }
  const groups = new Map<string, BookingView[]>();
  for (const v of [...views.values()].sort((a, b) => (a.occupiedFrom < b.occupiedFrom ? -1 : a.occupiedFrom > b.occupiedFrom ? 1 : a.id < b.id ? -1 : 1))) {
    const r = root(v.id);
    groups.set(r, [...(groups.get(r) ?? []), v]);
  }
  return [...groups.values()].map((bookings) => ({ venueId: bookings[0].venueId, bookings })).sort((a, b) => (a.bookings[0].start < b.bookings[0].start ? -1 : 1));
}

/** Approved bookings not yet over that no longer fit their venue's current settings. */
export function flaggedBookings(db: Db, now: string): FlaggedBooking[] {
  const calendar = calendarExceptions(db);
  const out: FlaggedBooking[] = [];
  const views = bookingViewsWhere(db, 'b.status = \'approved\' AND b."end" > ?', [now]);
  const byVenue = new Map<string, BookingView[]>();
  for (const b of views) byVenue.set(b.venueId, [...(byVenue.get(b.venueId) ?? []), b]);
  for (const [venueId, bookings] of byVenue) {
    const venue = prepared(db, 'SELECT * FROM venue WHERE id = ?').get(venueId) as Row | undefined;
    if (!venue) continue;
    const found = misfits(rowToRecord('venue', venue), bookings, calendar);
    for (const b of bookings) {
      const problems = found.get(b.id);
      if (problems) out.push({ booking: b, problems });
    }
  }
  return out.sort((a, b) => (a.booking.start < b.booking.start ? -1 : 1));
}

/** Bookings sent back to pending because a supervisor gave their time to an official event. */
export function displacedBookings(db: Db): BookingView[] {
  return bookingViewsWhere(db, "b.displaced = 1 AND b.status = 'pending'", []);
}

/** Every venue (archived too) the period's figures count by. */
function figureVenues(db: Db): Map<string, FigureVenue> {
  return new Map<string, FigureVenue>(venueViews(db, { includeArchived: true }).map((v) => [v.id, { type: v.type, siteId: v.siteId, siteNameZh: v.siteNameZh, siteNameEn: v.siteNameEn }]));
}

/** The approved bookings starting on the period's Taipei days: the only ones the figures' rule can count. */
const PERIOD_BOOKINGS = "b.status = 'approved' AND b.start >= ? AND b.start < ?";

export function venueFigures(db: Db, from: BusinessDate, to: BusinessDate): VenueFigures {
  // Only what the rule reads, from the covering index booking_status_start: the report reads two periods of thousands of bookings.
  const bookings = prepared(db, `SELECT b.status, b.start, b.venue_id AS venueId, b.activity_type AS activityType FROM booking b WHERE ${PERIOD_BOOKINGS}`).all(
    startOfTaipeiDay(from),
    startOfTaipeiDay(addDays(to, 1)),
  ) as Pick<Booking, 'status' | 'start' | 'venueId' | 'activityType'>[];
  return countVenueFigures(bookings, figureVenues(db), from, to);
}

/** The bookings behind one of the period's figures (the report's drill-down), counted by the figures' own rule. */
export function venueRecordsOf(db: Db, args: { from: BusinessDate; to: BusinessDate; figure: string }, locale: Locale): FigureRecords {
  const figure = venueFigureNamed(args.figure);
  const bookings = bookingViewsWhere(db, PERIOD_BOOKINGS, [startOfTaipeiDay(args.from), startOfTaipeiDay(addDays(args.to, 1))]);
  return venueFigureRecords(countedBookings(bookings, figureVenues(db), args.from, args.to), figure, locale);
}

/** Every booking of a feed's scope and every occurrence of its series, with those series. */
export function feedData(db: Db, scope: { venueId: string } | { agencyId: string }): { bookings: Booking[]; series: Map<string, BookingSeries> } {
  const [field, id] = 'venueId' in scope ? ['venue_id', scope.venueId] : ['applicant_agency_id', scope.agencyId];
  const seriesRows = prepared(db, `SELECT * FROM booking_series WHERE ${field} = ?`).all(id) as Row[];
  const series = new Map(seriesRows.map((r) => [String(r.id), rowToRecord('bookingSeries', r)]));
  const rows = prepared(db, `SELECT * FROM booking WHERE ${field} = ? OR series_id IN (SELECT id FROM booking_series WHERE ${field} = ?) ORDER BY start, id`).all(id, id) as Row[];
  const bookings = rows.map((r) => rowToRecord('booking', r));
  // Occurrences moved here from a series held elsewhere need their series to be recognised as such.
  const missing = new Set(bookings.map((b) => b.seriesId).filter((s): s is string => !!s && !series.has(s)));
  for (const sid of missing) {
    const r = prepared(db, 'SELECT * FROM booking_series WHERE id = ?').get(sid) as Row | undefined;
    if (r) series.set(sid, rowToRecord('bookingSeries', r));
  }
  return { bookings, series };
}
