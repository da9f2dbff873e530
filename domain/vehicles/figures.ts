/**
 * The dispatch desk's figures for the period report (DOMAIN.md, "How the report counts:
 * Vehicle trips"): trips dispatched (a vehicle assigned, not cancelled) whose departure's
 * Taipei date falls inside the period, both ends included; of them, loans (trips made for
 * another agency's request); by agency and by vehicle; and each vehicle's hours of use.
 */
import { taipeiDateOf, type BusinessDate } from '../dates';
import type { Trip } from './types';

export interface VehicleFigures {
  trips: number;
  tripsLent: number;
  byAgency: Record<string, number>;
  /** The loans, per requesting agency. */
  lentByAgency: Record<string, number>;
  byVehicle: Record<string, number>;
  /** Hours each vehicle was out on the counted trips (actual times when logged, else planned). */
  hoursByVehicle: Record<string, number>;
}

type Counted = Pick<Trip, 'vehicleId' | 'agencyId' | 'isLoan' | 'state' | 'departAt' | 'returnAt' | 'actualDepartAt' | 'actualReturnAt'>;

/** A trip counts when a vehicle is on it and it was not cancelled. */
export const dispatched = (t: Pick<Trip, 'vehicleId' | 'state'>) => t.vehicleId !== '' && t.state !== 'cancelled';

export function vehicleFigures(trips: readonly Counted[], period: { from: BusinessDate; to: BusinessDate }): VehicleFigures {
  const f: VehicleFigures = { trips: 0, tripsLent: 0, byAgency: {}, lentByAgency: {}, byVehicle: {}, hoursByVehicle: {} };
  for (const t of trips) {
    if (!dispatched(t)) continue;
    const day = taipeiDateOf(t.departAt);
    if (day < period.from || period.to < day) continue;
    f.trips++;
    if (t.isLoan) {
      f.tripsLent++;
      f.lentByAgency[t.agencyId] = (f.lentByAgency[t.agencyId] ?? 0) + 1;
    }
    f.byAgency[t.agencyId] = (f.byAgency[t.agencyId] ?? 0) + 1;
    f.byVehicle[t.vehicleId] = (f.byVehicle[t.vehicleId] ?? 0) + 1;
    const ms = Date.parse(t.actualReturnAt ?? t.returnAt) - Date.parse(t.actualDepartAt ?? t.departAt);
    f.hoursByVehicle[t.vehicleId] = Math.round(((f.hoursByVehicle[t.vehicleId] ?? 0) + Math.max(0, ms) / 3_600_000) * 100) / 100;
  }
  return f;
}
