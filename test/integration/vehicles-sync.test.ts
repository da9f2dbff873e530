/**
 * The dispatch desk through a real sync server, on each storage engine (SQLite, PGlite,
 * and PostgreSQL when DATABASE_URL_TEST is set): two dispatchers offline put the same
 * vehicle on overlapping trips with different drivers, and the same driver on
 * overlapping trips in different vehicles. The server keeps the first of each (the span
 * table holds a trip's vehicle and its driver), the loser sees one refusal per rule
 * naming the trip in the way, and the requests the loser typed stay in the queue,
 * waiting for another vehicle or driver.
 */
import { afterEach, expect, it } from 'vitest';
import type { Workstation } from '../../electron/backend/workstation';
import { describeEachEngine } from '../support/server-harness';
import { closeWorkstations, joinedWorkstation, startSyncServer, type RunningServer } from '../support/sync-server';

let server: RunningServer | null = null;

afterEach(async () => {
  closeWorkstations();
  await server?.stop();
  server = null;
});

const taipei = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();

async function must(ws: Workstation, name: string, args: Record<string, unknown>) {
  expect(await ws.call('mutate', { name, args }), name).toMatchObject({ ok: true });
}

async function fleetFor(ws: Workstation): Promise<void> {
  const me = (await ws.call('auth.status', {})).user!;
  await must(ws, 'user.update', { id: me.id, roles: ['admin', 'dispatcher'] });
  await must(ws, 'agency.create', { id: 'ag-cab', code: 'CAB', nameZh: '民政局' });
  for (const [id, plate] of [
    ['veh-1', 'ABC-1234'],
    ['veh-2', 'ABC-5678'],
  ])
    await must(ws, 'vehicle.create', { id, plate, type: 'sedan', seats: 5 });
  for (const [id, name] of [
    ['drv-1', '李志強'],
    ['drv-2', '黃大明'],
  ]) {
    await must(ws, 'person.create', { id: `p-${id}`, name, kind: 'driver' });
    await must(ws, 'driverProfile.create', { id, personId: `p-${id}`, licenceClass: 'pro_light' });
  }
}

/** A dispatcher types the request in and puts a vehicle and a driver on it. */
async function dispatch(ws: Workstation, id: string, day: string, from: string, to: string, vehicleId: string, driverId: string) {
  await must(ws, 'request.file', {
    id: `req-${id}`,
    source: 'paper',
    paperNumber: `紙-${id}`,
    agencyId: 'ag-cab',
    requesterName: '王建國',
    passengers: 2,
    purpose: `會勘 ${id}`,
    stops: ['鳳山行政中心'],
    departAt: taipei(day, from),
    returnAt: taipei(day, to),
    distanceKm: 18,
  });
  await must(ws, 'trip.assign', { id: `trip-${id}`, requestId: `req-${id}`, vehicleId, driverId });
}

type Row = { id: string; state: string; vehicleId?: string; driverId?: string | null };
const list = async (ws: Workstation, kind: string) => ((await ws.call('records.list', { kind, includeArchived: true })) as Row[]).sort((a, b) => a.id.localeCompare(b.id));

