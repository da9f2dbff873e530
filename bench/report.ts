/**
 * npm run bench -- report
 * A workstation holding three years (2024–2026) of 100,000 repair tickets, 80,000 venue
 * bookings, 50,000 parking permits and 5,000 vehicle trips (bench data made up), then:
 * - report.period_ms: the `report.period` call for a half-year (2026-01-01 – 2026-06-30),
 *   through Workstation#call as the report screen makes it: every desk's figures call for
 *   the period and for the same period a year earlier (median of 20 after a warm-up);
 * - report.period_p95_ms: the p95 of those runs (of 20, the slowest but one);
 * - report.period_cpu_ms: the CPU time of those runs (median), which other work on the
 *   machine does not stretch;
 * - report.<desk>_figures_ms: each desk's figures call alone for the period (median of 20),
 *   to tell where the time goes.
 *
 * The places, agencies, fleet and drivers are made through the mutation runner; the records
 * are written straight into the tables through the app's record SQL (db/records.ts), in one
 * transaction per generator, as 235,000 mutations would take too long. Each desk's records
 * include ones that do not count (cancelled and returned tickets, cancelled, rejected and
 * pending bookings, revoked and replaced permits, cancelled trips), and some tickets were
 * reopened and completed twice. The report's figures on this data are printed once
 * (report.<figure>_counted), so an empty query cannot pass for a fast one.
 *
 * Bar ≤ 500 ms, aim ≤ 150 ms. BENCH_KEEP=1 leaves the data folder (its path printed).
 */
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { SqliteRecords } from '../db/records';
import { addDays, taipeiInstant, type BusinessDate } from '../domain/dates';
import type { Entities } from '../domain/entities';
import { ACTIVITY_TYPES, type BookingStatus } from '../domain/venues/types';
import type { PermitStatus } from '../domain/parking/types';
import type { TripState } from '../domain/vehicles/types';
import { formatPrintedNumber } from '../domain/numbering';
import type { Actor } from '../electron/backend/mutation-runner';
import { Workstation } from '../electron/backend/workstation';
import { tempDir } from '../test/support/fresh-db';
import { signInAs } from '../test/support/sign-in';
import { insertGeneratedTickets } from '../test/support/ticket-desk';

const TICKETS = 100_000;
const BOOKINGS = 80_000;
const PERMITS = 50_000;
const TRIPS = 5_000;
const FIRST_DAY = '2024-01-01';
const DAYS = 1096; // 2024-01-01 – 2026-12-31
const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const RUNS = 20;
const BAR_MS = 500;
const AIM_MS = 150;
const ACTOR: Actor = { userId: 'bench', roles: ['admin'], locale: 'zh-TW' };
const AT = '2023-12-01T00:00:00.000Z';
const SITES = [
  { id: 'site-siwei', code: 'SW', nameZh: '四維行政中心', nameEn: 'Siwei Administration Center' },
  { id: 'site-fengshan', code: 'FS', nameZh: '鳳山行政中心', nameEn: 'Fengshan Administration Center' },
];
const AGENCIES = 12;
const FLOORS = 6;
const ROOMS = 10;
const VENUES = 40;
const VEHICLES = 40;
const DRIVERS = 30;

// A fixed seed: every run measures the same data.
let seed = 20260101;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
/** One of the weighted values: [value, share] pairs whose shares add up to 1. */
function mix<T>(weights: ReadonlyArray<readonly [T, number]>): T {
  let r = random();
  for (const [v, p] of weights) if ((r -= p) < 0) return v;
  return weights[0][0];
}
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const round = (ms: number) => Math.round(ms * 10) / 10;
const agencyOf = (i: number) => `ag-${i % AGENCIES}`;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

type Item = { name: string; args: unknown };
async function batch(ws: Workstation, items: Item[]) {
  for (let i = 0; i < items.length; i += 2000) {
    const r = await ws.runner.runBatch(items.slice(i, i + 2000), ACTOR, AT);
    if (!r.ok) throw new Error(`${items[i + r.index].name}: ${r.message}`);
  }
}

