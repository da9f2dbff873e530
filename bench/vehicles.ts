/**
 * npm run bench -- vehicles
 * A motor pool of 60 vehicles and 40 drivers with 2,000 trips in one week, written through
 * the mutation runner on a fresh workstation (bench data made up), then:
 * - vehicles.assign_check_p95_ms: trip.assign through the mutation runner, its whole local
 *   check (arguments, roles, the records read, every refusal rule) for a request put on a
 *   vehicle or a driver already out (refused, nothing written; 500 tries);
 * - vehicles.suggest_ms: the best fits for a waiting request (the vehicles.suggest handler, median of 30);
 * - vehicles.board_week_ms: the dispatch board of the week (the vehicles.board handler, median of 15).
 */
import { performance } from 'node:perf_hooks';
import type { Actor } from '../electron/backend/mutation-runner';
import { vehicleHandlers } from '../electron/backend/handlers/vehicles';
import { Workstation } from '../electron/backend/workstation';
import { tempDir } from '../test/support/fresh-db';

const VEHICLES = 60;
const DRIVERS = 40;
const TRIPS = 2000;
const BARS = { assign: 2, suggest: 50, board: 200 };
const ACTOR: Actor = { userId: 'bench', roles: ['admin', 'dispatcher'], locale: 'zh-TW' };
const AT = '2026-01-02T00:00:00.000Z';
const WEEK = '2026-03-02'; // a Monday
const TYPES = ['sedan', 'sedan', 'van', 'minibus', 'pickup', 'truck'];

const taipei = (dayOffset: number, minutes: number) => new Date(Date.parse(`${WEEK}T00:00:00+08:00`) + dayOffset * 86_400_000 + minutes * 60_000).toISOString();
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const round = (ms: number) => Math.round(ms * 1000) / 1000;

type Item = { name: string; args: unknown };
async function batch(ws: Workstation, items: Item[]) {
  for (let i = 0; i < items.length; i += 5000) {
    const r = await ws.runner.runBatch(items.slice(i, i + 5000), ACTOR, AT);
    if (!r.ok) throw new Error(`${items[i + r.index].name}: ${r.message}`);
  }
}

const request = (id: string, day: number, from: number, minutes: number, passengers = 2): Item => ({
  name: 'request.file',
  args: {
    id,
    source: 'online',
    agencyId: 'ag',
    requesterName: '申請人',
    passengers,
    purpose: '公務',
    stops: ['鳳山'],
    departAt: taipei(day, from),
    returnAt: taipei(day, from + minutes),
    distanceKm: 20 + (day % 5) * 15,
  },
});

/** Trip j: its day, and within the day a slot of 90 minutes from 07:00 holding 30 trips, each with a driver and a vehicle of its own. */
function placeOf(j: number) {
  const day = j % 7;
  const k = Math.floor(j / 7);
  const slot = Math.floor(k / 30);
  return { day, from: 7 * 60 + slot * 90, driver: ((k % 30) + slot * 3) % DRIVERS, vehicle: ((k % 30) + slot * 7) % VEHICLES };
}

async function seed(): Promise<Workstation> {
  const ws = new Workstation({ dataDir: tempDir('ga-bench-vehicles-'), shell: 'browser', backupEveryMinutes: 0 });
  const items: Item[] = [{ name: 'agency.create', args: { id: 'ag', code: 'AG', nameZh: '測試機關' } }];
  for (let v = 0; v < VEHICLES; v++) {
    const type = TYPES[v % TYPES.length];
    items.push({ name: 'vehicle.create', args: { id: `v-${v}`, plate: `BEN-${1000 + v}`, type, seats: type === 'minibus' ? 20 : type === 'van' ? 8 : 5 } });
  }
  for (let d = 0; d < DRIVERS; d++) {
    items.push({ name: 'person.create', args: { id: `pd-${d}`, name: `駕駛 ${d + 1}`, kind: 'driver' } });
    items.push({ name: 'driverProfile.create', args: { id: `d-${d}`, personId: `pd-${d}`, licenceClass: 'pro_bus' } });
  }
  for (let j = 0; j < TRIPS; j++) {
    const p = placeOf(j);
    items.push(request(`r-${j}`, p.day, p.from, 80));
    items.push({ name: 'trip.assign', args: { id: `t-${j}`, requestId: `r-${j}`, vehicleId: `v-${p.vehicle}`, driverId: `d-${p.driver}` } });
  }
  // Requests waiting, each overlapping trips already on the board.
  const waiting: Item[] = [];
  for (let i = 0; i < 500; i++) {
    const p = placeOf((i * 37) % TRIPS);
    waiting.push(request(`w-${i}`, p.day, p.from + 20, 60));
  }
  await batch(ws, [...items, ...waiting]);
  return ws;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const ws = await seed();
  console.log(`seeded ${VEHICLES} vehicles, ${DRIVERS} drivers, ${TRIPS} trips in the week of ${WEEK} in ${Math.round(performance.now() - t0)} ms`);

  // Each waiting request put on the vehicle, or the driver, of a trip it overlaps: refused by the check.
  const times: number[] = [];
  let refused = 0;
  for (let i = 0; i < 550; i++) {
    const p = placeOf(((i % 500) * 37) % TRIPS);
    const other = (p.driver + 1) % DRIVERS;
    const args =
      i % 2
        ? { id: `x-${i}`, requestId: `w-${i % 500}`, vehicleId: `v-${p.vehicle}`, driverId: `d-${(other + 13) % DRIVERS}` }
        : { id: `x-${i}`, requestId: `w-${i % 500}`, vehicleId: `v-${(p.vehicle + 50) % VEHICLES}`, driverId: `d-${p.driver}` };
    const started = performance.now();
    const r = await ws.runner.run('trip.assign', args, ACTOR, AT);
    const ms = performance.now() - started;
    if (r.ok) throw new Error(`trip.assign ${JSON.stringify(args)} was not refused`);
    refused++;
    if (i >= 50) times.push(ms);
  }
  console.log(`assign checks: ${times.length} timed, ${refused} refused, median ${round(percentile(times, 50))} ms`);
  const assignP95 = round(percentile(times, 95));

  const suggestTimes: number[] = [];
  let fits = 0;
  for (let i = 0; i < 33; i++) {
    const started = performance.now();
    const found = await vehicleHandlers['vehicles.suggest'](ws, { requestId: `w-${i * 13}` });
    if (i >= 3) suggestTimes.push(performance.now() - started);
    fits += found.length;
  }
  console.log(`suggestions: ${fits} fits for 33 requests`);
  const suggestMs = round(percentile(suggestTimes, 50));

  const boardTimes: number[] = [];
  let shown = 0;
  for (let i = 0; i < 17; i++) {
    const started = performance.now();
    const board = await vehicleHandlers['vehicles.board'](ws, { from: taipei(0, 0), to: taipei(7, 0) });
    if (i >= 2) boardTimes.push(performance.now() - started);
    shown = board.trips.length;
  }
  console.log(`board: ${shown} trips in the week`);
  const boardMs = round(percentile(boardTimes, 50));
  ws.close();

  console.log(`vehicles.assign_check_p95_ms: ${assignP95}`);
  console.log(`vehicles.suggest_ms: ${suggestMs}`);
  console.log(`vehicles.board_week_ms: ${boardMs}`);
  const over = [assignP95 > BARS.assign && 'assign check', suggestMs > BARS.suggest && 'suggest', boardMs > BARS.board && 'board week'].filter(Boolean);
  if (over.length > 0) console.log(`over bar: ${over.join(', ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
