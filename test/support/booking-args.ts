/**
 * The arguments of `booking.create` for tests and benchmarks: a meeting applied for by an
 * agency's contact, with the particulars a clerk may leave empty left empty. Callers give
 * what their case is about (id, venue, time, …) and override the rest as needed.
 */
import type { BookingCreateArgs } from '../../domain/venues/schemas';

type Required = Pick<BookingCreateArgs, 'id' | 'venueId' | 'start' | 'end'>;

export function completeBookingArgs(fields: Required & Partial<BookingCreateArgs>): BookingCreateArgs {
  return {
    applicantAgencyId: null,
    applicantOrg: '',
    contactName: '王小明',
    contactPhone: '07-3368333',
    eventName: '業務協調會',
    activityType: 'meeting',
    attendees: 10,
    equipment: [],
    letterNo: '',
    attachments: [],
    fee: 0,
    feeWaived: false,
    notes: '',
    ...fields,
  };
}
