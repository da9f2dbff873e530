/**
 * The desks, registered once for the workstation backend: their call handlers and demo
 * data. A new desk adds one line to each list (docs/adding-a-desk.md).
 */
import { defineBackendDesk, type BackendDesk } from './desk';
import { inspectionMutations } from './demo/inspections';
import { parkingMutations } from './demo/parking';
import { ticketMutations } from './demo/tickets';
import { reportPeriodVehiclesMutations } from './demo/report-period-vehicles';
import { vehicleMutations } from './demo/vehicles';
import { venueMutations } from './demo/venue-mutations';
import { inspectionHandlers } from './handlers/inspections';
import { parkingHandlers } from './handlers/parking';
import { vehicleHandlers } from './handlers/vehicles';
import { ticketHandlers } from './handlers/tickets';
import { venueHandlers } from './handlers/venues';

const maintenance = defineBackendDesk({
  id: 'maintenance',
  handlers: { ...ticketHandlers, ...inspectionHandlers },
  // Plans, projects and assets first: tickets may name a project or an asset.
  demo: (now) => [...inspectionMutations(now), ...ticketMutations(now)],
});

const venues = defineBackendDesk({
  id: 'venues',
  handlers: venueHandlers,
  demo: (now) => venueMutations(now),
});

const parking = defineBackendDesk({
  id: 'parking',
  handlers: parkingHandlers,
  demo: (now) => parkingMutations(now),
});

const vehicles = defineBackendDesk({
  id: 'vehicles',
  handlers: vehicleHandlers,
  // The report period's trips first, then the motor pool around today.
  demo: (now) => [...reportPeriodVehiclesMutations(), ...vehicleMutations(now)],
});

export const BACKEND_DESKS: readonly BackendDesk[] = [maintenance, venues, parking, vehicles];

/** Every desk's handlers, spread so the handler map's type check sees each call. */
export const deskHandlers = { ...maintenance.handlers, ...venues.handlers, ...parking.handlers, ...vehicles.handlers };
