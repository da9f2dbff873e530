/** What the venue desk's read calls return (domain/api.ts `venues.*`). */
import type { Problem } from '../errors';
import type { ActivityType, Booking, BookingSeries, Venue, VenueType } from './types';

/** A venue with its space's names and where it is. */
export interface VenueView extends Venue {
  code: string;
  nameZh: string;
  nameEn: string;
  siteId: string;
  siteNameZh: string;
  siteNameEn: string;
  buildingId: string;
  floorId: string;
  /** 四維行政中心 / 行政大樓 / 1F */
  locationZh: string;
  locationEn: string;
}

/** A booking (or occurrence) with the names a list shows. */
export interface BookingView extends Booking {
  venueNameZh: string;
  venueNameEn: string;
  /** The agency's name, or the outside organisation's. */
  applicantNameZh: string;
  applicantNameEn: string;
  /** Pending and overlapping another pending or approved booking of the same venue. */
  competing: boolean;
}

export interface BookingDetail {
  booking: BookingView;
  venue: VenueView;
  series: BookingSeries | null;
  /** All occurrences of its series, in time order (empty for a single booking). */
  occurrences: BookingView[];
  /** Other live bookings of the venue whose occupied time overlaps this one's. */
  overlapping: BookingView[];
  /** Capacity and equipment warnings (not refusals). */
  warnings: Problem[];
}

/** A free stretch found for a request: the same time elsewhere first, then nearby times. */
export interface FreeSlot {
  venueId: string;
  start: string;
  end: string;
  /** The very time asked for. */
  sameTime: boolean;
  /** How far the slot's start is from the asked start, in minutes (negative: earlier). */
  shiftMinutes: number;
}

/** A pre-flight check of a booking as typed (or as it would be moved). */
export interface BookingCheck {
  /** Would be refused: outside hours, closure, holiday, who may book… (a supervisor may override those marked overridable). */
  refusals: Problem[];
  /** Capacity and equipment the venue lacks. */
  warnings: Problem[];
  /** Approved bookings in the way (approval would be refused). */
  conflicts: BookingView[];
  /** Pending bookings competing for the same time. */
  competing: BookingView[];
  /** Nearest free slots when there is a conflict or refusal (empty otherwise). */
  alternatives: FreeSlot[];
}

/** Pending bookings of one venue competing for overlapping time (and the approved ones among them, if any). */
export interface CompetingGroup {
  venueId: string;
  bookings: BookingView[];
}

/** An approved booking that no longer fits its venue's current hours, buffers or closures. */
export interface FlaggedBooking {
  booking: BookingView;
  problems: Problem[];
}

export interface VenueFigureRow {
  siteId: string;
  siteNameZh: string;
  siteNameEn: string;
  /** venue_sessions: auditorium, atrium; room_uses: meeting rooms. */
  measure: 'venue_sessions' | 'room_uses';
  activityType: ActivityType;
  count: number;
}

export interface VenueFigures {
  from: string;
  to: string;
  rows: VenueFigureRow[];
  venueSessions: number;
  roomUses: number;
}

export type { VenueType };
