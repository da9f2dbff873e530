/**
 * The dispatch desk's figures for the period report (DOMAIN.md, "How the report counts:
 * Vehicle trips"): trips dispatched (a vehicle assigned, not cancelled) whose departure's
 * Taipei date falls inside the period, both ends included; of them, loans (trips made for
 * another agency's request); by agency and by vehicle; and each vehicle's hours of use.
 * The count and the drill-down list (the trips behind a figure) both come from
 * `countedTrips`, so the list's length is the figure.
 */
import { taipeiDateOf, type BusinessDate, type Locale } from '../dates';
import { localized, translate } from '../i18n';
import { formatPlate } from '../plates';
import type { FigureRecords, RecordColumn } from '../report/section';
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

/** The dispatch desk's figures of the report section, by their names there. */
export const VEHICLE_FIGURES = ['trips', 'trips_lent'] as const;
export type VehicleFigureName = (typeof VEHICLE_FIGURES)[number];

/** The figure a drill-down asks for, or a clear error naming the ones there are. */
export function vehicleFigureNamed(name: string): VehicleFigureName {
  if (!(VEHICLE_FIGURES as readonly string[]).includes(name)) throw new Error(`no vehicle figure "${name}" (the vehicle figures are ${VEHICLE_FIGURES.join(', ')})`);
  return name as VehicleFigureName;
}

type Counted = Pick<Trip, 'vehicleId' | 'agencyId' | 'isLoan' | 'state' | 'departAt' | 'returnAt' | 'actualDepartAt' | 'actualReturnAt'>;

/** A trip counts when a vehicle is on it and it was not cancelled. */
export const dispatched = (t: Pick<Trip, 'vehicleId' | 'state'>) => t.vehicleId !== '' && t.state !== 'cancelled';

/**
 * The trips a figure counts, in departure order: dispatched, leaving on one of the period's
 * Taipei days; for trips_lent, only loans. The one rule both the count and the list follow.
 */
export function countedTrips<T extends Counted>(trips: readonly T[], period: { from: BusinessDate; to: BusinessDate }, figure: VehicleFigureName = 'trips'): T[] {
  return trips
    .filter((t) => {
      if (!dispatched(t) || (figure === 'trips_lent' && !t.isLoan)) return false;
      const day = taipeiDateOf(t.departAt);
      return period.from <= day && day <= period.to;
    })
    .sort((a, b) => (a.departAt < b.departAt ? -1 : a.departAt > b.departAt ? 1 : 0));
}

export function vehicleFigures(trips: readonly Counted[], period: { from: BusinessDate; to: BusinessDate }): VehicleFigures {
  const f: VehicleFigures = { trips: 0, tripsLent: 0, byAgency: {}, lentByAgency: {}, byVehicle: {}, hoursByVehicle: {} };
  const counted = countedTrips(trips, period, 'trips');
  const lent = new Set(countedTrips(counted, period, 'trips_lent'));
  for (const t of counted) {
    f.trips++;
    if (lent.has(t)) {
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

/** A trip with what its drill-down row shows: its request's number, purpose, stops and distance, the plate and the agency's names. */
export interface ListedTrip extends Counted, Pick<Trip, 'id' | 'odometerOut' | 'odometerIn'> {
  paperNumber: string;
  purpose: string;
  stops: string[];
  distanceKm: number;
  plate: string;
  agencyNameZh: string;
  agencyNameEn: string;
}

/** The number on a trip's printed dispatch slip (派車單號). */
export const slipNumber = (tripId: string) => tripId.slice(-12).toUpperCase();

/** The distance of a trip: the odometer's when both readings are logged, else the request's estimate. */
export const tripDistance = (t: Pick<ListedTrip, 'odometerOut' | 'odometerIn' | 'distanceKm'>): number =>
  t.odometerOut !== null && t.odometerIn !== null && t.odometerIn >= t.odometerOut ? t.odometerIn - t.odometerOut : t.distanceKm;

/** The drill-down's columns: what the clerk finds a trip by, and what the charts group by (`agency`). No requester's phone or name. */
export const TRIP_RECORD_COLUMNS: readonly RecordColumn[] = [
  { key: 'number', label: 'vehicles.ui.slip.number', width: 14 },
  { key: 'paperNumber', label: 'field.paperNumber', width: 14 },
  { key: 'departAt', label: 'field.departAt', type: 'instant', width: 18 },
  { key: 'agency', label: 'vehicles.ui.list.agency', width: 18 },
  { key: 'vehicle', label: 'field.vehicleId', width: 12 },
  { key: 'stops', label: 'field.stops', width: 24 },
  { key: 'purpose', label: 'field.purpose', width: 24 },
  { key: 'loan', label: 'vehicles.ui.list.loan', width: 8 },
  { key: 'distanceKm', label: 'field.distanceKm', type: 'number', width: 10 },
];

/** The trips behind one dispatch figure of the period: one row per counted trip, by departure, in the reader's language. */
export function vehicleFigureRecords(trips: readonly ListedTrip[], period: { from: BusinessDate; to: BusinessDate }, figure: VehicleFigureName, locale: Locale): FigureRecords {
  return {
    figure,
    columns: [...TRIP_RECORD_COLUMNS],
    rows: countedTrips(trips, period, figure).map((t) => ({
      id: t.id,
      date: taipeiDateOf(t.departAt),
      cells: {
        number: slipNumber(t.id),
        paperNumber: t.paperNumber,
        departAt: t.departAt,
        agency: localized(t.agencyNameZh, t.agencyNameEn, locale),
        vehicle: formatPlate(t.plate),
        stops: t.stops.join('、'),
        purpose: t.purpose,
        loan: translate(locale, t.isLoan ? 'vehicles.ui.yes' : 'vehicles.ui.no'),
        distanceKm: tripDistance(t),
      },
    })),
  };
}
