/**
 * The records of the vehicle dispatch desk. Read by domain/entities.ts, which combines
 * every desk's kinds.
 */
import type { DriverLeave, DriverProfile, Trip, TripRequest, Vehicle, VehicleUnavailable } from './types';

export interface VehicleEntities {
  vehicle: Vehicle;
  vehicleUnavailable: VehicleUnavailable;
  driverProfile: DriverProfile;
  driverLeave: DriverLeave;
  tripRequest: TripRequest;
  trip: Trip;
}

export const VEHICLE_KINDS = ['vehicle', 'vehicleUnavailable', 'driverProfile', 'driverLeave', 'tripRequest', 'trip'] as const satisfies readonly (keyof VehicleEntities)[];

/** [kind, field, the kind it names]: a record named by another is archived, never deleted. */
export const VEHICLE_REFERENCES = [
  ['vehicle', 'garageId', 'space'],
  ['vehicleUnavailable', 'vehicleId', 'vehicle'],
  ['driverProfile', 'personId', 'person'],
  ['driverLeave', 'driverId', 'driverProfile'],
  ['tripRequest', 'agencyId', 'agency'],
  ['tripRequest', 'personId', 'person'],
  ['trip', 'requestId', 'tripRequest'],
  ['trip', 'vehicleId', 'vehicle'],
  ['trip', 'driverId', 'driverProfile'],
] as const;