/** The places, agencies, fleet and drivers, through the mutations like any clerk's. */
async function places(ws: Workstation): Promise<{ id: string; siteId: string; buildingId: string }[]> {
  const items: Item[] = [];
  const spaces: { id: string; siteId: string; buildingId: string }[] = [];
  for (let a = 0; a < AGENCIES; a++) items.push({ name: 'agency.create', args: { id: agencyOf(a), code: `AG${a}`, nameZh: `測試局${a + 1}` } });
  for (const s of SITES) {
    const b = `${s.id}-b`;
    items.push({ name: 'site.create', args: { ...s, address: '' } });
    items.push({ name: 'building.create', args: { id: b, siteId: s.id, code: 'A', nameZh: '行政大樓', nameEn: '' } });
    for (let f = 1; f <= FLOORS; f++) {
      items.push({ name: 'floor.create', args: { id: `${b}-${f}F`, buildingId: b, name: `${f}F` } });
      for (let r = 1; r <= ROOMS; r++) {
        const id = `${b}-${f}${pad(r)}`;
        items.push({ name: 'space.create', args: { id, floorId: `${b}-${f}F`, code: `${f}${pad(r)}`, nameZh: `辦公室${f}${pad(r)}`, kind: 'office' } });
        spaces.push({ id, siteId: s.id, buildingId: b });
      }
    }
    items.push({ name: 'floor.create', args: { id: `${b}-B1`, buildingId: b, name: 'B1' } });
    items.push({ name: 'space.create', args: { id: `${s.id}-parking`, floorId: `${b}-B1`, nameZh: '停車場', kind: 'parking' } });
    items.push({ name: 'parkingArea.create', args: { id: `${s.id}-area`, spaceId: `${s.id}-parking`, capacityCar: 5000, capacityMotorcycle: 0, permitTypes: ['annual', 'temporary'] } });
  }
  for (let v = 0; v < VENUES; v++) {
    const site = SITES[v % 2].id;
    const type = v % 8 === 0 ? 'auditorium' : v % 8 === 1 ? 'atrium' : 'meeting_room';
    const floor = `${site}-b-${1 + (v % FLOORS)}F`;
    items.push({ name: 'space.create', args: { id: `venue-space-${v}`, floorId: floor, code: `V${v}`, nameZh: `會議室${v}`, kind: type, capacity: 40 } });
    items.push({
      name: 'venue.create',
      args: {
        id: `venue-${v}`,
        spaceId: `venue-space-${v}`,
        type,
        capacity: 40,
        equipment: [],
        opensAt: '08:00',
        closesAt: '21:00',
        bufferBefore: 15,
        bufferAfter: 15,
        approvalLevels: 1,
        bookableBy: 'anyone',
        fee: 0,
        deposit: 0,
        closures: [],
        notes: '',
      },
    });
  }
  for (let v = 0; v < VEHICLES; v++) items.push({ name: 'vehicle.create', args: { id: `veh-${v}`, plate: `BEN-${1000 + v}`, type: v % 5 ? 'sedan' : 'van', seats: v % 5 ? 5 : 8 } });
  for (let d = 0; d < DRIVERS; d++) {
    items.push({ name: 'person.create', args: { id: `pd-${d}`, name: `駕駛 ${d + 1}`, kind: 'driver' } });
    items.push({ name: 'driverProfile.create', args: { id: `drv-${d}`, personId: `pd-${d}`, licenceClass: 'pro_bus' } });
  }
  await batch(ws, items);
  return spaces;
}

/** Numbers of each kind, per year, in the order they were given. */
function numberer(kind: 'booking' | 'permit') {
  const perYear = new Map<number, number>();
  return (year: number) => {
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    return formatPrintedNumber(kind, year, n);
  };
}

