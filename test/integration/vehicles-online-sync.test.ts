/**
 * An agency's online request reaches the dispatch desk like any synced write: the
 * administrator makes the agency's account on a workstation, the agency files on the
 * server's page calls, and the workstation, syncing, holds the request in its queue.
 */
import { afterEach, expect, it } from 'vitest';
import { addDays, formatRocShort, todayInTaipei } from '../../domain/dates';
import type { Workstation } from '../../electron/backend/workstation';
import { closeWorkstations, joinedWorkstation, SERVER_ADMIN, startSyncServer, type RunningServer } from '../support/sync-server';

let server: RunningServer | null = null;

afterEach(async () => {
  closeWorkstations();
  await server?.stop();
  server = null;
});

async function must(ws: Workstation, name: string, args: Record<string, unknown>) {
  expect(await ws.call('mutate', { name, args })).toMatchObject({ ok: true });
}

async function post(path: string, body: unknown, token?: string) {
  const r = await fetch(`${server!.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

it("an agency's request filed on the server's page arrives in the workstation's queue", async () => {
  server = await startSyncServer();
  const ws = await joinedWorkstation(server.url, '派車櫃檯');
  await must(ws, 'agency.create', { id: 'ag-cab', code: 'CAB', nameZh: '民政局' });
  await must(ws, 'person.create', { id: 'p-cab', name: '民政局承辦', kind: 'staff', agencyId: 'ag-cab' });
  await must(ws, 'user.create', { id: 'u-cab', username: 'cab-cars', displayName: '陳美玲', personId: 'p-cab', roles: ['agency_requester'] });
  await ws.call('sync.now', {});

  const admin = await post('/login', SERVER_ADMIN);
  expect((await post('/users/u-cab/password', { password: 'agency pass 1' }, String(admin.body.token))).status).toBe(200);
  const agency = await post('/login', { username: 'cab-cars', password: 'agency pass 1' });
  expect(agency.status).toBe(200);

  const day = formatRocShort(addDays(todayInTaipei(), 7));
  const filed = await post(
    '/online/requests',
    {
      requesterName: '陳美玲',
      passengers: 3,
      purpose: '里長座談',
      stops: ['鳳山行政中心'],
      departDate: day,
      departTime: '13:00',
      returnDate: day,
      returnTime: '17:30',
      destinationId: 'fengshan',
      distanceKm: 20,
      isLoan: false,
      withDriver: true,
    },
    String(agency.body.token),
  );
  expect(filed.status).toBe(201);
  const id = (filed.body.request as { id: string }).id;

  // It comes with the server's poke, or at the latest with the next sync.
  await ws.call('sync.now', {});
  expect(ws.runner.records.getSync('tripRequest', id)).toMatchObject({ source: 'online', agencyId: 'ag-cab', purpose: '里長座談', state: 'waiting', requesterName: '陳美玲' });
});
