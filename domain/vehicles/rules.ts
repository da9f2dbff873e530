/**
 * The dispatch desk's refusal rules, as pure functions: the mutations check them at
 * once, the board shows them as a request is dragged or keyed onto a vehicle and a driver.
 * The rule that no vehicle and no driver is on two overlapping trips is also held by the
 * sync server's span table (desk.ts).
 */
import { clockOf, startOfTaipeiDay, taipeiDateOf, taipeiMinutes, type BusinessDate } from '../dates';
import type { Problem } from '../errors';
import type { DriverLeave, DriverProfile, LicenceClass, Trip, TripRequest, Vehicle, VehicleType, VehicleUnavailable } from './types';

/** Which vehicle types each licence class drives (道路交通安全規則 第61條, in short). */
export const LICENCE_ALLOWS: Record<LicenceClass, readonly VehicleType[]> = {
  light: ['sedan', 'van', 'pickup'],
  pro_light: ['sedan', 'van', 'pickup'],
  heavy_truck: ['sedan', 'van', 'pickup', 'truck'],
  pro_heavy_truck: ['sedan', 'van', 'pickup', 'truck'],
  bus: ['sedan', 'van', 'pickup', 'truck', 'minibus', 'bus'],
  pro_bus: ['sedan', 'van', 'pickup', 'truck', 'minibus', 'bus'],
};

export const vehicleKeyOf = (vehicleId: string) => `vehicle|${vehicleId}`;
export const driverKeyOf = (driverId: string | null) => (driverId ? `driver|${driverId}` : '');

type Span = { from: string; to: string };

/** A stretch as a refusal's parameters: Taipei dates (shown as the reader writes dates) and clock times. */
export const spanParams = (from: string, to: string) => ({
  from: `date:${taipeiDateOf(from)}`,
  fromTime: clockOf(taipeiMinutes(from)),
  to: `date:${taipeiDateOf(to)}`,
  toTime: clockOf(taipeiMinutes(to)),
});
/** Half-open [from, to) stretches meet when each starts before the other ends. */
export const overlaps = (a: Span, b: Span) => a.from < b.to && b.from < a.to;

const tripSpan = (t: Pick<Trip, 'departAt' | 'returnAt'>): Span => ({ from: t.departAt, to: t.returnAt });

/** A trip holds its vehicle and driver unless it was cancelled. */
export const tripHolds = (t: Pick<Trip, 'state'>) => t.state !== 'cancelled';

/** The refusal when the vehicle is on another trip for some of the hours (the span table's too). */
export function vehicleBusyProblem(other: Pick<Trip, 'id' | 'vehicleId' | 'departAt' | 'returnAt'>): Problem {
  return { code: 'vehicles.error.vehicleBusy', params: { conflictId: other.id, vehicleId: other.vehicleId, ...spanParams(other.departAt, other.returnAt) }, field: 'vehicleId' };
}

export function driverBusyProblem(other: Pick<Trip, 'id' | 'driverId' | 'departAt' | 'returnAt'>): Problem {
  return { code: 'vehicles.error.driverBusy', params: { conflictId: other.id, driverId: other.driverId ?? '', ...spanParams(other.departAt, other.returnAt) }, field: 'driverId' };
}

export interface AssignContext {
  request: Pick<TripRequest, 'passengers' | 'departAt' | 'returnAt' | 'withDriver' | 'isLoan'>;
  vehicle: Pick<Vehicle, 'id' | 'status' | 'seats' | 'type' | 'insuranceDue' | 'inspectionDue' | 'archived'>;
  driver: Pick<DriverProfile, 'id' | 'licenceClass' | 'licenceExpiry' | 'allowedTypes' | 'archived'> | null;
  /** Trips of this vehicle and of this driver (any others are ignored). */
  trips: readonly Pick<Trip, 'id' | 'vehicleId' | 'driverId' | 'departAt' | 'returnAt' | 'state'>[];
  unavailable: readonly Pick<VehicleUnavailable, 'vehicleId' | 'from' | 'to' | 'cancelled'>[];
  leave: readonly Pick<DriverLeave, 'driverId' | 'from' | 'to' | 'cancelled'>[];
  /** The trip being re-assigned, which does not collide with itself. */
  ignoreTripId?: string;
}

/** Why the vehicle cannot take the request, regardless of driver; null when it can. */
export function vehicleRefusal(c: Omit<AssignContext, 'driver' | 'leave'>): Problem | null {
  const { request: r, vehicle: v } = c;
  const span = tripSpan(r);
  if (v.archived || v.status === 'retired') return { code: 'vehicles.error.retired', params: {}, field: 'vehicleId' };
  if (v.status === 'in_repair') return { code: 'vehicles.error.inRepair', params: {}, field: 'vehicleId' };
  const departDay = taipeiDateOf(r.departAt);
  if (v.insuranceDue && v.insuranceDue < departDay) return { code: 'vehicles.error.insuranceDue', params: { date: `date:${v.insuranceDue}` }, field: 'vehicleId' };
  if (v.inspectionDue && v.inspectionDue < departDay) return { code: 'vehicles.error.inspectionDue', params: { date: `date:${v.inspectionDue}` }, field: 'vehicleId' };
  if (v.seats < r.passengers) return { code: 'vehicles.error.seats', params: { seats: v.seats, passengers: r.passengers }, field: 'vehicleId' };
  const down = c.unavailable.find((u) => !u.cancelled && u.vehicleId === v.id && overlaps(u, span));
  if (down) return { code: 'vehicles.error.unavailable', params: { ...spanParams(down.from, down.to) }, field: 'vehicleId' };
  const busy = c.trips.find((t) => t.id !== c.ignoreTripId && tripHolds(t) && t.vehicleId === v.id && overlaps(tripSpan(t), span));
  if (busy) return vehicleBusyProblem(busy);
  return null;
}

