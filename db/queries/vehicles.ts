/** The dispatch desk's queries: the board of a stretch, the request queue, and the trips that may count for a period (with a day's margin each side for Taipei time). */
import { addDays, startOfTaipeiDay, type BusinessDate, type Locale } from '../../domain/dates';
import type { FigureRecords } from '../../domain/report/section';
import { vehicleFigureNamed, vehicleFigureRecords, vehicleFigures, type ListedTrip, type VehicleFigures } from '../../domain/vehicles/figures';
import type { DriverLeave, RequestState, Trip, TripRequest, VehicleUnavailable } from '../../domain/vehicles/types';
import type { Db } from '../open';
import { rowToRecord } from '../records';
import { prepared } from '../statements';

/** No trip runs longer than this (a loan of some weeks): the board looks back so far by departure, on the index. */
const LONGEST_TRIP_MS = 31 * 86_400_000;

/** Trips that meet [from, to): by departure on its index, then by return. */
export function tripsMeeting(db: Db, from: string, to: string): Trip[] {
  const since = new Date(Date.parse(from) - LONGEST_TRIP_MS).toISOString();
  return (prepared(db, `SELECT * FROM trip WHERE depart_at >= ? AND depart_at < ? AND return_at > ? ORDER BY depart_at`).all(since, to, from) as Record<string, unknown>[]).map((r) =>
    rowToRecord('trip', r),
  );
}

/** The times and holders of the trips that meet [from, to): all the suggestions weigh, without the rest of each record. */
export function tripTimesMeeting(db: Db, from: string, to: string): Pick<Trip, 'id' | 'vehicleId' | 'driverId' | 'departAt' | 'returnAt' | 'state'>[] {
  const since = new Date(Date.parse(from) - LONGEST_TRIP_MS).toISOString();
  return prepared(
    db,
    `SELECT id, vehicle_id AS vehicleId, driver_id AS driverId, depart_at AS departAt, return_at AS returnAt, state
       FROM trip WHERE depart_at >= ? AND depart_at < ? AND return_at > ?`,
  ).all(since, to, from) as Pick<Trip, 'id' | 'vehicleId' | 'driverId' | 'departAt' | 'returnAt' | 'state'>[];
}

/** The purpose of each request of the trips that meet [from, to): the board titles its trips with it. */
export function purposesOfTripsMeeting(db: Db, from: string, to: string): Record<string, string> {
  const since = new Date(Date.parse(from) - LONGEST_TRIP_MS).toISOString();
  const rows = prepared(db, `SELECT r.id, r.purpose FROM trip t JOIN trip_request r ON r.id = t.request_id WHERE t.depart_at >= ? AND t.depart_at < ? AND t.return_at > ?`).all(since, to, from) as {
    id: string;
    purpose: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.purpose]));
}

/** The unavailable periods and leave that meet [from, to), not cancelled. */
export function downtimeMeeting(db: Db, from: string, to: string): { unavailable: VehicleUnavailable[]; leave: DriverLeave[] } {
  const unavailable = (prepared(db, `SELECT * FROM vehicle_unavailable WHERE cancelled = 0 AND from_at < ? AND to_at > ?`).all(to, from) as Record<string, unknown>[]).map((r) =>
    rowToRecord('vehicleUnavailable', r),
  );
  const leave = (prepared(db, `SELECT * FROM driver_leave WHERE cancelled = 0 AND from_at < ? AND to_at > ?`).all(to, from) as Record<string, unknown>[]).map((r) => rowToRecord('driverLeave', r));
  return { unavailable, leave };
}

/** The queue: waiting first, then by departure (soonest first for waiting ones, latest first for the others). */
export function listRequests(db: Db, states?: readonly RequestState[]): TripRequest[] {
  const where = states?.length ? `WHERE state IN (${states.map(() => '?').join(', ')})` : '';
  const rows = prepared(
    db,
    `SELECT * FROM trip_request ${where}
      ORDER BY state = 'waiting' DESC, CASE WHEN state = 'waiting' THEN depart_at END ASC, depart_at DESC LIMIT 5000`,
  ).all(...(states ?? [])) as Record<string, unknown>[];
  return rows.map((r) => rowToRecord('tripRequest', r));
}

/** What the period's figures look through: the trips departing on its Taipei days, with what a drill-down row shows of each. */
function periodTrips(db: Db, period: { from: BusinessDate; to: BusinessDate }): ListedTrip[] {
  const rows = prepared(
    db,
    `SELECT t.id, t.vehicle_id AS vehicleId, t.agency_id AS agencyId, t.is_loan AS isLoan, t.state, t.depart_at AS departAt, t.return_at AS returnAt,
            t.actual_depart_at AS actualDepartAt, t.actual_return_at AS actualReturnAt, t.odometer_out AS odometerOut, t.odometer_in AS odometerIn,
            COALESCE(r.paper_number, '') AS paperNumber, COALESCE(r.purpose, '') AS purpose, COALESCE(r.stops, '[]') AS stops, COALESCE(r.distance_km, 0) AS distanceKm,
            COALESCE(v.plate, '') AS plate, COALESCE(a.name_zh, '') AS agencyNameZh, COALESCE(a.name_en, '') AS agencyNameEn
       FROM trip t LEFT JOIN trip_request r ON r.id = t.request_id LEFT JOIN vehicle v ON v.id = t.vehicle_id LEFT JOIN agency a ON a.id = t.agency_id
      WHERE t.depart_at >= ? AND t.depart_at < ?`,
  ).all(startOfTaipeiDay(period.from), startOfTaipeiDay(addDays(period.to, 1))) as (Omit<ListedTrip, 'isLoan' | 'stops'> & { isLoan: number; stops: string })[];
  return rows.map((r) => ({ ...r, isLoan: Boolean(r.isLoan), stops: JSON.parse(r.stops) as string[] }));
}

export function vehicleFiguresOf(db: Db, period: { from: BusinessDate; to: BusinessDate }): VehicleFigures {
  return vehicleFigures(periodTrips(db, period), period);
}

/** The trips behind one of the period's figures (the report's drill-down), counted by the figures' own rule. */
export function vehicleRecordsOf(db: Db, args: { from: BusinessDate; to: BusinessDate; figure: string }, locale: Locale): FigureRecords {
  const figure = vehicleFigureNamed(args.figure);
  return vehicleFigureRecords(periodTrips(db, args), args, figure, locale);
}
