/**
 * A lease whose reply is lost: the server hands out the block and dies before answering
 * (GA_FAULT=crash-after-lease, server/faults.ts). The workstation asks again under the
 * same request id and gets the same block, so no printed number is skipped.
 */
import { afterEach, expect, it } from 'vitest';
import { Workstation } from '../../electron/backend/workstation';
import { spawnServer, VERSIONS } from '../support/server-harness';
import { tempDir } from '../support/fresh-db';
import { SERVER_ADMIN } from '../support/sync-server';

const open: Workstation[] = [];
const servers: ReturnType<typeof spawnServer>[] = [];

afterEach(() => {
  open.splice(0).forEach((w) => w.close());
  for (const s of servers.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
});

const post = async <T>(base: string, path: string, body: unknown, token?: string) =>
  (await (
    await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  ).json()) as T;

it('a lease whose reply was lost is asked for again and gives the same block: the printed sequence has no gap', async () => {
  const data = tempDir('ga-lease-fault-');
  const env = { GA_ADMIN_PASSWORD: SERVER_ADMIN.password };
  const dying = spawnServer(['--data', data, '--port', '0', '--init-admin', SERVER_ADMIN.username], { ...env, GA_FAULT: 'crash-after-lease', GA_FAULT_AT: '1' });
  servers.push(dying);
  const url = await dying.listening;

  const ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
  open.push(ws);
  expect(await ws.call('sync.join', { serverUrl: url, ...SERVER_ADMIN, deviceName: '四維 1F 櫃檯' })).toEqual({ ok: true });
  // Joining starts syncing; the first block leased is committed, then the server dies before it answers.
  expect(await dying.exited).toBeNull();
  const serverBlocks = () =>
    ws.db.$client.prepare('SELECT kind, year, from_n AS "from", to_n AS "to" FROM number_lease WHERE source = \'server\' ORDER BY kind').all() as {
      kind: string;
      year: number;
      from: number;
      to: number;
    }[];
  expect(serverBlocks()).toEqual([]);

  const back = spawnServer(['--data', data, '--port', new URL(url).port], env);
  servers.push(back);
  await back.listening;
  expect(await ws.call('sync.now', {})).toMatchObject({ lastError: null });
  const held = serverBlocks();
  expect(held.length).toBeGreaterThan(0);
  // Every kind's first block starts at 1: the block whose reply was lost is the one the workstation holds.
  expect(held.map((b) => [b.kind, b.from])).toEqual(held.map((b) => [b.kind, 1]));

  // The sequence moved once per kind: another workstation's block follows straight on.
  const admin = await post<{ token: string }>(url, '/login', SERVER_ADMIN);
  const other = await post<{ token: string }>(url, '/devices', { name: '鳳山 櫃檯' }, admin.token);
  for (const b of held) {
    const next = await post<{ from: number }>(url, '/leases', { clientId: 'other-desk', ...VERSIONS, kind: b.kind, year: b.year, count: 1 }, other.token);
    expect(next.from, b.kind).toBe(b.to + 1);
  }
}, 60_000);
