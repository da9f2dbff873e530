/** The venue desk (場地管理): venues, bookings and booking series. */
import { defineDesk } from '../desk';
import { venueReport } from './report-section';
import { declareSpan } from '../spans';
import { venueCalls } from './calls';
import { VENUE_KINDS } from './kinds';
import { conflictProblem, venueMutationDefs } from './mutations';

export const venueDesk = defineDesk({
  id: 'venues',
  kinds: VENUE_KINDS,
  // An approved booking holds its venue, set-up and tear-down included; a series'
  // occurrences are booking records, so each is its own span.
  spans: [
    declareSpan({
      kind: 'booking',
      resourceField: 'venueId',
      startField: 'occupiedFrom',
      endField: 'occupiedTo',
      exclusive: (b) => b.status === 'approved',
      conflict: conflictProblem,
    }),
  ],
  mutations: venueMutationDefs,
  calls: venueCalls,
  figures: ['venues.figures'],
  report: venueReport,
});
