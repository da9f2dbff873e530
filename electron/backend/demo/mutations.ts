/**
 * The demo data as the named mutations that make it, in an order where every parent
 * comes before its children. Every id is fixed, so two workstations agree.
 */
import { DEMO_AGENCIES, agencyId, officeCode } from './agencies';
import { DEMO_CALENDAR_2022, DEMO_CALENDAR_YEAR } from './calendar';
import { DEMO_PEOPLE, DEMO_USERS, personId, userId } from './people';
import { DEMO_SITES, buildingId, floorId, siteId, spaceId } from './places';
import { BACKEND_DESKS } from '../desks';
import type { NamedMutation } from '../desk';

export type { NamedMutation };

export function demoMutations(now: Date = new Date()): NamedMutation[] {
  const out: NamedMutation[] = [];
  const add = (name: string, args: Record<string, unknown>) => out.push({ name, args });

  for (const site of DEMO_SITES) {
    add('site.create', { id: siteId(site.code), code: site.code, nameZh: site.nameZh, nameEn: site.nameEn, address: site.address });
    for (const b of site.buildings) {
      add('building.create', { id: buildingId(site.code, b.code), siteId: siteId(site.code), code: b.code, nameZh: b.nameZh, nameEn: b.nameEn });
      for (const f of b.floors) {
        add('floor.create', { id: floorId(site.code, b.code, f.name), buildingId: buildingId(site.code, b.code), name: f.name });
        for (const s of f.spaces ?? []) {
          add('space.create', {
            id: spaceId(site.code, s.code),
            floorId: floorId(site.code, b.code, f.name),
            code: s.code,
            nameZh: s.nameZh,
            nameEn: s.nameEn,
            kind: s.kind,
            capacity: s.capacity ?? null,
          });
        }
      }
    }
  }

  for (const a of DEMO_AGENCIES) {
    const [site, building, floor] = a.office;
    const office = spaceId(site, officeCode(a.code));
    add('space.create', {
      id: office,
      floorId: floorId(site, building, floor),
      code: officeCode(a.code),
      nameZh: `${a.nameZh}辦公室`,
      nameEn: `${a.nameEn} Office`,
      kind: 'office',
      capacity: null,
    });
    add('agency.create', { id: agencyId(a.code), code: a.code, nameZh: a.nameZh, nameEn: a.nameEn, shortName: a.shortName, phone: a.phone, officeSpaceIds: [office] });
  }

  for (const p of DEMO_PEOPLE) {
    add('person.create', {
      id: personId(p.handle),
      name: p.name,
      kind: p.kind,
      agencyId: p.agency ? agencyId(p.agency) : null,
      company: p.company ?? '',
      title: p.title,
      phoneExt: p.phoneExt ?? '',
      phone: p.phone ?? '',
      email: p.email ?? '',
    });
  }

  for (const u of DEMO_USERS) {
    add('user.create', { id: userId(u.username), username: u.username, displayName: u.displayName, personId: personId(u.person), roles: u.roles });
  }

  add('calendar.importYear', { year: DEMO_CALENDAR_YEAR, source: 'demo', days: DEMO_CALENDAR_2022 });
  // Each desk's records after the shared ones: they refer to places, agencies and
  // people, and their dates follow the calendar (rounds' due days, series' holidays).
  for (const desk of BACKEND_DESKS) out.push(...(desk.demo?.(now) ?? []));
  return out;
}
