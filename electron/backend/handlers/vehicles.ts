/** The dispatch desk's call handlers: the board, the queue, suggestions, the fleet and drivers, documents due, and the list exports. */
import { downtimeMeeting, listRequests, purposesOfTripsMeeting, tripsMeeting, tripTimesMeeting, vehicleFiguresOf, vehicleRecordsOf } from '../../../db/queries/vehicles';
import { addDays, daysBetween, formatDate, formatInstant, taipeiDateOf, todayInTaipei } from '../../../domain/dates';
import { nameOf, translate } from '../../../domain/i18n';
import type { DocumentDue, DriverRow, vehicleCalls } from '../../../domain/vehicles/calls';
import { freeFor, suggestFits } from '../../../domain/vehicles/suggest';
import { formatPlate } from '../../../domain/plates';
import { isPastRequest } from '../../../domain/vehicles/rules';
import type { DriverProfile, RequestState, Trip, TripRequest } from '../../../domain/vehicles/types';
import { exportList } from '../export/list-export';
import type { DeskContext, DeskHandlers } from '../desk';

const DAY_MS = 86_400_000;

/** The queue as the desk first sees it: today's requests and later ones, unless the past is asked for too. */
function currentRequests(ws: DeskContext, states: RequestState[] | undefined, includePast = false): TripRequest[] {
  const all = listRequests(ws.db, states);
  if (includePast) return all;
  const today = todayInTaipei();
  return all.filter((r) => !isPastRequest(r, today));
}

function driverRows(ws: DeskContext, includeArchived = false): DriverRow[] {
  return ws.runner.records
    .findSync('driverProfile', {})
    .filter((d) => includeArchived || !d.archived)
    .map((d) => withName(ws, d))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-TW'));
}

const withName = (ws: DeskContext, d: DriverProfile): DriverRow => ({ ...d, name: ws.runner.records.getSync('person', d.personId)?.name ?? '' });

function fleet(ws: DeskContext, includeArchived = false) {
  return ws.runner.records
    .findSync('vehicle', {})
    .filter((v) => includeArchived || !v.archived)
    .sort((a, b) => a.plate.localeCompare(b.plate));
}

function requestRows(ws: DeskContext, requests: TripRequest[]) {
  const t = (key: Parameters<typeof translate>[1]) => translate(ws.locale, key);
  const columns = [
    { key: 'source', header: t('vehicles.ui.list.source'), width: 8 },
    { key: 'paperNumber', header: t('field.paperNumber'), width: 14 },
    { key: 'agency', header: t('vehicles.ui.list.agency'), width: 18 },
    { key: 'requester', header: t('field.requesterName'), width: 12 },
    { key: 'purpose', header: t('field.purpose'), width: 24 },
    { key: 'stops', header: t('field.stops'), width: 24 },
    { key: 'departAt', header: t('field.departAt'), width: 18 },
    { key: 'returnAt', header: t('field.returnAt'), width: 18 },
    { key: 'passengers', header: t('field.passengers'), width: 8 },
    { key: 'distanceKm', header: t('field.distanceKm'), width: 10 },
    { key: 'loan', header: t('vehicles.ui.list.loan'), width: 8 },
    { key: 'state', header: t('vehicles.ui.list.state'), width: 10 },
  ];
  const rows = requests.map((r) => ({
    source: t(`vehicles.source.${r.source}`),
    paperNumber: r.paperNumber,
    agency: nameOf(ws.runner.records.getSync('agency', r.agencyId), ws.locale),
    requester: r.requesterName,
    purpose: r.purpose,
    stops: r.stops.join('、'),
    departAt: formatInstant(r.departAt, ws.locale),
    returnAt: formatInstant(r.returnAt, ws.locale),
    passengers: r.passengers,
    distanceKm: r.distanceKm,
    loan: r.isLoan ? t('vehicles.ui.yes') : '',
    state: t(`vehicles.requestState.${r.state}`),
  }));
  return { columns, rows };
}

function tripRows(ws: DeskContext, trips: Trip[]) {
  const t = (key: Parameters<typeof translate>[1]) => translate(ws.locale, key);
  const columns = [
    { key: 'day', header: t('vehicles.ui.list.day'), width: 12 },
    { key: 'vehicle', header: t('field.vehicleId'), width: 12 },
    { key: 'driver', header: t('field.driverId'), width: 10 },
    { key: 'agency', header: t('vehicles.ui.list.agency'), width: 18 },
    { key: 'purpose', header: t('field.purpose'), width: 24 },
    { key: 'departAt', header: t('field.departAt'), width: 18 },
    { key: 'returnAt', header: t('field.returnAt'), width: 18 },
    { key: 'odometerOut', header: t('field.odometerOut'), width: 10 },
    { key: 'odometerIn', header: t('field.odometerIn'), width: 10 },
    { key: 'loan', header: t('vehicles.ui.list.loan'), width: 8 },
    { key: 'state', header: t('vehicles.ui.list.state'), width: 10 },
  ];
  const rows = trips
    .filter((x) => x.state !== 'cancelled')
    .map((x) => {
      const driver = x.driverId ? ws.runner.records.getSync('driverProfile', x.driverId) : undefined;
      return {
        day: formatDate(taipeiDateOf(x.departAt), ws.locale),
        vehicle: formatPlate(ws.runner.records.getSync('vehicle', x.vehicleId)?.plate ?? ''),
        driver: driver ? withName(ws, driver).name : '',
        agency: nameOf(ws.runner.records.getSync('agency', x.agencyId), ws.locale),
        purpose: ws.runner.records.getSync('tripRequest', x.requestId)?.purpose ?? '',
        departAt: formatInstant(x.departAt, ws.locale),
        returnAt: formatInstant(x.returnAt, ws.locale),
        odometerOut: x.odometerOut,
        odometerIn: x.odometerIn,
        loan: x.isLoan ? t('vehicles.ui.yes') : '',
        state: t(`vehicles.tripState.${x.state}`),
      };
    });
  return { columns, rows };
}

