/**
 * The dispatch desk's imports: the fleet (each row one `vehicle.create`) and the drivers
 * (each row one `driverProfile.create` for a person of the people list). The records'
 * own rules (one vehicle per plate, a garage must be a garage, one profile per driver,
 * the person must be a driver) are the mutations', rehearsed in the preview.
 */
import { choicesCell, contentHash, dateCell, defineImport, namedBy, normalise, numberCell, problem, same, type CellResult, type ImportContext } from '../imports/define';
import { isPlate, normalizePlate } from '../plates';
import { FLEET } from './mutations';
import { LICENCE_CLASSES, VEHICLE_STATUSES, VEHICLE_TYPES } from './types';

function plateCell(text: string): CellResult {
  const plate = normalizePlate(text);
  return isPlate(plate) ? { value: plate } : problem('parking.error.plate', { value: text });
}

/** A garage by its code or name, optionally after its site (四維行政中心 / 公務車車庫); a space that is no garage is left to the mutation to refuse. */
function garageCell(text: string, ctx: ImportContext): CellResult {
  const parts = text
    .split(/[／/]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const name = parts[parts.length - 1] ?? '';
  const site = parts.length > 1 ? ctx.lookup.all('site').find((s) => namedBy(s, parts[0])) : undefined;
  if (parts.length > 1 && !site) return problem('vehicles.import.unknownGarage', { value: text });
  const floors = new Map(ctx.lookup.all('floor').map((f) => [f.id, f]));
  const buildings = new Map(ctx.lookup.all('building').map((b) => [b.id, b]));
  const inSite = (floorId: string) => !site || buildings.get(floors.get(floorId)?.buildingId ?? '')?.siteId === site.id;
  const found = ctx.lookup.all('space').filter((s) => namedBy(s, name) && inSite(s.floorId));
  const garages = found.filter((s) => s.kind === 'garage' && !s.archived);
  if (garages.length > 1) return problem('vehicles.import.ambiguousGarage', { value: text });
  const space = garages[0] ?? found.find((s) => !s.archived) ?? found[0];
  if (!space) return problem('vehicles.import.unknownGarage', { value: text });
  if (space.archived) return problem('error.archivedParent', { kind: 'space', name: space.nameZh });
  return { value: space.id };
}

/** A driver by name among the people list (drivers first; another kind is left to the mutation to refuse). */
function driverPersonCell(text: string, ctx: ImportContext): CellResult {
  const named = ctx.lookup.all('person').filter((p) => same(p.name, text) && !p.archived);
  const drivers = named.filter((p) => p.kind === 'driver');
  if (drivers.length > 1) return problem('vehicles.import.ambiguousDriver', { value: text });
  const person = drivers[0] ?? named[0];
  return person ? { value: person.id } : problem('vehicles.import.unknownDriver', { value: text });
}

const VEHICLE_TYPE_CHOICES = { prefix: 'vehicles.type', values: VEHICLE_TYPES };

export const vehicleImports = [
  defineImport({
    what: 'vehicle',
    label: 'kind.vehicle',
    kind: 'vehicle',
    mutation: 'vehicle.create',
    roles: FLEET,
    columns: [
      { key: 'plate', required: true, example: 'RAB-1234', parse: plateCell },
      { key: 'make', required: false, example: 'Toyota' },
      { key: 'model', required: false, example: 'Altis' },
      { key: 'type', required: true, example: 'sedan', choices: VEHICLE_TYPE_CHOICES },
      { key: 'seats', required: true, example: 5, parse: numberCell },
      { key: 'garage', required: false, example: '四維行政中心 / 公務車車庫', field: 'garageId', parse: garageCell, empty: null },
      { key: 'status', required: false, example: 'in_service', choices: { prefix: 'vehicles.status', values: VEHICLE_STATUSES } },
      { key: 'odometer', required: false, example: 12000, parse: numberCell },
      { key: 'insuranceDue', required: false, example: '', parse: dateCell, empty: null },
      { key: 'inspectionDue', required: false, example: '', parse: dateCell, empty: null },
      { key: 'licenceDue', required: false, example: '', parse: dateCell, empty: null },
      { key: 'fuelCard', required: false, example: '' },
      { key: 'notes', required: false, example: '' },
    ],
    finish(args) {
      args.id = `import-vehicle-${contentHash(String(args.plate ?? ''))}`;
    },
    unique: [{ columns: ['plate'], of: (r) => (typeof r.plate === 'string' && r.plate !== '' ? normalizePlate(r.plate) : null) }],
  }),
  defineImport({
    what: 'driver',
    label: 'kind.driverProfile',
    kind: 'driverProfile',
    mutation: 'driverProfile.create',
    roles: FLEET,
    columns: [
      { key: 'name', required: true, example: '趙志成', field: 'personId', parse: driverPersonCell },
      { key: 'licenceClass', required: true, example: 'pro_light', choices: { prefix: 'vehicles.licence', values: LICENCE_CLASSES } },
      { key: 'licenceExpiry', required: false, example: '', parse: dateCell, empty: null },
      { key: 'phone', required: false, example: '0912-345-678' },
      { key: 'allowedTypes', required: false, example: '轎車、廂型車', parse: choicesCell(VEHICLE_TYPE_CHOICES), empty: [] },
    ],
    finish(args) {
      args.id = `import-driver-${contentHash(String(args.personId ?? ''))}`;
    },
    unique: [{ columns: ['name'], of: (r) => (typeof r.personId === 'string' ? normalise(r.personId) : null) }],
  }),
];
