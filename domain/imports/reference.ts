/** The reference data an administrator imports: agencies, people and spaces. */
import { PERSON_KINDS, SPACE_KINDS } from '../entities';
import { newId } from '../ids';
import { floorLevelFromName } from '../places';
import type { Role } from '../roles';
import { agencyCell, defineImport, namedBy, normalise, numberCell, pick, problem, same, type CellResult, type ImportContext } from './define';

const ADMIN: readonly Role[] = ['admin'];

/** A floor by its "site / building / floor" path (1F is also found as 1樓). */
function floorCell(text: string, ctx: ImportContext): CellResult {
  const parts = text.split(/[／/]/).map((part) => part.trim());
  const site = parts.length === 3 ? pick(ctx.lookup.all('site'), (s) => namedBy(s, parts[0])) : undefined;
  const building = site && pick(ctx.lookup.all('building'), (b) => b.siteId === site.id && namedBy(b, parts[1]));
  const level = floorLevelFromName(parts[2] ?? '');
  // Unnamed levels must match by name.
  const floor = building && pick(ctx.lookup.all('floor'), (f) => f.buildingId === building.id && (same(f.name, parts[2]) || (level !== 50 && f.level === level)));
  const archived = [site, building, floor].find((r) => r?.archived);
  if (!floor) return problem('import.unknownPlace', { value: text });
  if (archived) return problem('error.archivedParent', { kind: archived === site ? 'site' : archived === building ? 'building' : 'floor', name: text });
  return { value: floor.id };
}

const key = (...values: unknown[]) => values.map((v) => normalise(String(v ?? ''))).join('|');

export const referenceImports = [
  defineImport({
    what: 'agency',
    label: 'kind.agency',
    kind: 'agency',
    mutation: 'agency.create',
    roles: ADMIN,
    columns: [
      { key: 'code', required: true, example: 'DRG' },
      { key: 'nameZh', required: true, example: '毒品防制局' },
      { key: 'nameEn', required: false, example: 'Drug Abuse Prevention Bureau' },
      { key: 'shortName', required: false, example: '毒防局' },
      { key: 'phone', required: false, example: '07-3368999' },
    ],
    finish: (args) => void (args.id = newId()),
    unique: [
      { columns: ['code'], of: (r) => (r.code ? normalise(String(r.code)) : null) },
      { columns: ['nameZh'], of: (r) => (r.nameZh ? normalise(String(r.nameZh)) : null) },
    ],
  }),
  defineImport({
    what: 'person',
    label: 'kind.person',
    kind: 'person',
    mutation: 'person.create',
    roles: ADMIN,
    columns: [
      { key: 'name', required: true, example: '王小明' },
      { key: 'kind', required: true, example: 'staff', choices: { prefix: 'personKind', values: PERSON_KINDS } },
      { key: 'agency', required: false, example: '民政局', field: 'agencyId', parse: agencyCell, empty: null },
      { key: 'company', required: false, example: '' },
      { key: 'title', required: false, example: '科員' },
      { key: 'phoneExt', required: false, example: '3210' },
      { key: 'phone', required: false, example: '07-3368333' },
      { key: 'email', required: false, example: 'xiaoming.wang@example.org' },
    ],
    finish: (args) => void (args.id = newId()),
    unique: [{ columns: ['name', 'agency', 'company'], of: (r) => (r.name ? key(r.name, r.agencyId, r.company) : null) }],
  }),
  defineImport({
    what: 'space',
    label: 'kind.space',
    kind: 'space',
    mutation: 'space.create',
    roles: ADMIN,
    columns: [
      { key: 'location', required: true, example: '四維行政中心 / 行政大樓 / 5F', field: 'floorId', parse: floorCell },
      { key: 'nameZh', required: true, example: '第六會議室' },
      { key: 'nameEn', required: false, example: 'Meeting Room 6' },
      { key: 'code', required: false, example: 'MR-501' },
      { key: 'kind', required: true, example: 'meeting_room', choices: { prefix: 'spaceKind', values: SPACE_KINDS } },
      { key: 'capacity', required: false, example: 20, parse: numberCell },
    ],
    finish: (args) => void (args.id = newId()),
    unique: [
      { columns: ['location', 'nameZh'], of: (r) => (r.floorId && r.nameZh ? `${String(r.floorId)}|${normalise(String(r.nameZh))}` : null) },
      { columns: ['location', 'code'], of: (r) => (r.floorId && r.code ? `${String(r.floorId)}|${normalise(String(r.code))}` : null) },
    ],
  }),
];
