/**
 * The parking desk's import: the current permit list from a spreadsheet, each row one
 * `permit.issue`. The permit's own rules (a plate already holding a valid permit of the
 * site for overlapping days, the area's permit types, the agency's quota) are the
 * mutation's, rehearsed in the preview. A row's id comes from what it is (type, area,
 * plates, year or days), so importing the file again finds the permits already there.
 */
import type { Space } from '../entities';
import { agencyCell, contentHash, dateCell, defineImport, namedBy, normalise, numberCell, problem, yearCell, type CellResult, type ImportContext } from '../imports/define';
import { parsePrintedNumber } from '../numbering';
import { PARKING_ROLES } from './mutations';
import { isPlate, normalizePlate, splitPlates } from '../plates';
import { PARKING_VEHICLE_TYPES, PERMIT_TYPES } from './types';

/** The site a space hangs in (space → floor → building → site). */
function siteOfSpace(space: Space, ctx: ImportContext): string | undefined {
  const floor = ctx.lookup.all('floor').find((f) => f.id === space.floorId);
  return floor && ctx.lookup.all('building').find((b) => b.id === floor.buildingId)?.siteId;
}

/** A parking area by its space's code or name, optionally after its site: 四維行政中心 / 地下一樓停車場, P-B1. */
export function areaCell(text: string, ctx: ImportContext): CellResult {
  const parts = text
    .split(/[／/]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const name = parts[parts.length - 1] ?? '';
  const siteName = parts.length > 1 ? parts[0] : null;
  const site = siteName === null ? undefined : ctx.lookup.all('site').find((s) => namedBy(s, siteName));
  if (siteName !== null && !site) return problem('parking.import.unknownArea', { value: text });
  const spaces = new Map(ctx.lookup.all('space').map((s) => [s.id, s]));
  const found = ctx.lookup.all('parkingArea').filter((a) => {
    const space = spaces.get(a.spaceId);
    return !!space && namedBy(space, name) && (!site || siteOfSpace(space, ctx) === site.id);
  });
  const active = found.filter((a) => !a.archived && !spaces.get(a.spaceId)!.archived);
  if (active.length > 1) return problem('parking.import.ambiguousArea', { value: text });
  if (active.length === 1) return { value: active[0].id };
  if (found.length > 0) return problem('error.archivedParent', { kind: 'parkingArea', name: text });
  return problem('parking.import.unknownArea', { value: text });
}

/** Plates as a clerk lists several in one cell; each must read as a plate. */
export function platesCell(text: string): CellResult {
  const plates = splitPlates(text).map((typed) => ({ typed, plate: normalizePlate(typed) }));
  const bad = plates.find((p) => !isPlate(p.plate));
  if (bad) return problem('parking.error.plate', { value: bad.typed });
  return { value: plates.map((p) => p.plate) };
}

/** The list's own number, kept; one in this app's numbering would collide with the numbers it gives out. */
function numberCellOf(text: string): CellResult {
  if (parsePrintedNumber(text)?.kind === 'permit') return problem('parking.import.ownNumber', { value: text });
  return { value: text.trim() };
}

export const parkingImports = [
  defineImport({
    what: 'permit',
    label: 'kind.permit',
    kind: 'permit',
    mutation: 'permit.issue',
    roles: PARKING_ROLES,
    columns: [
      { key: 'number', required: false, example: 'A-0001', parse: numberCellOf },
      { key: 'type', required: true, example: 'annual', choices: { prefix: 'parking.type', values: PERMIT_TYPES, aliases: { annual: ['年度', '年證'], temporary: ['臨時', '臨時證'] } } },
      { key: 'area', required: true, example: '四維行政中心 / 地下一樓停車場', field: 'areaId', parse: areaCell },
      { key: 'holder', required: true, example: '王小明', field: 'holderName' },
      { key: 'agency', required: false, example: '民政局', field: 'holderAgencyId', parse: agencyCell, empty: null },
      { key: 'title', required: false, example: '科員', field: 'holderTitle' },
      { key: 'plates', required: true, example: 'ABC-1234', parse: platesCell },
      { key: 'vehicleType', required: false, example: 'car', choices: { prefix: 'parking.vehicle', values: PARKING_VEHICLE_TYPES } },
      { key: 'year', required: false, example: 115, parse: yearCell },
      { key: 'validFrom', required: false, example: '', parse: dateCell },
      { key: 'validTo', required: false, example: '', parse: dateCell },
      { key: 'fee', required: false, example: 0, parse: numberCell },
      { key: 'issuedOn', required: false, example: '', parse: dateCell },
      { key: 'notes', required: false, example: '' },
    ],
    finish(args) {
      args.vehicleType ??= 'car';
      if (args.number === '') delete args.number;
      // An annual permit's year, when the list gives its first day instead.
      if (args.type === 'annual' && args.year === undefined && typeof args.validFrom === 'string') args.year = Number(args.validFrom.slice(0, 4));
      const plates = Array.isArray(args.plates) ? [...(args.plates as string[])].sort() : [];
      const when = args.type === 'annual' ? [args.year] : [args.validFrom, args.validTo ?? args.validFrom];
      args.id = `import-permit-${contentHash(JSON.stringify([args.type, args.areaId, plates, ...when]))}`;
    },
    unique: [
      // The same permit (type, area, plates and days): within the file, or imported before.
      { columns: ['plates'], of: (r) => (typeof r.id === 'string' ? r.id : null) },
      { columns: ['number'], of: (r) => (typeof r.number === 'string' && r.number !== '' ? normalise(r.number) : null) },
    ],
  }),
];
