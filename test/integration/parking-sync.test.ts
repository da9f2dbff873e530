/**
 * The parking desk through a real sync server: two clerks offline together go over one
 * agency's daily quota and issue the same plate; the server refuses one write of each
 * rule, the losing workstation shows them under 待處理 with the figures, nothing else is lost.
 */
import { afterEach, expect, it } from 'vitest';
import { Workstation } from '../../electron/backend/workstation';
import { closeWorkstations, joinedWorkstation, startSyncServer, type RunningServer } from '../support/sync-server';

let server: RunningServer | null = null;

afterEach(async () => {
  closeWorkstations();
  await server?.stop();
  server = null;
});

async function must(ws: Workstation, name: string, args: Record<string, unknown>) {
  expect(await ws.call('mutate', { name, args })).toMatchObject({ ok: true });
}

async function parkingFor(ws: Workstation): Promise<void> {
  const me = (await ws.call('auth.status', {})).user!;
  await must(ws, 'user.update', { id: me.id, roles: ['admin', 'parking_clerk'] });
  await must(ws, 'site.create', { id: 'SW', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' });
  await must(ws, 'building.create', { id: 'b1', siteId: 'SW', code: 'A', nameZh: '行政大樓', nameEn: '' });
  await must(ws, 'floor.create', { id: 'f1', buildingId: 'b1', name: 'B1' });
  await must(ws, 'space.create', { id: 'park', floorId: 'f1', nameZh: '地下停車場', kind: 'parking' });
  await must(ws, 'agency.create', { id: 'ag-cab', code: 'CAB', nameZh: '民政局' });
  await must(ws, 'parkingArea.create', { id: 'area', spaceId: 'park', capacityCar: 300, capacityMotorcycle: 0, permitTypes: ['annual', 'temporary'] });
  await must(ws, 'parkingQuota.set', { id: 'q', agencyId: 'ag-cab', siteId: 'SW', type: 'temporary', year: 2022, quota: 2 });
}

const agencyPermit = (id: string, plate: string) => ({
  id,
  type: 'temporary',
  areaId: 'area',
  holderName: '民政局',
  holderAgencyId: 'ag-cab',
  plates: [plate],
  vehicleType: 'car',
  validFrom: '2022-05-01',
});

it('two offline clerks over one quota and one plate: one refusal each, shown with the figures, nothing lost', async () => {
  server = await startSyncServer();
  const a = await joinedWorkstation(server.url, 'A');
  await parkingFor(a);
  await a.call('sync.now', {});
  const b = await joinedWorkstation(server.url, 'B');
  const meB = (await b.call('auth.status', {})).user!;
  expect(meB.roles).toContain('parking_clerk');

  // Offline: each issues within the quota on its own; together they are one over. And both issue ZZZ-9999.
  await must(a, 'permit.issue', agencyPermit('pa-1', 'AAA-1111'));
  await must(a, 'permit.issue', { ...agencyPermit('pa-2', 'ZZZ-9999'), holderAgencyId: null, holderName: '來賓' });
  await must(b, 'permit.issue', agencyPermit('pb-1', 'BBB-2222'));
  await must(b, 'permit.issue', agencyPermit('pb-2', 'CCC-3333'));
  await must(b, 'permit.issue', { ...agencyPermit('pb-3', 'ZZZ-9999'), holderAgencyId: null, holderName: '訪客' });

  await a.call('sync.now', {});
  expect((await a.call('status.get', {})).pending).toBe(0);
  await b.call('sync.now', {});
  expect((await b.call('status.get', {})).pending).toBe(0);

  const notes = await b.call('attention.list', {});
  const codes = notes.map((n: { problem: { code: string } }) => n.problem.code).sort();
  expect(codes).toEqual(['parking.error.plateHeld', 'parking.error.quota']);
  const quota = notes.find((n: { problem: { code: string } }) => n.problem.code === 'parking.error.quota')!;
  expect(quota.problem.params).toMatchObject({ quota: 2, issued: 2, asked: 1 });
  expect(JSON.stringify(quota)).toContain('配額 2 張，已核發 2 張，本次申請 1 張');

  // What the server took is on both workstations: A's two, and B's first agency permit.
  await a.call('sync.now', {});
  for (const ws of [a, b]) {
    const ids = (await ws.call('parking.permits', {})).map((p: { id: string }) => p.id).sort();
    expect(ids).toEqual(['pa-1', 'pa-2', 'pb-1']);
  }
});
