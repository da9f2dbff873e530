/** The dispatch desk's read calls: each one's argument schema and who may make it, and what each answers. */
import { z } from 'zod';
import { defineCall, DESK_READERS, exportFormat, figureRecordsArgs, periodArgs, type ExportedList } from '../call';
import type { BusinessDate } from '../dates';
import { instant } from '../instants';
import type { FigureRecords } from '../report/section';
import type { VehicleFigures } from './figures';
import type { Fit } from './suggest';
import { REQUEST_STATES, type DriverLeave, type DriverProfile, type Trip, type TripRequest, type Vehicle, type VehicleUnavailable } from './types';

const id = z.string().min(1).max(200);
/** A stretch of the board: a day or a week, at most five weeks. */
const range = z
  .object({ from: instant, to: instant })
  .strict()
  .refine((r) => r.to > r.from && Date.parse(r.to) - Date.parse(r.from) <= 35 * 86_400_000, { message: 'range', path: ['to'] });
const requestFilter = z.object({
  states: z.array(z.enum(REQUEST_STATES)).max(REQUEST_STATES.length).optional(),
  /** Also the requests of earlier days (left out unless asked: see isPastRequest). */
  includePast: z.boolean().optional(),
});

export const vehicleCalls = {
  /** Trip counts for the period report (DOMAIN.md, "Vehicle trips"). */
  'vehicles.figures': defineCall(periodArgs, DESK_READERS),
  /** The trips behind a figure of the report section (trips, trips_lent): one row per counted trip. */
  'vehicles.figureRecords': defineCall(figureRecordsArgs(['trips', 'trips_lent'] as const), DESK_READERS),
  /** The dispatch board of a stretch: the fleet, the drivers, and the trips, unavailable periods and leave that meet it. */
  'vehicles.board': defineCall(range, DESK_READERS),
  /** The one queue of requests, online and paper, waiting ones first and soonest first; those of earlier days only when asked. */
  'vehicles.requests': defineCall(requestFilter.strict(), DESK_READERS),
  /** The best fits for a waiting request, each with its reasons. */
  'vehicles.suggest': defineCall(z.object({ requestId: id }).strict(), DESK_READERS),
  /** The vehicles that may take a request and the drivers free for its hours (a refused assignment's card offers them). */
  'vehicles.free': defineCall(z.object({ requestId: id }).strict(), DESK_READERS),
  'vehicles.fleet': defineCall(z.object({ includeArchived: z.boolean().optional() }).strict(), DESK_READERS),
  'vehicles.drivers': defineCall(z.object({ includeArchived: z.boolean().optional() }).strict(), DESK_READERS),
  /** A trip with its request, vehicle and driver: the trip log and the dispatch slip (派車單). */
  'vehicles.trip': defineCall(z.object({ id }).strict(), DESK_READERS),
  /** Insurance, inspection and licences falling due within N days (or past due). */
  'vehicles.documentsDue': defineCall(z.object({ days: z.number().int().min(0).max(366) }).strict(), DESK_READERS),
  /** The request queue as a workbook. */
  'vehicles.exportRequests': defineCall(requestFilter.extend({ format: exportFormat }).strict(), DESK_READERS),
  /** The trips of a stretch (by day, vehicle and driver) as a workbook. */
  'vehicles.exportTrips': defineCall(z.object({ from: instant, to: instant, format: exportFormat }).strict(), DESK_READERS),
} as const;

/** A driver as the desk shows them: the profile with the person's name. */
export interface DriverRow extends DriverProfile {
  name: string;
}

export interface DispatchBoard {
  vehicles: Vehicle[];
  drivers: DriverRow[];
  trips: Trip[];
  /** Each of those trips' request's purpose, by request id. */
  purposes: Record<string, string>;
  unavailable: VehicleUnavailable[];
  leave: DriverLeave[];
}

export interface TripSheet {
  trip: Trip;
  request: TripRequest;
  vehicle: Vehicle;
  driver: DriverRow | null;
  agencyName: string;
}

export interface DocumentDue {
  /** The vehicle's or the driver profile's id. */
  id: string;
  holder: 'vehicle' | 'driver';
  /** The plate, or the driver's name. */
  label: string;
  document: 'insurance' | 'inspection' | 'licence' | 'driverLicence';
  due: BusinessDate;
  /** Days from today (negative: past due). */
  daysLeft: number;
}

export interface VehicleResults {
  'vehicles.figures': VehicleFigures;
  'vehicles.figureRecords': FigureRecords;
  'vehicles.board': DispatchBoard;
  'vehicles.requests': TripRequest[];
  'vehicles.suggest': Fit[];
  'vehicles.free': { vehicleIds: string[]; driverIds: string[] };
  'vehicles.fleet': Vehicle[];
  'vehicles.drivers': DriverRow[];
  'vehicles.trip': TripSheet | null;
  'vehicles.documentsDue': DocumentDue[];
  'vehicles.exportRequests': ExportedList;
  'vehicles.exportTrips': ExportedList;
}
