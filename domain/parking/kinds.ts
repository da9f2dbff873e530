/**
 * The records of the parking desk: parking areas, permits and their plates. Read by
 * domain/entities.ts, which combines every desk's kinds.
 */
import type { ParkingArea, ParkingQuota, Permit, PermitApplication, PermitPlate } from './types';

export interface ParkingEntities {
  parkingArea: ParkingArea;
  permit: Permit;
  permitPlate: PermitPlate;
  permitApplication: PermitApplication;
  parkingQuota: ParkingQuota;
}

export const PARKING_KINDS = ['parkingArea', 'permit', 'permitPlate', 'permitApplication', 'parkingQuota'] as const satisfies readonly (keyof ParkingEntities)[];

/** [kind, field, the kind it names]: a record named by another is archived, never deleted. */
export const PARKING_REFERENCES = [
  ['parkingArea', 'spaceId', 'space'],
  ['permit', 'areaId', 'parkingArea'],
  ['permit', 'holderPersonId', 'person'],
  ['permit', 'holderAgencyId', 'agency'],
  ['permitPlate', 'permitId', 'permit'],
  ['permitApplication', 'agencyId', 'agency'],
  ['permitApplication', 'areaId', 'parkingArea'],
  ['parkingQuota', 'agencyId', 'agency'],
] as const;
