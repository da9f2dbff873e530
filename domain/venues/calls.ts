/**
 * The venue desk's read calls: each one's argument schema and who may make it, and what
 * each answers. domain/api.ts combines them with the other desks'.
 */
import { z } from 'zod';
import { defineCall, DESK_READERS, exportFormat, figureRecordsArgs, periodArgs, type ExportedList } from '../call';
import type { FigureRecords } from '../report/section';
import type { Outcome } from '../errors';
import { instant } from '../instants';
import { ACTIVITY_TYPES, BOOKING_STATUSES, EQUIPMENT, VENUE_TYPES } from './types';
import type { BookingCheck, BookingDetail, BookingView, CompetingGroup, FlaggedBooking, FreeSlot, VenueFigures, VenueView } from './views';

const short = z.string().max(200);
const venueMinutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);
/** Which bookings a list shows: those whose time overlaps [from, to). */
const bookingFilter = z.object({
  from: instant,
  to: instant,
  venueIds: z.array(short).max(500).optional(),
  siteId: short.optional(),
  statuses: z.array(z.enum(BOOKING_STATUSES)).max(BOOKING_STATUSES.length).optional(),
  activityTypes: z.array(z.enum(ACTIVITY_TYPES)).max(ACTIVITY_TYPES.length).optional(),
  agencyId: short.optional(),
  /** Matches number, event name, applicant, contact or letter number. */
  text: short.optional(),
  limit: z.number().int().min(1).max(50_000).optional(),
});

export const venueCalls = {
  'venues.list': defineCall(z.object({ siteId: short.optional(), includeArchived: z.boolean().optional() }).strict(), DESK_READERS),
  'venues.bookings': defineCall(bookingFilter.strict(), DESK_READERS),
  'venues.booking': defineCall(z.object({ id: short }).strict(), DESK_READERS),
  'venues.check': defineCall(
    z
      .object({
        venueId: short,
        start: instant,
        end: instant,
        bufferBefore: venueMinutes.optional(),
        bufferAfter: venueMinutes.optional(),
        attendees: z.number().int().min(0).max(100_000).optional(),
        equipment: z.array(z.enum(EQUIPMENT)).max(EQUIPMENT.length).optional(),
        applicantAgencyId: short.nullable().optional(),
        /** The booking being moved, left out of its own conflicts. */
        excludeId: short.optional(),
      })
      .strict(),
    DESK_READERS,
  ),
  'venues.freeSlots': defineCall(
    z
      .object({
        start: instant,
        end: instant,
        siteId: short.optional(),
        venueIds: z.array(short).max(500).optional(),
        types: z.array(z.enum(VENUE_TYPES)).max(VENUE_TYPES.length).optional(),
        attendees: z.number().int().min(0).max(100_000).optional(),
        equipment: z.array(z.enum(EQUIPMENT)).max(EQUIPMENT.length).optional(),
        bufferBefore: venueMinutes.optional(),
        bufferAfter: venueMinutes.optional(),
        excludeId: short.optional(),
        /** How many slots at most (default 10). */
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    DESK_READERS,
  ),
  'venues.competing': defineCall(z.object({ venueId: short.optional(), from: instant.optional(), to: instant.optional() }).strict(), DESK_READERS),
  'venues.flagged': defineCall(z.object({}).strict(), DESK_READERS),
  'venues.displaced': defineCall(z.object({}).strict(), DESK_READERS),
  'venues.figures': defineCall(periodArgs, DESK_READERS),
  /** The bookings behind a figure of the report section (venue_sessions, room_uses): one row per counted occurrence. */
  'venues.figureRecords': defineCall(figureRecordsArgs(['venue_sessions', 'room_uses'] as const), DESK_READERS),
  'venues.ical': defineCall(z.object({ venueId: short.optional(), agencyId: short.optional() }).strict(), DESK_READERS),
  /** The address Outlook subscribes to on the LAN (the sync server's feed); null when there is no server to ask. */
  'venues.feedLink': defineCall(z.object({ venueId: short.optional(), agencyId: short.optional() }).strict(), DESK_READERS),
  'venues.export': defineCall(bookingFilter.extend({ format: exportFormat }).strict(), DESK_READERS),
} as const;

export interface VenueResults {
  'venues.list': VenueView[];
  'venues.bookings': BookingView[];
  'venues.booking': BookingDetail | null;
  'venues.check': BookingCheck;
  'venues.freeSlots': FreeSlot[];
  'venues.competing': CompetingGroup[];
  'venues.flagged': FlaggedBooking[];
  'venues.displaced': BookingView[];
  'venues.figures': VenueFigures;
  'venues.figureRecords': FigureRecords;
  /** RFC 5545 text for a venue's or an agency's bookings (exactly one of the two). */
  'venues.ical': Outcome<{ text: string; fileName: string }>;
  'venues.feedLink': { url: string | null };
  'venues.export': ExportedList;
}
