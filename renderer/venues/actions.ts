/** The venue desk's writes, each one named mutation through the shared `mutate`. */
import { newId } from '../../domain/ids';
import type { Booking } from '../../domain/venues/types';
import { mutate, type MutateOutcome } from '../app/mutate';

export { mutate, type MutateOutcome };

/** booking.move with only what changed; the venue only when it is another one. */
export function moveBooking(booking: Pick<Booking, 'id' | 'venueId'>, to: { venueId: string; start: string; end: string }, override?: { reason: string }): Promise<MutateOutcome> {
  return mutate('booking.move', { id: booking.id, ...(to.venueId !== booking.venueId ? { venueId: to.venueId } : {}), start: to.start, end: to.end, ...(override ? { override } : {}) });
}

export const approveBooking = (id: string, override?: { reason: string }) => mutate('booking.approve', { id, ...(override ? { override } : {}) });
export const rejectBooking = (id: string, reason: string) => mutate('booking.reject', { id, reason });
export const cancelBooking = (id: string, reason: string) => mutate('booking.cancel', { id, reason });

export { newId };