const BOOKING_MIX: [BookingStatus, number][] = [
  ['approved', 0.8],
  ['cancelled', 0.08],
  ['rejected', 0.04],
  ['pending', 0.08],
];
const PERMIT_MIX: [PermitStatus, number][] = [
  ['valid', 0.9],
  ['revoked', 0.07],
  ['replaced', 0.03],
];
const TRIP_MIX: [TripState, number][] = [
  ['done', 0.86],
  ['cancelled', 0.08],
  ['assigned', 0.04],
  ['under_way', 0.02],
];
/** The day-slots venues are booked in (Taipei wall clock). */
const SLOTS: [string, string][] = [
  ['09:00', '10:30'],
  ['11:00', '12:00'],
  ['14:00', '16:00'],
];

/** Bookings, permits and trips straight into the tables, in one transaction. */
function otherRecords(ws: Workstation): void {
  const records = new SqliteRecords(ws.db);
  const bookingNumber = numberer('booking');
  const permitNumber = numberer('permit');
  const perDay = BOOKINGS / DAYS;
  ws.db.$client.exec('BEGIN');
  // Bookings: about 73 a day, each venue's in slots of their own (no two overlap).
  for (let i = 0; i < BOOKINGS; i++) {
    const day = Math.floor(i / perDay);
    const j = i - Math.ceil(day * perDay);
    const date = addDays(FIRST_DAY, day);
    const [from, to] = SLOTS[Math.floor(j / VENUES) % SLOTS.length];
    const start = taipeiInstant(date, from);
    const end = taipeiInstant(date, to);
    const madeAt = new Date(Date.parse(start) - 14 * 86_400_000).toISOString();
    const b: Entities['booking'] = {
      id: `bk-${i}`,
      number: bookingNumber(Number(date.slice(0, 4))),
      seriesId: null,
      originalDate: null,
      venueId: `venue-${(j + day) % VENUES}`,
      applicantAgencyId: agencyOf(i),
      applicantOrg: '',
      contactName: '王小明',
      contactPhone: '07-3368333',
      eventName: `業務協調會 ${i}`,
      activityType: pick(ACTIVITY_TYPES),
      attendees: 10 + (i % 30),
      equipment: [],
      letterNo: '',
      attachments: [],
      fee: 0,
      feeWaived: false,
      notes: '',
      start,
      end,
      bufferBefore: 15,
      bufferAfter: 15,
      occupiedFrom: new Date(Date.parse(start) - 15 * 60_000).toISOString(),
      occupiedTo: new Date(Date.parse(end) + 15 * 60_000).toISOString(),
      status: mix(BOOKING_MIX),
      approvedLevel: 0,
      steps: [],
      overrideReason: '',
      displaced: false,
      displacedBy: null,
      createdAt: madeAt,
      updatedAt: madeAt,
    };
    if (b.status === 'approved') b.approvedLevel = 1;
    records.insertSync('booking', b);
  }
  // Permits: three in ten annual (for 2024, 2025 or 2026), the rest temporary, issued on a day of the three years.
  for (let i = 0; i < PERMITS; i++) {
    const annual = i % 10 < 3;
    const issuedOn: BusinessDate = annual ? `${2024 + (i % 3)}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}` : addDays(FIRST_DAY, Math.floor((i / PERMITS) * DAYS));
    const year = Number(issuedOn.slice(0, 4));
    const site = SITES[i % 3 === 0 ? 1 : 0].id;
    const at = `${issuedOn}T02:00:00.000Z`;
    const p: Entities['permit'] = {
      id: `pm-${i}`,
      number: permitNumber(year),
      type: annual ? 'annual' : 'temporary',
      siteId: site,
      areaId: `${site}-area`,
      holderPersonId: null,
      holderAgencyId: agencyOf(i),
      holderName: '持證人',
      holderTitle: '',
      plates: [`BEN${String(10000 + i).slice(1)}`],
      vehicleType: 'car',
      year: annual ? year : null,
      validFrom: annual ? `${year}-01-01` : issuedOn,
      validTo: annual ? `${year}-12-31` : issuedOn,
      fee: 0,
      issuedOn,
      status: mix(PERMIT_MIX),
      revokedReason: '',
      replacesId: null,
      replacedById: null,
      notes: '',
      createdAt: at,
      updatedAt: at,
    };
    records.insertSync('permit', p);
  }
  // Trips: about five a working day, each with its request.
  for (let i = 0; i < TRIPS; i++) {
    const date = addDays(FIRST_DAY, Math.floor((i / TRIPS) * DAYS));
    const departAt = taipeiInstant(date, `${pad(8 + (i % 8))}:00`);
    const returnAt = new Date(Date.parse(departAt) + (1 + (i % 4)) * 3_600_000).toISOString();
    const state = mix(TRIP_MIX);
    const isLoan = i % 10 === 0;
    const vehicleId = `veh-${i % VEHICLES}`;
    const driverId = `drv-${i % DRIVERS}`;
    const madeAt = new Date(Date.parse(departAt) - 3 * 86_400_000).toISOString();
    const request: Entities['tripRequest'] = {
      id: `rq-${i}`,
      source: 'online',
      paperNumber: '',
      attachments: [],
      agencyId: agencyOf(i),
      personId: null,
      requesterName: '申請人',
      passengers: 2,
      purpose: '公務',
      stops: ['鳳山'],
      departAt,
      returnAt,
      distanceKm: 20,
      isLoan,
      withDriver: true,
      state: state === 'cancelled' ? 'cancelled' : state === 'done' ? 'done' : 'dispatched',
      cancelReason: '',
      createdAt: madeAt,
      updatedAt: madeAt,
    };
    records.insertSync('tripRequest', request);
    const done = state === 'done';
    const trip: Entities['trip'] = {
      id: `tr-${i}`,
      requestId: request.id,
      vehicleId,
      driverId,
      agencyId: request.agencyId,
      isLoan,
      departAt,
      returnAt,
      vehicleKey: `vehicle|${vehicleId}`,
      driverKey: `driver|${driverId}`,
      state,
      actualDepartAt: done ? departAt : null,
      actualReturnAt: done ? new Date(Date.parse(returnAt) + 15 * 60_000).toISOString() : null,
      odometerOut: done ? 1000 + i * 30 : null,
      odometerIn: done ? 1020 + i * 30 : null,
      fuelLitres: null,
      tolls: null,
      incidents: '',
      handover: '',
      conditionOnReturn: '',
      createdAt: madeAt,
      updatedAt: madeAt,
    };
    records.insertSync('trip', trip);
  }
  // One completed ticket in fifty was reopened and completed again: its earlier completion stays in the history.
  const completions = ws.db.$client.prepare("SELECT ticket_id AS ticketId, user_id AS userId, at FROM ticket_status_change WHERE to_status = 'completed'").all() as {
    ticketId: string;
    userId: string;
    at: string;
  }[];
  completions.forEach((c, k) => {
    if (k % 50 !== 0) return;
    const earlier = new Date(Date.parse(c.at) - 2 * 86_400_000).toISOString();
    const change = { ticketId: c.ticketId, userId: c.userId, note: '', createdAt: earlier, updatedAt: earlier };
    records.insertSync('ticketStatusChange', { ...change, id: `${c.ticketId}:c0`, fromStatus: 'in_progress', toStatus: 'completed', at: earlier });
    const reopened = new Date(Date.parse(earlier) + 3_600_000).toISOString();
    records.insertSync('ticketStatusChange', { ...change, id: `${c.ticketId}:r0`, fromStatus: 'completed', toStatus: 'in_progress', at: reopened, createdAt: reopened, updatedAt: reopened });
  });
  ws.db.$client.exec('COMMIT');
}

