/** The parking desk (停車證): parking areas, annual and temporary permits, the gate lookup. */
import { defineDesk } from '../desk';
import { parkingImports } from './imports';
import { parkingReport } from './report-section';
import { declareSpan } from '../spans';
import { parkingCalls } from './calls';
import { PARKING_KINDS } from './kinds';
import { parkingMutationDefs, plateHeldProblem } from './mutations';

export const parkingDesk = defineDesk({
  id: 'parking',
  kinds: PARKING_KINDS,
  // A valid permit's plate holds the plate at its site for the permit's days.
  spans: [
    declareSpan({
      kind: 'permitPlate',
      resourceField: 'holdKey',
      startField: 'heldFrom',
      endField: 'heldTo',
      exclusive: (p) => p.valid,
      conflict: plateHeldProblem,
    }),
  ],
  imports: parkingImports,
  mutations: parkingMutationDefs,
  calls: parkingCalls,
  figures: ['parking.figures'],
  report: parkingReport,
});
