/**
 * npm run bench -- vehicles
 * 60 vehicles, 40 drivers and 2,100 trips in one week, written through the mutation runner
 * (bench data made up), then:
 * - vehicles.board_week_ms: the dispatch board's read of that week (median of 20);
 * - vehicles.assign_check_p95_ms: the refusal rules of one request against one vehicle and driver, with the week's trips (p95 of 2,000);
 * - vehicles.suggest_ms: the best fits of a request (median of 20).
 */
import { performance } from 'node:perf_hooks';
import { addDays, startOfTaipeiDay, taipeiInstant } from '../domain/dates';
import { assignRefusal } from '../domain/vehicles/rules';
import type { Actor } from '../electron/backend/mutation-runner';
import { Workstation } from '../electron/backend/workstation';
import { tempDir } from '../test/support/fresh-db';
import { signInAs } from '../test/support/sign-in';

const VEHICLES = 60;
const DRIVERS = 40;
const WEEK = '2030-03-03';
const SLOTS = ['07:00', '09:00', '11:00', '13:00', '15:00'];
const ACTOR: Actor = { userId: 'bench', roles: ['admin', 'dispatcher'], locale: 'zh-TW' };
const AT = '2030-03-01T00:00:00.000Z';
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const p95 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.ceil(0.95 * v.length) - 1];
const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function batch(ws: Workstation, items: Array<{ name: string; args: unknown }>) {
  for (let i = 0; i < items.length; i += 2000) {
    const r = await ws.runner.runBatch(items.slice(i, i + 2000), ACTOR, AT);
    if (!r.ok) throw new Error(`${items[i + r.index].name}: ${r.message}`);
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const ws = new Workstation({ dataDir: tempDir('ga-bench-vehicles-'), shell: 'browser', backupEveryMinutes: 0 });
  const items: Array<{ name: string; args: unknown }> = [{ name: 'agency.create', args: { id: 'ag', code: 'AG', nameZh: '測試機關' } }];
  for (let v = 0; v < VEHICLES; v++) {
    const plate = `${LETTERS[v % 24]}${LETTERS[Math.floor(v / 24) % 24]}B-${1000 + v}`;
    items.push({ name: 'vehicle.create', args: { id: `v-${v}`, plate, type: v % 3 ? 'sedan' : 'van', seats: v % 3 ? 5 : 9, status: 'in_service' } });
  }
  for (let d = 0; d < DRIVERS; d++) {
    items.push({ name: 'person.create', args: { id: `p-${d}`, name: `駕駛${d}`, kind: 'driver' } });
    items.push({ name: 'driverProfile.create', args: { id: `d-${d}`, personId: `p-${d}`, licenceClass: 'pro_light' } });
  }
  let trips = 0;
  for (let day = 0; day < 7; day++)
    for (let s = 0; s < SLOTS.length; s++)
      for (let v = 0; v < VEHICLES; v++) {
        const date = addDays(WEEK, day);
        const departAt = taipeiInstant(date, SLOTS[s]);
        const returnAt = new Date(Date.parse(departAt) + 90 * 60_000).toISOString();
        const withDriver = v < DRIVERS;
        const id = `r-${day}-${s}-${v}`;
        items.push({
          name: 'request.file',
          args: { id, source: 'online', agencyId: 'ag', requesterName: '申請人', passengers: 2, purpose: '公務', stops: ['市區'], departAt, returnAt, distanceKm: 20, withDriver, isLoan: !withDriver },
        });
        items.push({ name: 'trip.assign', args: { id: `t-${id}`, requestId: id, vehicleId: `v-${v}`, driverId: withDriver ? `d-${v}` : null } });
        trips++;
      }
  // One request waiting, for the suggestions.
  const waitingDepart = taipeiInstant(addDays(WEEK, 3), '08:30');
  items.push({
    name: 'request.file',
    args: {
      id: 'r-waiting',
      source: 'paper',
      paperNumber: 'P-1',
      agencyId: 'ag',
      requesterName: '申請人',
      passengers: 3,
      purpose: '會勘',
      stops: ['郊區'],
      departAt: waitingDepart,
      returnAt: taipeiInstant(addDays(WEEK, 3), '10:00'),
      distanceKm: 60,
    },
  });
  await batch(ws, items);
  await signInAs(ws, ['dispatcher']);
  console.log(`seeded ${VEHICLES} vehicles, ${DRIVERS} drivers and ${trips} trips in ${Math.round(performance.now() - t0)} ms`);

  const range = { from: startOfTaipeiDay(WEEK), to: startOfTaipeiDay(addDays(WEEK, 7)) };
  let board = await ws.call('vehicles.board', range);
  if (board.trips.length !== trips) throw new Error(`the board shows ${board.trips.length} trips, not ${trips}`);
  const boardMs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    board = await ws.call('vehicles.board', range);
    boardMs.push(performance.now() - t);
  }

  const request = ws.runner.records.getSync('tripRequest', 'r-waiting')!;
  const checkMs: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const vehicle = board.vehicles[i % VEHICLES];
    const driver = board.drivers[i % DRIVERS];
    const t = performance.now();
    assignRefusal({ request, vehicle, driver, trips: board.trips, unavailable: board.unavailable, leave: board.leave });
    checkMs.push(performance.now() - t);
  }

  const suggestMs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await ws.call('vehicles.suggest', { requestId: 'r-waiting' });
    suggestMs.push(performance.now() - t);
  }
  ws.close();
  console.log(`vehicles.board_week_ms: ${round(median(boardMs))} ms`);
  console.log(`vehicles.assign_check_p95_ms: ${round(p95(checkMs))} ms`);
  console.log(`vehicles.suggest_ms: ${round(median(suggestMs))} ms`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