/** Wall and CPU times of `runs` calls after a warm-up (statements prepared, pages read). */
async function timed<T>(runs: number, f: () => Promise<T>): Promise<{ times: number[]; cpu: number[]; last: T }> {
  let last = await f();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const started = performance.now();
    last = await f();
    times.push(performance.now() - started);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { times, cpu, last };
}

async function main(): Promise<void> {
  const dataDir = tempDir('ga-bench-report-');
  const ws = new Workstation({ dataDir, shell: 'browser', backupEveryMinutes: 0 });
  const t0 = performance.now();
  const spaces = await places(ws);
  const tPlaces = performance.now();
  insertGeneratedTickets(ws.db, { count: TICKETS, spaces, assignees: [], agencyId: agencyOf(0), userId: 'bench', from: `${FIRST_DAY}T00:00:00Z`, to: '2026-12-31T00:00:00Z' });
  otherRecords(ws);
  ws.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const buildMs = performance.now() - t0;
  const count = (table: string) => (ws.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  console.log(
    `built ${count('ticket')} tickets (${count('ticket_status_change')} status changes), ${count('booking')} bookings, ${count('permit')} permits, ${count('trip')} trips ` +
      `in ${Math.round(buildMs)} ms (places and fleet through the mutations ${Math.round(tPlaces - t0)} ms)`,
  );
  await signInAs(ws, ['supervisor']);

  const period = await timed(RUNS, () => ws.call('report.period', PERIOD));
  const report = period.last;
  for (const [name, value] of Object.entries(report.lines)) console.log(`report.${name}_counted: ${value} count`);
  const lastYear = Object.fromEntries(report.sections.flatMap((s) => s.figures.map((f) => [f.name, f.lastYear.total])));
  console.log(`last year (${report.lastYearPeriod.from} – ${report.lastYearPeriod.to}): ${JSON.stringify(lastYear)}`);
  const empty = ['repair_cases', 'venue_sessions', 'room_uses', 'annual_permits', 'temporary_permits', 'trips', 'trips_lent'].filter(
    (n) => n in report.lines && !(report.lines[n] > 0 && lastYear[n] > 0),
  );
  if (empty.length > 0) throw new Error(`figures counted nothing on the bench data: ${empty.join(', ')}`);
  // A sanity check the counting ran over the period: the tickets a half-year holds, give or take.
  if (report.lines.repair_cases < TICKETS / 6 / 2) throw new Error(`repair_cases ${report.lines.repair_cases} is too few for a half-year of ${TICKETS} tickets`);

  const desks: Record<string, number> = {};
  for (const call of ['tickets.figures', 'inspections.figures', 'venues.figures', 'parking.figures', 'vehicles.figures'] as const) {
    const r = await timed(RUNS, () => Promise.resolve(ws.call(call, { ...PERIOD, year: 2026 })));
    desks[call] = percentile(r.times, 50);
  }
  ws.close();
  // BENCH_KEEP=1 leaves the data folder for a closer look.
  if (process.env.BENCH_KEEP) console.log(`kept ${dataDir}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });

  const median = percentile(period.times, 50);
  console.log(`runs: ${period.times.map(round).join(', ')} ms (CPU ${period.cpu.map(round).join(', ')} ms)`);
  for (const [call, ms] of Object.entries(desks)) console.log(`report.${call.replace('.', '_')}_ms: ${round(ms)} ms`);
  console.log(`report.build_ms: ${Math.round(buildMs)} ms`);
  console.log(`report.period_ms: ${round(median)} ms`);
  console.log(`report.period_p95_ms: ${round(percentile(period.times, 95))} ms`);
  // On a shared machine the wall time also counts the turns other processes take.
  console.log(`report.period_cpu_ms: ${round(percentile(period.cpu, 50))} ms`);
  console.log(
    `load_average: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (median > BAR_MS) console.log(`over bar: report.period_ms ${round(median)} > ${BAR_MS}`);
  else if (median > AIM_MS) console.log(`over aim: report.period_ms ${round(median)} > ${AIM_MS}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
