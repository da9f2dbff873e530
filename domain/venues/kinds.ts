/**
 * The records of the venue desk: venues, booking series and bookings. Read by
 * domain/entities.ts, which combines every desk's kinds.
 */
import type { Booking, BookingSeries, Venue } from './types';

export interface VenueEntities {
  venue: Venue;
  bookingSeries: BookingSeries;
  booking: Booking;
}

export const VENUE_KINDS = ['venue', 'bookingSeries', 'booking'] as const satisfies readonly (keyof VenueEntities)[];

/** [kind, field, the kind it names]: a record named by another is archived, never deleted. */
export const VENUE_REFERENCES = [
  ['venue', 'spaceId', 'space'],
  ['booking', 'venueId', 'venue'],
  ['booking', 'applicantAgencyId', 'agency'],
  ['bookingSeries', 'venueId', 'venue'],
  ['bookingSeries', 'applicantAgencyId', 'agency'],
] as const;