describeEachEngine('vehicle dispatch through sync', (open) => {
  it('two offline dispatchers on one vehicle and on one driver: one refusal each, naming the trip in the way; nothing typed is lost', async () => {
    server = await startSyncServer({ db: await open() });
    const a = await joinedWorkstation(server.url, 'A');
    await fleetFor(a);
    await a.call('sync.now', {});
    const b = await joinedWorkstation(server.url, 'B');
    // Both lines cut: neither hears of the other's trips until they are back.
    for (const ws of [a, b]) ws.sync!.stop();

    // Offline, each on its own: the same car on overlapping hours (different drivers) on 3/1,
    // the same driver on overlapping hours (different cars) on 3/2.
    await dispatch(a, 'a1', '2022-03-01', '09:00', '12:00', 'veh-1', 'drv-1');
    await dispatch(b, 'b1', '2022-03-01', '11:00', '14:00', 'veh-1', 'drv-2');
    await dispatch(a, 'a2', '2022-03-02', '09:00', '12:00', 'veh-1', 'drv-1');
    await dispatch(b, 'b2', '2022-03-02', '10:00', '11:00', 'veh-2', 'drv-1');
    // …and one of B's that collides with nothing goes through.
    await dispatch(b, 'b3', '2022-03-02', '13:00', '15:00', 'veh-2', 'drv-2');

    // A is back first, then B.
    a.sync!.start();
    await a.call('sync.now', {});
    b.sync!.start();
    await b.call('sync.now', {});
    await a.call('sync.now', {});
    for (const ws of [a, b]) expect((await ws.call('status.get', {})).pending).toBe(0);
    expect(await a.call('attention.list', {})).toEqual([]);

    const notes = await b.call('attention.list', {});
    expect(notes.map((n) => [n.name, n.problem.code, n.problem.params.conflictId, (n.args as { id: string }).id])).toEqual([
      ['trip.assign', 'vehicles.error.vehicleBusy', 'trip-a1', 'trip-b1'],
      ['trip.assign', 'vehicles.error.driverBusy', 'trip-a2', 'trip-b2'],
    ]);
    // The dispatcher reads which trip and hours are in the way.
    expect(notes.map((n) => n.message)).toEqual(['此車 111/03/01 09:00 至 111/03/01 12:00 已有派車', '此駕駛 111/03/02 09:00 至 111/03/02 12:00 已有派車']);

    // Both workstations hold what the server kept, once each: A's two trips and B's free one;
    // B's two refused requests wait in the queue, unassigned.
    for (const ws of [a, b]) {
      expect((await list(ws, 'trip')).map((t) => [t.id, t.vehicleId, t.driverId, t.state])).toEqual([
        ['trip-a1', 'veh-1', 'drv-1', 'assigned'],
        ['trip-a2', 'veh-1', 'drv-1', 'assigned'],
        ['trip-b3', 'veh-2', 'drv-2', 'assigned'],
      ]);
      expect((await list(ws, 'tripRequest')).map((r) => [r.id, r.state])).toEqual([
        ['req-a1', 'dispatched'],
        ['req-a2', 'dispatched'],
        ['req-b1', 'waiting'],
        ['req-b2', 'waiting'],
        ['req-b3', 'dispatched'],
      ]);
    }

    // Each card offers what is free at the refused hours, by the rule the suggestions use:
    // on 3/1 11:00–14:00 the other car and the other driver; on 3/2 10:00–11:00 likewise.
    expect(await b.call('vehicles.free', { requestId: 'req-b1' })).toEqual({ vehicleIds: ['veh-2'], driverIds: ['drv-2'] });
    expect(await b.call('vehicles.free', { requestId: 'req-b2' })).toEqual({ vehicleIds: ['veh-2'], driverIds: ['drv-2'] });
    // The collided trip is on B's workstation to show: its vehicle, driver and hours.
    const collided = await b.call('vehicles.trip', { id: 'trip-a1' });
    expect([collided?.vehicle.plate, collided?.driver?.name, collided?.request.purpose]).toEqual(['ABC1234', '李志強', '會勘 a1']);

    // The loser reassigns from the card: the refused write sent again on the free car and driver.
    const first = notes[0];
    expect(await b.call('attention.resubmit', { id: first.id, args: { ...(first.args as object), vehicleId: 'veh-2', driverId: 'drv-2' } })).toMatchObject({ ok: true });
    await b.call('sync.now', {});
    expect((await b.call('attention.list', {})).map((n) => (n.args as { id: string }).id)).toEqual(['trip-b2']);
    await a.call('sync.now', {});
    expect((await list(a, 'trip')).map((t) => [t.id, t.vehicleId, t.driverId])).toEqual([
      ['trip-a1', 'veh-1', 'drv-1'],
      ['trip-a2', 'veh-1', 'drv-1'],
      ['trip-b1', 'veh-2', 'drv-2'],
      ['trip-b3', 'veh-2', 'drv-2'],
    ]);
  });
});
