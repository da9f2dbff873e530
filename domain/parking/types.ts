/**
 * The parking desk's records: parking areas (a parking space with what it holds and which
 * permits it takes), permits (年度停車證 for a calendar year, 臨時停車證 for a day or a
 * few) and the plates a permit covers, one record each, so that the sync server's span
 * table can refuse one plate holding two valid permits of a site on the same day.
 */
import type { BusinessDate } from '../dates';

export const PERMIT_TYPES = ['annual', 'temporary'] as const;
export type PermitType = (typeof PERMIT_TYPES)[number];

export const PARKING_VEHICLE_TYPES = ['car', 'motorcycle'] as const;
export type ParkingVehicleType = (typeof PARKING_VEHICLE_TYPES)[number];

/**
 * valid; revoked (作廢, with a reason); replaced (lost, replaced by a new number that
 * points back to this one). Expired is not a status: a permit expires by its dates.
 */
export const PERMIT_STATUSES = ['valid', 'revoked', 'replaced'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

/** At most this many plates on one permit (a household's cars, a pool car's spares). */
export const MAX_PLATES = 3;

/** 停車場區: a space of kind parking, with what it holds and which permits it takes. */
export interface ParkingArea {
  id: string;
  spaceId: string;
  capacityCar: number;
  capacityMotorcycle: number;
  permitTypes: PermitType[];
  notes: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** 停車證 (證-111-00042). */
export interface Permit {
  id: string;
  number: string;
  type: PermitType;
  /** Copied from the area's place when issued: the figures and the gate count by site. */
  siteId: string;
  areaId: string;
  /** A person of an agency, or an outside holder (no person record, the name only). */
  holderPersonId: string | null;
  holderAgencyId: string | null;
  holderName: string;
  holderTitle: string;
  /** Normalised (ABC1234); shown with formatPlate. */
  plates: string[];
  vehicleType: ParkingVehicleType;
  /** The calendar year an annual permit is valid for; null for a temporary one. */
  year: number | null;
  validFrom: BusinessDate;
  validTo: BusinessDate;
  fee: number;
  /** The Taipei date it was issued: the temporary permits' figures count by it. */
  issuedOn: BusinessDate;
  status: PermitStatus;
  revokedReason: string;
  replacesId: string | null;
  replacedById: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** One plate of one permit, holding the plate at the permit's site for its days while the permit is valid. */
export interface PermitPlate {
  id: string;
  permitId: string;
  /** The permit's printed number, so that a refusal can name the permit in the way. */
  permitNumber: string;
  siteId: string;
  plate: string;
  /** site and plate: the resource the span table keeps apart. */
  holdKey: string;
  /** UTC instants of the first day's Taipei midnight and the day after the last day's. */
  heldFrom: string;
  heldTo: string;
  valid: boolean;
  createdAt: string;
  updatedAt: string;
}

export const APPLICATION_STATES = ['waiting', 'approved', 'partlyApproved', 'rejected'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** 機關申請: an agency asks for N permits (temporary for an event, or its annual allocation). */
export interface PermitApplication {
  id: string;
  agencyId: string;
  siteId: string;
  areaId: string;
  type: PermitType;
  countAsked: number;
  /** The event (temporary) or the allocation's purpose. */
  purpose: string;
  year: number | null;
  validFrom: BusinessDate;
  validTo: BusinessDate;
  /** The venue booking of the event, where there is one. */
  venueBookingId: string | null;
  /** The plates the agency listed, normalised; approval issues one permit per plate. */
  plates: string[];
  vehicleType: ParkingVehicleType;
  contactName: string;
  state: ApplicationState;
  approvedCount: number;
  permitIds: string[];
  rejectedReason: string;
  filedOn: BusinessDate;
  createdAt: string;
  updatedAt: string;
}

/** 配額: how many permits an agency may hold at a site, per year (annual) or per day (temporary). */
export interface ParkingQuota {
  id: string;
  agencyId: string;
  siteId: string;
  type: PermitType;
  year: number;
  quota: number;
  createdAt: string;
  updatedAt: string;
}
