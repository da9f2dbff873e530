/**
 * The venue benchmark's data: 50 venues on two sites and 20,000 bookings over 2022,
 * written through the mutation runner like any booking (so every one passed the
 * double-booking check). Reusable by the week-view benchmark: seedVenueBench(dataDir).
 */
import { Workstation } from '../../electron/backend/workstation';
import type { Actor } from '../../electron/backend/mutation-runner';
import { addDays, taipeiInstant, weekdayOf } from '../../domain/dates';
import { EQUIPMENT, type VenueType } from '../../domain/venues/types';
import { completeBookingArgs } from '../../test/support/booking-args';

export const BENCH_VENUES = 50;
export const BENCH_BOOKINGS = 20_000;
export const BENCH_SITES = ['bench-site-A', 'bench-site-B'];
const ACTOR: Actor = { userId: 'bench', roles: ['admin', 'venue_clerk', 'supervisor'], locale: 'zh-TW' };
const AT = '2022-01-01T00:00:00.000Z';

/** The (Taipei wall-clock) slots of a day that bookings take, in turn. */
const SLOTS: Array<[string, string]> = [
  ['09:00', '10:30'],
  ['11:00', '12:00'],
  ['13:30', '15:00'],
  ['15:30', '17:00'],
];

export const venueIdOf = (i: number) => `bench-venue-${String(i).padStart(2, '0')}`;

async function batch(ws: Workstation, items: Array<{ name: string; args: unknown }>) {
  for (let i = 0; i < items.length; i += 2000) {
    const r = await ws.runner.runBatch(items.slice(i, i + 2000), ACTOR, AT);
    if (!r.ok) throw new Error(`${items[i + r.index].name}: ${r.message}`);
  }
}

export async function seedVenueBench(dataDir: string): Promise<Workstation> {
  const ws = new Workstation({ dataDir, shell: 'browser', backupEveryMinutes: 0 });
  const places: Array<{ name: string; args: unknown }> = [];
  BENCH_SITES.forEach((site, s) => {
    places.push({ name: 'site.create', args: { id: site, code: `B${s}`, nameZh: `測試園區${s + 1}`, nameEn: `Bench site ${s + 1}`, address: '' } });
    places.push({ name: 'building.create', args: { id: `${site}-b`, siteId: site, code: 'B', nameZh: '大樓', nameEn: 'Building' } });
    places.push({ name: 'floor.create', args: { id: `${site}-f`, buildingId: `${site}-b`, name: '1F', level: 1 } });
  });
  places.push({ name: 'agency.create', args: { id: 'bench-agency', code: 'BEN', nameZh: '測試局', nameEn: 'Bench Bureau', shortName: '測試局', phone: '' } });
  for (let i = 0; i < BENCH_VENUES; i++) {
    const site = BENCH_SITES[i % 2];
    const type: VenueType = i % 10 === 0 ? 'auditorium' : i % 10 === 1 ? 'atrium' : 'meeting_room';
    places.push({ name: 'space.create', args: { id: `bench-space-${i}`, floorId: `${site}-f`, code: `R${i}`, nameZh: `會議室${i}`, nameEn: `Room ${i}`, kind: type, capacity: 20 + (i % 7) * 20 } });
    places.push({
      name: 'venue.create',
      args: {
        id: venueIdOf(i),
        spaceId: `bench-space-${i}`,
        type,
        capacity: 20 + (i % 7) * 20,
        equipment: EQUIPMENT.filter((_, e) => (i + e) % 3 !== 0),
        opensAt: '08:00',
        closesAt: '21:00',
        bufferBefore: 15,
        bufferAfter: 15,
        // No approval: each create is approved at once, through the double-booking check.
        approvalLevels: 0,
        bookableBy: 'anyone',
        fee: 0,
        deposit: 0,
        closures: [],
        notes: '',
      },
    });
  }
  await batch(ws, places);

  const bookings: Array<{ name: string; args: unknown }> = [];
  const perVenue = BENCH_BOOKINGS / BENCH_VENUES;
  for (let v = 0; v < BENCH_VENUES; v++) {
    let date = '2022-01-03';
    let made = 0;
    let turn = v;
    while (made < perVenue) {
      if (weekdayOf(date) !== 0 && weekdayOf(date) !== 6) {
        // Two of the day's four slots, a different pair each day.
        for (const k of [turn % 4, (turn + 2) % 4]) {
          if (made >= perVenue) break;
          const [from, to] = SLOTS[k];
          bookings.push({
            name: 'booking.create',
            args: completeBookingArgs({
              id: `bench-${v}-${made}`,
              number: `場-111-B${v}-${made}`,
              venueId: venueIdOf(v),
              applicantAgencyId: 'bench-agency',
              contactName: '測試',
              contactPhone: '07-0000000',
              eventName: `會議 ${v}-${made}`,
              start: taipeiInstant(date, from),
              end: taipeiInstant(date, to),
            }),
          });
          made++;
        }
        turn++;
      }
      date = addDays(date, 1);
    }
  }
  await batch(ws, bookings);
  return ws;
}