export const vehicleHandlers: DeskHandlers<keyof typeof vehicleCalls> = {
  'vehicles.figures': (ws, period) => vehicleFiguresOf(ws.db, period),
  'vehicles.figureRecords': (ws, args) => vehicleRecordsOf(ws.db, args, ws.locale),
  'vehicles.board': (ws, { from, to }) => ({
    vehicles: fleet(ws),
    drivers: driverRows(ws),
    trips: tripsMeeting(ws.db, from, to),
    purposes: purposesOfTripsMeeting(ws.db, from, to),
    ...downtimeMeeting(ws.db, from, to),
  }),
  'vehicles.requests': (ws, { states, includePast }) => currentRequests(ws, states, includePast),
  'vehicles.suggest': (ws, { requestId }) => {
    const request = ws.runner.records.getSync('tripRequest', requestId);
    if (!request || request.state !== 'waiting') return [];
    // Load is evened over the fortnight around the request; the overlap checks need only the trips that meet it.
    const from = new Date(Date.parse(request.departAt) - 7 * DAY_MS).toISOString();
    const to = new Date(Date.parse(request.returnAt) + 7 * DAY_MS).toISOString();
    return suggestFits({ request, vehicles: fleet(ws), drivers: driverRows(ws), trips: tripTimesMeeting(ws.db, from, to), ...downtimeMeeting(ws.db, request.departAt, request.returnAt) });
  },
  'vehicles.free': (ws, { requestId }) => {
    const request = ws.runner.records.getSync('tripRequest', requestId);
    if (!request || request.state !== 'waiting') return { vehicleIds: [], driverIds: [] };
    const free = freeFor({
      request,
      vehicles: fleet(ws),
      drivers: driverRows(ws),
      trips: tripTimesMeeting(ws.db, request.departAt, request.returnAt),
      ...downtimeMeeting(ws.db, request.departAt, request.returnAt),
    });
    return { vehicleIds: free.vehicles.map((v) => v.id), driverIds: free.drivers.map((d) => d.id) };
  },
  'vehicles.fleet': (ws, { includeArchived }) => fleet(ws, includeArchived),
  'vehicles.drivers': (ws, { includeArchived }) => driverRows(ws, includeArchived),
  'vehicles.trip': (ws, { id }) => {
    const trip = ws.runner.records.getSync('trip', id);
    const request = trip && ws.runner.records.getSync('tripRequest', trip.requestId);
    const vehicle = trip && ws.runner.records.getSync('vehicle', trip.vehicleId);
    if (!trip || !request || !vehicle) return null;
    const driver = trip.driverId ? ws.runner.records.getSync('driverProfile', trip.driverId) : undefined;
    return { trip, request, vehicle, driver: driver ? withName(ws, driver) : null, agencyName: nameOf(ws.runner.records.getSync('agency', trip.agencyId), ws.locale) };
  },
  'vehicles.documentsDue': (ws, { days }) => {
    const today = todayInTaipei();
    const by = addDays(today, days);
    const left = (date: string) => daysBetween(today, date);
    const out: DocumentDue[] = [];
    for (const v of fleet(ws)) {
      if (v.status === 'retired') continue;
      for (const [document, due] of [
        ['insurance', v.insuranceDue],
        ['inspection', v.inspectionDue],
        ['licence', v.licenceDue],
      ] as const)
        if (due && due <= by) out.push({ id: v.id, holder: 'vehicle', label: formatPlate(v.plate), document, due, daysLeft: left(due) });
    }
    for (const d of driverRows(ws))
      if (d.licenceExpiry && d.licenceExpiry <= by) out.push({ id: d.id, holder: 'driver', label: d.name, document: 'driverLicence', due: d.licenceExpiry, daysLeft: left(d.licenceExpiry) });
    return out.sort((a, b) => a.due.localeCompare(b.due) || a.label.localeCompare(b.label));
  },
  'vehicles.exportRequests': (ws, { states, includePast, format }) => {
    const { columns, rows } = requestRows(ws, currentRequests(ws, states, includePast));
    return exportList({ fileName: translate(ws.locale, 'vehicles.ui.export.requestsFile'), sheetName: translate(ws.locale, 'kind.tripRequest'), columns, rows, format });
  },
  'vehicles.exportTrips': (ws, { from, to, format }) => {
    const { columns, rows } = tripRows(ws, tripsMeeting(ws.db, from, to));
    return exportList({ fileName: translate(ws.locale, 'vehicles.ui.export.tripsFile'), sheetName: translate(ws.locale, 'kind.trip'), columns, rows, format });
  },
};
