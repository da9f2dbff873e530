/**
 * The best fits for a request: the vehicles and drivers that may take it, ranked, each
 * with its reasons (seats close to the passengers, a type fit for the distance, the
 * request's garage, load evened across vehicles and drivers).
 */
import type { AssignContext } from './rules';
import { driverFree, driverRefusal, overlaps, tripHolds, vehicleRefusal } from './rules';
import type { DriverLeave, DriverProfile, Trip, TripRequest, Vehicle, VehicleType, VehicleUnavailable } from './types';

export type FitReason = 'seats' | 'typeForDistance' | 'garage' | 'lightLoad';

export interface Fit {
  vehicleId: string;
  driverId: string | null;
  score: number;
  reasons: FitReason[];
}

/** Long trips go better in a van or bus than a sedan; short town trips in a sedan. */
const LONG_TRIP_KM = 150;
const suitsDistance = (type: VehicleType, km: number) => (km >= LONG_TRIP_KM ? type !== 'sedan' && type !== 'truck' && type !== 'pickup' : type === 'sedan' || type === 'van');

export interface SuggestInput {
  request: Pick<TripRequest, 'passengers' | 'departAt' | 'returnAt' | 'withDriver' | 'isLoan' | 'distanceKm'>;
  vehicles: readonly Vehicle[];
  drivers: readonly DriverProfile[];
  /** The trips of the weeks around the request (load is counted over them). */
  trips: readonly Pick<Trip, 'id' | 'vehicleId' | 'driverId' | 'departAt' | 'returnAt' | 'state'>[];
  unavailable: readonly VehicleUnavailable[];
  leave: readonly DriverLeave[];
  /** The garage nearest the request's first stop, when known. */
  garageId?: string | null;
  limit?: number;
}

/** The trips that meet the request: only they can refuse it. */
function meetingTrips(input: SuggestInput): SuggestInput['trips'] {
  const { request: r } = input;
  return input.trips.filter((t) => overlaps({ from: t.departAt, to: t.returnAt }, { from: r.departAt, to: r.returnAt }));
}

/**
 * The vehicles that may take the request and the drivers free for its hours: what the
 * suggestions rank, and what a refused assignment offers instead (待處理).
 */
export function freeFor(input: Omit<SuggestInput, 'garageId' | 'limit'>): { vehicles: Vehicle[]; drivers: DriverProfile[] } {
  const base: Omit<AssignContext, 'vehicle' | 'driver'> = { request: input.request, trips: meetingTrips(input), unavailable: input.unavailable, leave: input.leave };
  return {
    vehicles: input.vehicles.filter((v) => !vehicleRefusal({ ...base, vehicle: v })),
    drivers: input.drivers.filter((d) => driverFree({ ...base, driver: d })),
  };
}

export function suggestFits(input: SuggestInput): Fit[] {
  const { request: r } = input;
  const load = new Map<string, number>();
  for (const t of input.trips) {
    if (!tripHolds(t)) continue;
    load.set(t.vehicleId, (load.get(t.vehicleId) ?? 0) + 1);
    if (t.driverId) load.set(t.driverId, (load.get(t.driverId) ?? 0) + 1);
  }
  const avg = (ids: readonly { id: string }[]) => (ids.length ? ids.reduce((s, x) => s + (load.get(x.id) ?? 0), 0) / ids.length : 0);
  const vehicleAvg = avg(input.vehicles);
  const driverAvg = avg(input.drivers);
  // Only the trips that meet the request can refuse it; the others count for the load alone.
  const base: Omit<AssignContext, 'vehicle' | 'driver'> = { request: r, trips: meetingTrips(input), unavailable: input.unavailable, leave: input.leave };
  const { vehicles, drivers: free } = freeFor(input);
  const fits: Fit[] = [];
  for (const v of vehicles) {
    const reasons: FitReason[] = [];
    let score = 0;
    const spare = v.seats - r.passengers;
    if (spare <= 3) {
      reasons.push('seats');
      score += 3 - spare;
    }
    if (suitsDistance(v.type, r.distanceKm)) {
      reasons.push('typeForDistance');
      score += 3;
    }
    if (input.garageId && v.garageId === input.garageId) {
      reasons.push('garage');
      score += 2;
    }
    const vLoad = load.get(v.id) ?? 0;
    if (vLoad <= vehicleAvg) {
      reasons.push('lightLoad');
      score += 2;
    }
    score -= vLoad * 0.01;
    let driverId: string | null = null;
    if (r.withDriver) {
      let best: DriverProfile | null = null;
      for (const d of free) {
        if (driverRefusal({ ...base, vehicle: v, driver: d })) continue;
        if (!best || (load.get(d.id) ?? 0) < (load.get(best.id) ?? 0)) best = d;
      }
      if (!best) continue;
      driverId = best.id;
      if ((load.get(best.id) ?? 0) <= driverAvg) score += 1;
    }
    fits.push({ vehicleId: v.id, driverId, score, reasons });
  }
  fits.sort((a, b) => b.score - a.score || a.vehicleId.localeCompare(b.vehicleId));
  return fits.slice(0, input.limit ?? 5);
}
