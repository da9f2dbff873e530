/** The venue desk's read calls: lists, the pre-flight check, free slots, figures, iCalendar and exports. */
import type { HandlerMap } from '../workstation';

type VenueCalls = 'venues.list' | 'venues.bookings' | 'venues.booking' | 'venues.check' | 'venues.freeSlots' | 'venues.competing' | 'venues.flagged' | 'venues.displaced' | 'venues.figures' | 'venues.ical' | 'venues.export';

export const venueHandlers: Pick<HandlerMap, VenueCalls> = {
  'venues.list': () => [],
  'venues.bookings': () => [],
  'venues.booking': () => null,
  'venues.check': () => ({ refusals: [], warnings: [], conflicts: [], competing: [], alternatives: [] }),
  'venues.freeSlots': () => [],
  'venues.competing': () => [],
  'venues.flagged': () => [],
  'venues.displaced': () => [],
  'venues.figures': (_ws, { from, to }) => ({ from, to, rows: [], venueSessions: 0, roomUses: 0 }),
  'venues.ical': () => ({ ok: true, text: '', fileName: 'venues.ics' }),
  'venues.export': () => ({ fileBase64: '', fileName: 'venues.xlsx' }),
};
