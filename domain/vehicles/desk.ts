/** The vehicle dispatch desk (公務車調派): fleet, drivers, requests, trips and their logs. */
import { defineDesk } from '../desk';
import { vehicleImports } from './imports';
import { declareSpan } from '../spans';
import { vehicleCalls } from './calls';
import { VEHICLE_KINDS } from './kinds';
import { vehiclesReport } from './report-section';
import { vehicleMutationDefs } from './mutations';
import { driverBusyProblem, vehicleBusyProblem } from './rules';

export const vehiclesDesk = defineDesk({
  id: 'vehicles',
  kinds: VEHICLE_KINDS,
  // A trip not cancelled holds its vehicle, and its driver, for its hours.
  spans: [
    declareSpan({
      kind: 'trip',
      resourceField: 'vehicleKey',
      startField: 'departAt',
      endField: 'returnAt',
      exclusive: (t) => t.state !== 'cancelled',
      conflict: vehicleBusyProblem,
    }),
    declareSpan({
      kind: 'trip',
      resourceField: 'driverKey',
      startField: 'departAt',
      endField: 'returnAt',
      exclusive: (t) => t.state !== 'cancelled' && t.driverKey !== '',
      conflict: driverBusyProblem,
    }),
  ],
  imports: vehicleImports,
  mutations: vehicleMutationDefs,
  calls: vehicleCalls,
  figures: ['vehicles.figures'],
  report: vehiclesReport,
});
