/**
 * The vehicle dispatch desk's records (公務車調派): the fleet, the drivers' profiles and
 * leave, the trip requests (online and on paper, one queue) and the trips dispatched for
 * them. A trip holds its vehicle and its driver for its hours, each through its own span.
 */
import type { Attachment } from '../attachments';
import type { BusinessDate } from '../dates';

export const VEHICLE_TYPES = ['sedan', 'van', 'minibus', 'bus', 'truck', 'pickup'] as const;
export type VehicleType = (typeof VEHICLE_TYPES)[number];

export const VEHICLE_STATUSES = ['in_service', 'in_repair', 'retired'] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];

/** Taiwanese licence classes, from the lightest: 普通小型車, 普通大貨車, 普通大客車, 職業小型車, 職業大貨車, 職業大客車. */
export const LICENCE_CLASSES = ['light', 'heavy_truck', 'bus', 'pro_light', 'pro_heavy_truck', 'pro_bus'] as const;
export type LicenceClass = (typeof LICENCE_CLASSES)[number];

export const REQUEST_SOURCES = ['online', 'paper'] as const;
export type RequestSource = (typeof REQUEST_SOURCES)[number];

/** waiting (待派), dispatched (已派), done (已完成), cancelled (取消). */
export const REQUEST_STATES = ['waiting', 'dispatched', 'done', 'cancelled'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** assigned (已派), under_way (出車中), done (已回), cancelled (取消). */
export const TRIP_STATES = ['assigned', 'under_way', 'done', 'cancelled'] as const;
export type TripState = (typeof TRIP_STATES)[number];

export interface Vehicle {
  id: string;
  /** Normalised (ABC1234). */
  plate: string;
  make: string;
  model: string;
  type: VehicleType;
  seats: number;
  /** A space of kind garage. */
  garageId: string | null;
  status: VehicleStatus;
  /** The last reading known (km). */
  odometer: number;
  insuranceDue: BusinessDate | null;
  inspectionDue: BusinessDate | null;
  licenceDue: BusinessDate | null;
  fuelCard: string;
  notes: string;
  /** Periodic service (定期保養): every so many months and/or km; the next due by date and/or odometer (service.ts). */
  serviceIntervalMonths: number | null;
  serviceIntervalKm: number | null;
  nextServiceDate: BusinessDate | null;
  nextServiceKm: number | null;
  /** The maintenance desk's work item for the service due, while it is not closed (linked by id). */
  serviceTicketId: string | null;
  /** Services opened so far: the next work item's id is derived from it (serviceTicketIdOf). */
  serviceCount: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A stretch the vehicle cannot go out (repair, inspection): UTC instants, [from, to). */
export interface VehicleUnavailable {
  id: string;
  vehicleId: string;
  from: string;
  to: string;
  reason: string;
  cancelled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The dispatch desk's profile of a person of kind driver. */
export interface DriverProfile {
  id: string;
  personId: string;
  licenceClass: LicenceClass;
  licenceExpiry: BusinessDate | null;
  phone: string;
  /** The vehicle types this driver is allowed to drive (beyond what the licence permits, a narrowing). */
  allowedTypes: VehicleType[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface DriverLeave {
  id: string;
  driverId: string;
  from: string;
  to: string;
  reason: string;
  cancelled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TripRequest {
  id: string;
  source: RequestSource;
  /** The paper form's number (紙本編號); empty for an online request. */
  paperNumber: string;
  /** The paper form's scan, and any letter that came with the request. */
  attachments: Attachment[];
  agencyId: string;
  personId: string | null;
  requesterName: string;
  passengers: number;
  purpose: string;
  stops: string[];
  departAt: string;
  returnAt: string;
  distanceKm: number;
  /** 支援其他機關: the vehicle goes to another agency, on its request. */
  isLoan: boolean;
  withDriver: boolean;
  state: RequestState;
  cancelReason: string;
  createdAt: string;
  updatedAt: string;
}

export interface Trip {
  id: string;
  requestId: string;
  vehicleId: string;
  /** Null for a loan without our driver. */
  driverId: string | null;
  /** Copied from the request, so that the figures and the board read one record. */
  agencyId: string;
  isLoan: boolean;
  departAt: string;
  returnAt: string;
  /** The span keys: `vehicle|<id>` and `driver|<id>` (the driver's empty when none). */
  vehicleKey: string;
  driverKey: string;
  state: TripState;
  actualDepartAt: string | null;
  actualReturnAt: string | null;
  odometerOut: number | null;
  odometerIn: number | null;
  fuelLitres: number | null;
  tolls: number | null;
  incidents: string;
  handover: string;
  conditionOnReturn: string;
  createdAt: string;
  updatedAt: string;
}
