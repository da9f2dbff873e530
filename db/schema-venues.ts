/**
 * The venue desk's tables: venues (booking settings of a space), booking series and
 * bookings (one row per occurrence). The overlap rule looks bookings up by venue and
 * occupied time, hence the (venue, occupied_from) index.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { stamps } from './columns';
import type { ActivityType, BookableBy, BookingStatus, BookingStep, Equipment, RecurrenceRule, VenueClosure, VenueType } from '../domain/venues/types';
import type { Attachment } from '../domain/attachments';

export const venue = sqliteTable(
  'venue',
  {
    id: text('id').primaryKey(),
    spaceId: text('space_id').notNull(),
    type: text('type').$type<VenueType>().notNull(),
    capacity: integer('capacity').notNull(),
    equipment: text('equipment', { mode: 'json' }).$type<Equipment[]>().notNull(),
    opensAt: text('opens_at').notNull(),
    closesAt: text('closes_at').notNull(),
    bufferBefore: integer('buffer_before').notNull().default(0),
    bufferAfter: integer('buffer_after').notNull().default(0),
    approvalLevels: integer('approval_levels').$type<0 | 1 | 2>().notNull(),
    bookableBy: text('bookable_by').$type<BookableBy>().notNull(),
    fee: integer('fee').notNull().default(0),
    deposit: integer('deposit').notNull().default(0),
    closures: text('closures', { mode: 'json' }).$type<VenueClosure[]>().notNull(),
    notes: text('notes').notNull().default(''),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    ...stamps,
  },
  (t) => [uniqueIndex('venue_space').on(t.spaceId)],
);

const particulars = {
  venueId: text('venue_id').notNull(),
  applicantAgencyId: text('applicant_agency_id'),
  applicantOrg: text('applicant_org').notNull().default(''),
  contactName: text('contact_name').notNull(),
  contactPhone: text('contact_phone').notNull(),
  eventName: text('event_name').notNull(),
  activityType: text('activity_type').$type<ActivityType>().notNull(),
  attendees: integer('attendees').notNull(),
  equipment: text('equipment', { mode: 'json' }).$type<Equipment[]>().notNull(),
  letterNo: text('letter_no').notNull().default(''),
  attachments: text('attachments', { mode: 'json' }).$type<Attachment[]>().notNull(),
  fee: integer('fee').notNull().default(0),
  feeWaived: integer('fee_waived', { mode: 'boolean' }).notNull().default(false),
  notes: text('notes').notNull().default(''),
};

export const bookingSeries = sqliteTable(
  'booking_series',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    ...particulars,
    rule: text('rule', { mode: 'json' }).$type<RecurrenceRule>().notNull(),
    startDate: text('start_date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    until: text('until'),
    count: integer('count'),
    bufferBefore: integer('buffer_before').notNull().default(0),
    bufferAfter: integer('buffer_after').notNull().default(0),
    skippedDates: text('skipped_dates', { mode: 'json' }).$type<string[]>().notNull(),
    status: text('status').$type<BookingStatus>().notNull(),
    steps: text('steps', { mode: 'json' }).$type<BookingStep[]>().notNull(),
    ...stamps,
  },
  (t) => [index('booking_series_venue').on(t.venueId)],
);

/** An occupied span longer than a day: the condition of the booking_venue_long index, word for word in its queries. */
export const LONG_SPAN = 'julianday(occupied_to) - julianday(occupied_from) > 1';

/** A booking longer than a day: the condition of the booking_long index, word for word in its queries. */
export const LONG_BOOKING = 'julianday("end") - julianday(start) > 1';

export const booking = sqliteTable(
  'booking',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    seriesId: text('series_id'),
    originalDate: text('original_date'),
    ...particulars,
    start: text('start').notNull(),
    end: text('end').notNull(),
    bufferBefore: integer('buffer_before').notNull().default(0),
    bufferAfter: integer('buffer_after').notNull().default(0),
    occupiedFrom: text('occupied_from').notNull(),
    occupiedTo: text('occupied_to').notNull(),
    status: text('status').$type<BookingStatus>().notNull(),
    approvedLevel: integer('approved_level').notNull().default(0),
    steps: text('steps', { mode: 'json' }).$type<BookingStep[]>().notNull(),
    overrideReason: text('override_reason').notNull().default(''),
    displaced: integer('displaced', { mode: 'boolean' }).notNull().default(false),
    displacedBy: text('displaced_by'),
    ...stamps,
  },
  (t) => [
    // The overlap rule and the free-slot finder read one venue's spans from the index alone.
    index('booking_venue_span').on(t.venueId, t.occupiedFrom, t.occupiedTo, t.status, t.id),
    // Spans longer than a day (exhibitions: few), so that a window's spans are read from just
    // before it (booking_venue_span) plus these, not from the venue's first booking on.
    index('booking_venue_long').on(t.venueId, t.occupiedFrom, t.occupiedTo, t.status, t.id).where(sql.raw(LONG_SPAN)),
    // Covers the week and month views' "start before the end, end after the start" without reading rows.
    index('booking_start_end').on(t.start, t.end),
    // Bookings longer than a day, so that a range's bookings are read by start from just before
    // it (booking_start_end) plus these, not from the first booking on.
    index('booking_long').on(t.start, t.end).where(sql.raw(LONG_BOOKING)),
    // Pending ones (competing), approved ones by start (the period figures, from the index alone).
    index('booking_status_start').on(t.status, t.start, t.venueId, t.activityType),
    index('booking_of_series').on(t.seriesId),
    index('booking_agency').on(t.applicantAgencyId),
  ],
);