/** Whether a driver's licence and allowed types fit a vehicle type. */
export const licenceFits = (d: Pick<DriverProfile, 'licenceClass' | 'allowedTypes'>, type: VehicleType) =>
  LICENCE_ALLOWS[d.licenceClass].includes(type) && (d.allowedTypes.length === 0 || d.allowedTypes.includes(type));

type DriverContext = Omit<AssignContext, 'unavailable' | 'vehicle'> & { driver: NonNullable<AssignContext['driver']> };

/** A driver who drives nothing on this request, whatever the vehicle: archived, or the licence lapsed by then. */
function driverGone({ request: r, driver: d }: DriverContext): Problem | null {
  if (d.archived) return { code: 'vehicles.error.driverArchived', params: {}, field: 'driverId' };
  if (d.licenceExpiry && d.licenceExpiry < taipeiDateOf(r.returnAt)) return { code: 'vehicles.error.licenceExpired', params: { date: `date:${d.licenceExpiry}` }, field: 'driverId' };
  return null;
}

/** A driver on leave or on another trip for some of the request's hours. */
function driverAway(c: DriverContext): Problem | null {
  const { request: r, driver: d } = c;
  const span = tripSpan(r);
  const away = c.leave.find((l) => !l.cancelled && l.driverId === d.id && overlaps(l, span));
  if (away) return { code: 'vehicles.error.onLeave', params: { ...spanParams(away.from, away.to) }, field: 'driverId' };
  const busy = c.trips.find((t) => t.id !== c.ignoreTripId && tripHolds(t) && t.driverId === d.id && overlaps(tripSpan(t), span));
  if (busy) return driverBusyProblem(busy);
  return null;
}

/** Whether the driver is free for the request's hours (not gone, on leave or on another trip), whichever vehicle they take. */
export const driverFree = (c: DriverContext): boolean => !driverGone(c) && !driverAway(c);

/** Why the driver cannot drive this vehicle on this request; null when they can. */
export function driverRefusal(c: Omit<AssignContext, 'unavailable'> & { driver: NonNullable<AssignContext['driver']> }): Problem | null {
  const gone = driverGone(c);
  if (gone) return gone;
  if (!licenceFits(c.driver, c.vehicle.type))
    return { code: 'vehicles.error.licenceClass', params: { class: `msg:vehicles.licence.${c.driver.licenceClass}`, type: `msg:vehicles.type.${c.vehicle.type}` }, field: 'driverId' };
  return driverAway(c);
}

/** The first reason an assignment is refused, vehicle first; null when it may go ahead. */
export function assignRefusal(c: AssignContext): Problem | null {
  if (!(c.request.returnAt > c.request.departAt)) return { code: 'vehicles.error.times', params: {}, field: 'returnAt' };
  const v = vehicleRefusal(c);
  if (v) return v;
  if (!c.driver) return c.request.withDriver ? { code: 'error.required', params: { field: 'driverId' }, field: 'driverId' } : null;
  return driverRefusal({ ...c, driver: c.driver });
}

/** The odometer on return is never below the reading going out nor the vehicle's last reading. */
export function odometerRefusal(lastReading: number, out: number | null, back: number | null): Problem | null {
  if (out !== null && out < lastReading) return { code: 'vehicles.error.odometerBelow', params: { last: lastReading, value: out }, field: 'odometerOut' };
  if (back !== null && back < Math.max(lastReading, out ?? 0)) return { code: 'vehicles.error.odometerBelow', params: { last: Math.max(lastReading, out ?? 0), value: back }, field: 'odometerIn' };
  return null;
}

/** Documents due by a date (insurance, inspection, licence), for the "due within N days" list. */
export function documentsDue(v: Pick<Vehicle, 'insuranceDue' | 'inspectionDue' | 'licenceDue'>, by: string): ('insurance' | 'inspection' | 'licence')[] {
  const due: ('insurance' | 'inspection' | 'licence')[] = [];
  if (v.insuranceDue && v.insuranceDue <= by) due.push('insurance');
  if (v.inspectionDue && v.inspectionDue <= by) due.push('inspection');
  if (v.licenceDue && v.licenceDue <= by) due.push('licence');
  return due;
}

/**
 * A request of an earlier day: it returns before `today` began (Taipei). The queue leaves
 * these out unless asked, so the first look is today's work and what comes after.
 */
export function isPastRequest(r: Pick<TripRequest, 'returnAt'>, today: BusinessDate): boolean {
  return Date.parse(r.returnAt) <= Date.parse(startOfTaipeiDay(today));
}
