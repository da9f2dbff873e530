/** The venue desk as the shell sees it: a refused booking comes back with its conflict and free slots. */
import { CalendarOutlined } from '@ant-design/icons';
import { DESK_READERS } from '../../domain/call';
import type { DeskEntry } from '../app/desks';
import { BookingAttentionCard, isBookingAttention } from './AttentionBooking';

export const venueDesk: DeskEntry = {
  id: 'venues',
  label: 'nav.venues',
  icon: <CalendarOutlined />,
  roles: DESK_READERS,
  load: () => import('./VenueDesk').then((m) => m.VenueDesk),
  attention: [{ matches: isBookingAttention, Card: BookingAttentionCard }],
};
