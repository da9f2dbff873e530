/**
 * A vehicle's service work item through a real sync server, on each storage engine: two
 * dispatchers offline both open the work item for the same service due; the ticket's id
 * follows from the vehicle and its service, so the server keeps one ticket, the second
 * open changes nothing and is refused nowhere, and both workstations end with the one.
 * Closing it on the maintenance desk clears 保養到期 on both.
 */
import { afterEach, expect, it } from 'vitest';
import type { Workstation } from '../../electron/backend/workstation';
import { newId } from '../../domain/ids';
import { describeEachEngine } from '../support/server-harness';
import { closeWorkstations, joinedWorkstation, startSyncServer, type RunningServer } from '../support/sync-server';

let server: RunningServer | null = null;

afterEach(async () => {
  closeWorkstations();
  await server?.stop();
  server = null;
});

async function must(ws: Workstation, name: string, args: Record<string, unknown>) {
  expect(await ws.call('mutate', { name, args }), name).toMatchObject({ ok: true });
}

type Row = { id: string; number?: string; status?: string; serviceTicketId?: string | null; serviceCount?: number; nextServiceKm?: number | null };
const list = async (ws: Workstation, kind: string) => (await ws.call('records.list', { kind, includeArchived: true })) as Row[];

describeEachEngine('vehicle service through sync', (open) => {
  it('two offline dispatchers open the same service: one ticket on the server and on both, no refusal', async () => {
    server = await startSyncServer({ db: await open() });
    const a = await joinedWorkstation(server.url, 'A');
    const me = (await a.call('auth.status', {})).user!;
    await must(a, 'user.update', { id: me.id, roles: ['admin', 'dispatcher', 'maintenance_clerk'] });
    await must(a, 'site.create', { id: 'site', code: 'SW', nameZh: '四維行政中心', nameEn: 'Siwei', address: '' });
    await must(a, 'building.create', { id: 'bld', siteId: 'site', code: 'A', nameZh: '行政大樓', nameEn: '' });
    await must(a, 'floor.create', { id: 'b1', buildingId: 'bld', name: 'B1' });
    await must(a, 'space.create', { id: 'garage', floorId: 'b1', nameZh: '地下車庫', kind: 'garage' });
    await must(a, 'vehicle.create', { id: 'veh-1', plate: 'ABC-1234', type: 'sedan', seats: 5, garageId: 'garage', odometer: 20_000, serviceIntervalKm: 10_000, nextServiceKm: 20_000 });
    await a.call('sync.now', {});
    const b = await joinedWorkstation(server.url, 'B');
    await b.call('sync.now', {});
    for (const ws of [a, b]) ws.sync!.stop();

    await must(a, 'vehicle.openService', { id: 'veh-1' });
    await must(b, 'vehicle.openService', { id: 'veh-1' });
    expect((await list(b, 'ticket')).map((t) => t.id)).toEqual(['svc-veh-1-1']);

    for (const ws of [a, b]) {
      ws.sync!.start();
      await ws.call('sync.now', {});
    }
    await a.call('sync.now', {});
    for (const ws of [a, b]) {
      expect((await ws.call('status.get', {})).pending).toBe(0);
      expect(await ws.call('attention.list', {})).toEqual([]);
    }
    const [onA, onB] = [await list(a, 'ticket'), await list(b, 'ticket')];
    expect(onA.map((t) => t.id)).toEqual(['svc-veh-1-1']);
    expect(onB).toEqual(onA);
    for (const ws of [a, b]) expect((await list(ws, 'vehicle'))[0]).toMatchObject({ serviceTicketId: 'svc-veh-1-1', serviceCount: 1 });

    // The maintenance desk does the service and closes it: the vehicle's next due is 10,000 km on.
    for (const status of ['assigned', 'in_progress', 'completed', 'closed']) {
      if (status === 'assigned') {
        await must(a, 'person.create', { id: 'tech', name: '張技工', kind: 'technician' });
        await must(a, 'ticket.transition', { id: 'svc-veh-1-1', changeId: newId(), status, assigneeId: 'tech' });
      } else await must(a, 'ticket.transition', { id: 'svc-veh-1-1', changeId: newId(), status });
    }
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    expect((await list(b, 'vehicle'))[0]).toMatchObject({ serviceTicketId: null, nextServiceKm: 30_000 });
    expect((await list(b, 'ticket'))[0]).toMatchObject({ status: 'closed' });
  });
});
