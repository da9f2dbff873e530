/**
 * The demo's car parks and permits: the parking areas of both centers, this year's
 * annual permits of some agencies' staff and a few temporary permits around today, so the
 * parking desk and the gate lookup show life. Plates are made up.
 */
import { addDays, taipeiDateOf, weekdayOf } from '../../../domain/dates';
import { approvalItems } from '../../../domain/parking/applications';
import type { NamedMutation } from '../desk';
import { agencyId } from './agencies';
import { DEMO_PEOPLE, personId } from './people';
import { spaceId } from './places';
import { bookingId } from './venues';
import { reportPeriodParkingMutations } from './report-period-parking';

const AREAS = [
  { site: 'SW', space: 'P-B1', car: 180, motorcycle: 0, types: ['annual', 'temporary'] },
  { site: 'SW', space: 'P-B2', car: 220, motorcycle: 0, types: ['annual'] },
  { site: 'SW', space: 'P-OUT', car: 90, motorcycle: 0, types: ['temporary'] },
  { site: 'SW', space: 'MP-OUT', car: 0, motorcycle: 400, types: ['annual', 'temporary'] },
  { site: 'FS', space: 'P-FB1', car: 120, motorcycle: 0, types: ['annual', 'temporary'] },
  { site: 'FS', space: 'P-BB1', car: 80, motorcycle: 0, types: ['annual'] },
  { site: 'FS', space: 'P-FOUT', car: 60, motorcycle: 150, types: ['temporary'] },
] as const;

export const parkingAreaId = (site: string, space: string) => `demo-area-${site}-${space}`;

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
/** A made-up plate: three letters and four digits for a car, three digits and three letters for a motorcycle. */
function plateOf(i: number, motorcycle: boolean): string {
  const l = (k: number) => LETTERS[(i * 7 + k * 5) % LETTERS.length];
  return motorcycle ? `${String(100 + ((i * 37) % 900)).padStart(3, '0')}-${l(0)}${l(1)}${l(2)}` : `${l(0)}${l(1)}${l(2)}-${String(1000 + ((i * 613) % 9000))}`;
}

export function parkingMutations(now: Date): NamedMutation[] {
  const out: NamedMutation[] = [];
  const add = (name: string, args: Record<string, unknown>) => out.push({ name, args });
  for (const a of AREAS) {
    add('parkingArea.create', { id: parkingAreaId(a.site, a.space), spaceId: spaceId(a.site, a.space), capacityCar: a.car, capacityMotorcycle: a.motorcycle, permitTypes: [...a.types], notes: '' });
  }
  const today = taipeiDateOf(now);
  const year = Number(today.slice(0, 4));
  const holders = DEMO_PEOPLE.filter((p) => p.kind === 'staff' && p.agency);
  holders.forEach((p, i) => {
    const motorcycle = i % 4 === 3;
    const area = motorcycle ? AREAS[3] : i % 2 === 0 ? AREAS[0] : AREAS[4];
    add('permit.issue', {
      id: `demo-permit-annual-${i + 1}`,
      type: 'annual',
      areaId: parkingAreaId(area.site, area.space),
      holderPersonId: personId(p.handle),
      holderAgencyId: agencyId(p.agency!),
      holderName: p.name,
      holderTitle: p.title,
      plates: [plateOf(i, motorcycle)],
      vehicleType: motorcycle ? 'motorcycle' : 'car',
      year,
      issuedOn: `${year}-01-0${1 + (i % 5)}`,
    });
  });
  // Guests of events this week and next, on their hosting agency's application.
  for (let d = 0; d < 6; d++) {
    const day = addDays(today, d * 2 - 2);
    const area = d % 2 === 0 ? AREAS[2] : AREAS[6];
    add('permit.issue', {
      id: `demo-permit-temp-${d + 1}`,
      type: 'temporary',
      areaId: parkingAreaId(area.site, area.space),
      holderAgencyId: agencyId(holders[d % holders.length].agency!),
      holderName: `來賓 ${d + 1}`,
      plates: [plateOf(100 + d, false)],
      vehicleType: 'car',
      validFrom: day,
      validTo: day,
      issuedOn: addDays(day, -1) < today ? addDays(day, -1) : today,
    });
  }
  // Contractors' cars on permits of some days that run out soon: the reminder of permits expiring lists them.
  for (let k = 0; k < 3; k++) {
    const area = AREAS[k === 2 ? 6 : 0];
    add('permit.issue', {
      id: `demo-permit-works-${k + 1}`,
      type: 'temporary',
      areaId: parkingAreaId(area.site, area.space),
      holderAgencyId: null,
      holderName: `承攬廠商 ${k + 1}`,
      plates: [plateOf(300 + k, false)],
      vehicleType: 'car',
      validFrom: addDays(today, -3),
      validTo: addDays(today, 4 + k * 9),
      issuedOn: addDays(today, -4),
    });
  }
  // Two agencies' applications waiting for the clerk. The second lists a plate that already
  // holds a temporary permit of that car park on the day: the plate conflict to resolve.
  const eventDay = addDays(today, 2);
  // The first applicant's temporary-permit quota at this car park's site for the year.
  add('parkingQuota.set', {
    id: 'demo-quota-1',
    agencyId: agencyId(holders[0].agency!),
    siteId: AREAS[2].site === 'SW' ? 'demo-site-SW' : 'demo-site-FS',
    type: 'temporary',
    year: Number(today.slice(0, 4)),
    quota: 200,
  });
  add('permitApplication.file', {
    id: 'demo-application-1',
    agencyId: agencyId(holders[0].agency!),
    areaId: parkingAreaId(AREAS[2].site, AREAS[2].space),
    type: 'temporary',
    countAsked: 4,
    purpose: '市政說明會來賓',
    validFrom: eventDay,
    validTo: eventDay,
    plates: [200, 201, 202, 203].map((k) => plateOf(k, false)),
    vehicleType: 'car',
    contactName: holders[0].name,
  });
  add('permitApplication.file', {
    id: 'demo-application-2',
    agencyId: agencyId(holders[1].agency!),
    areaId: parkingAreaId(AREAS[2].site, AREAS[2].space),
    type: 'temporary',
    countAsked: 2,
    purpose: '志工研習',
    validFrom: eventDay,
    validTo: eventDay,
    // demo-permit-temp-3 holds plateOf(102) at this car park on eventDay.
    plates: [plateOf(102, false), plateOf(210, false)],
    vehicleType: 'car',
    contactName: holders[1].name,
  });
  // 防災社區推廣講座 (this Wednesday's booking in the venue demo) came with three guests' cars, approved.
  const lectureDay = addDays(addDays(today, -weekdayOf(today)), 3);
  const lecture = {
    id: 'demo-application-lecture',
    agencyId: agencyId('CAB'),
    areaId: parkingAreaId(AREAS[0].site, AREAS[0].space),
    type: 'temporary' as const,
    countAsked: 3,
    purpose: '防災社區推廣講座講師',
    validFrom: lectureDay,
    validTo: lectureDay,
    plates: [220, 221, 222].map((k) => plateOf(k, false)),
    vehicleType: 'car' as const,
    contactName: '民政局',
    venueBookingId: bookingId('now-disaster-lecture'),
  };
  add('permitApplication.file', lecture);
  for (const item of approvalItems({ ...lecture, state: 'waiting', year: null }, 3, '民政局')) add(item.name, item.args);
  out.push(...reportPeriodParkingMutations(parkingAreaId));
  return out;
}
