import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { closeWorkstations, joinedWorkstation, SERVER_ADMIN, startSyncServer, type RunningServer } from '../support/sync-server';

let server: RunningServer | null = null;

afterEach(async () => {
  closeWorkstations();
  await server?.stop();
  server = null;
});

/** Waits until `check` holds, up to `ms`; returns whether it did. */
async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

it('a workstation whose enrollment is revoked says so at once, without waiting for its next sync', async () => {
  server = await startSyncServer();
  const ws = await joinedWorkstation(server.url, '四維 1F 櫃檯', { firstSync: false });
  await ws.call('sync.now', {});
  // The live connection is open (it is what carries the news).
  const live = () => (ws.sync as unknown as { socket: WebSocket | null }).socket?.readyState === WebSocket.OPEN;
  expect(await until(live, 5000)).toBe(true);
  expect((await ws.call('status.get', {})).lastError).toBeNull();

  const post = async (path: string, body: unknown, token?: string) =>
    (
      await fetch(`${server!.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
    ).json() as Promise<Record<string, unknown>>;
  const admin = (await post('/login', SERVER_ADMIN)) as { token: string };
  const { devices } = (await (await fetch(`${server.url}/devices`, { headers: { authorization: `Bearer ${admin.token}` } })).json()) as { devices: { id: string; name: string }[] };
  expect(await post(`/devices/${devices.find((d) => d.name === '四維 1F 櫃檯')!.id}/revoke`, {}, admin.token)).toEqual({ ok: true });

  // No sync asked for: the closed connection alone brings the workstation to the revoked state, in words.
  const revoked = '此工作站已被系統管理者停用，無法同步；請洽系統管理者';
  expect(await until(async () => (await ws.call('status.get', {})).lastError === revoked, 2000)).toBe(true);
  expect(live()).toBe(false);
});
