/**
 * The dispatch desk's records of the seed report's period (110/9/1–111/1/31, DOMAIN.md
 * "How the report counts: Vehicle trips"): 472 trips dispatched whose departure's Taipei
 * date falls inside the period, 39 of them lent to other agencies on their request, the
 * period's first and last day included — plus records that must not count: a cancelled
 * trip, a trip taken off its vehicle (its request waiting again), a request never
 * assigned, and trips departing just before midnight on the day before the period and at
 * midnight the day after. Its own few vehicles and drivers, with fixed ids, hold them.
 */
import { addDays, taipeiInstant } from '../../../domain/dates';
import type { NamedMutation } from '../desk';
import { agencyId } from './agencies';
import { SEED_PERIOD } from './report-period-parking';

/** The seed report's dispatch figures. */
export const SEED_VEHICLES = { trips: 472, tripsLent: 39 } as const;

/** The department itself asks for the trips that are not loans (DOMAIN.md: a loan is another agency's request). */
const OWN = 'SEC';
const BORROWERS = ['CAB', 'SAB', 'LAB', 'HLT', 'EPB', 'TRA', 'YOU', 'SPO', 'LIB', 'POL', 'PWB', 'FIN'];
const FLEET = [
  { plate: 'RPV-1001', make: 'Toyota', model: 'Altis', type: 'sedan', seats: 5 },
  { plate: 'RPV-1002', make: 'Toyota', model: 'Altis', type: 'sedan', seats: 5 },
  { plate: 'RPV-1003', make: 'Nissan', model: 'Sentra', type: 'sedan', seats: 5 },
  { plate: 'RPV-1004', make: 'Toyota', model: 'Previa', type: 'van', seats: 8 },
  { plate: 'RPV-1005', make: 'Mitsubishi', model: 'Delica', type: 'van', seats: 9 },
] as const;
const DRIVERS = ['陳國華', '林建宏', '張志明', '王俊傑', '吳文雄'];

export const reportVehicleId = (i: number) => `demo-rp-vehicle-${i + 1}`;
export const reportDriverId = (i: number) => `demo-rp-driver-${i + 1}`;

const STOPS = ['鳳山行政中心', '高雄市議會', '岡山區公所', '旗山區公所', '高雄國際會議中心', '美濃區公所'];

export function reportPeriodVehiclesMutations(): NamedMutation[] {
  const out: NamedMutation[] = [];
  FLEET.forEach((v, i) => out.push({ name: 'vehicle.create', args: { id: reportVehicleId(i), ...v, odometer: 40_000 + i * 7_000 } }));
  DRIVERS.forEach((name, i) => {
    out.push({ name: 'person.create', args: { id: `demo-rp-driver-person-${i + 1}`, name, kind: 'driver' } });
    out.push({ name: 'driverProfile.create', args: { id: reportDriverId(i), personId: `demo-rp-driver-person-${i + 1}`, licenceClass: 'pro_light' } });
  });
  const request = (id: string, n: number, departAt: string, returnAt: string, loan: boolean, withDriver = true) =>
    out.push({
      name: 'request.file',
      args: {
        id,
        source: n % 3 === 0 ? 'paper' : 'online',
        ...(n % 3 === 0 ? { paperNumber: `派-110-${String(n + 1).padStart(4, '0')}` } : {}),
        agencyId: agencyId(loan ? BORROWERS[n % BORROWERS.length] : OWN),
        requesterName: `申請人 ${n + 1}`,
        passengers: 1 + (n % 4),
        purpose: loan ? '借用公務車辦理業務' : '公務洽公',
        stops: [STOPS[n % STOPS.length]],
        departAt,
        returnAt,
        distanceKm: 10 + (n % 7) * 12,
        isLoan: loan,
        withDriver,
      },
    });
  const assign = (id: string, requestId: string, slot: number, withDriver = true) =>
    out.push({ name: 'trip.assign', args: { id, requestId, vehicleId: reportVehicleId(slot), driverId: withDriver ? reportDriverId(slot) : null } });

  // The counted trips, spread over the period's days; trips of one day each on a vehicle and driver of their own.
  const days: string[] = [];
  for (let d = SEED_PERIOD.from; d <= SEED_PERIOD.to; d = addDays(d, 1)) days.push(d);
  const perDay = new Map<string, number>();
  for (let i = 0; i < SEED_VEHICLES.trips; i++) {
    const day = days[Math.floor((i * days.length) / SEED_VEHICLES.trips)];
    const slot = perDay.get(day) ?? 0;
    perDay.set(day, slot + 1);
    // Every twelfth trip is a loan, until there are 39; a loan goes with or without our driver.
    const loan = i % 12 === 5 && Math.floor(i / 12) < SEED_VEHICLES.tripsLent;
    const withDriver = !loan || i % 24 === 5;
    // The period's edges: the first trip leaves at 00:30 on its first day, the last at 22:00 on its last.
    const [from, to] = i === 0 ? ['00:30', '03:00'] : i === SEED_VEHICLES.trips - 1 ? ['22:00', '23:30'] : ['09:00', '12:00'];
    request(`demo-rp-request-${i + 1}`, i, taipeiInstant(day, from), taipeiInstant(day, to), loan, withDriver);
    assign(`demo-rp-trip-${i + 1}`, `demo-rp-request-${i + 1}`, slot, withDriver);
  }
  const extra = (id: string, n: number, day: string, from: string, to: string, loan = false) => request(`demo-rp-request-${id}`, n, taipeiInstant(day, from), taipeiInstant(day, to), loan);
  // Not counted: a trip cancelled, one taken off its vehicle, a request never assigned.
  extra('cancelled', 1, '2021-10-06', '14:00', '16:00', true);
  assign('demo-rp-trip-cancelled', 'demo-rp-request-cancelled', 4);
  out.push({ name: 'trip.cancel', args: { id: 'demo-rp-trip-cancelled', reason: '活動延期' } });
  extra('unassigned', 2, '2021-11-10', '14:00', '16:00');
  assign('demo-rp-trip-unassigned', 'demo-rp-request-unassigned', 4);
  out.push({ name: 'trip.unassign', args: { id: 'demo-rp-trip-unassigned' } });
  extra('waiting', 3, '2021-12-15', '14:00', '17:00', true);
  // Not counted: leaving at 23:30 the day before the period (back after midnight), and at midnight the day after it.
  extra('before', 4, '2021-08-31', '23:30', '23:59', true);
  assign('demo-rp-trip-before', 'demo-rp-request-before', 0);
  extra('after', 5, '2022-02-01', '00:00', '02:00');
  assign('demo-rp-trip-after', 'demo-rp-request-after', 0);
  // The period's cars and drivers are history: archived, so today's board and lists leave them out.
  FLEET.forEach((_, i) => out.push({ name: 'vehicle.archive', args: { id: reportVehicleId(i) } }));
  DRIVERS.forEach((_, i) => out.push({ name: 'driverProfile.archive', args: { id: reportDriverId(i) } }));
  return out;
}
