import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { CERT_FILE, KEY_FILE } from '../../server/tls';
import { getRecord } from '../../server/store/sync-data';
import { closeWorkstations, newWorkstation, SERVER_ADMIN, startSyncServer, type RunningServer } from '../support/sync-server';

let server: RunningServer | null = null;

afterEach(async () => {
  closeWorkstations();
  await server?.stop();
  server = null;
});

const site = (id: string, code: string) => ({ id, code, nameZh: `園區 ${code}`, nameEn: '', address: '' });

it('pins the certificate a person confirmed at joining, refuses a server whose certificate changed without losing a write, and syncs again once an administrator re-pins', async () => {
  server = await startSyncServer({ tls: true });
  const first = server.fingerprint!;
  const ws = newWorkstation();
  const join = { serverUrl: server.url, ...SERVER_ADMIN, deviceName: '四維 1F 櫃檯' };

  // First the fingerprint is shown, to compare with what the server prints; nothing is joined yet.
  const shown = await ws.call('sync.join', join);
  expect(shown).toMatchObject({ ok: false, problem: { code: 'sync.tls.confirm', params: { fingerprint: first } } });
  expect(!shown.ok && shown.message).toContain(first);
  expect(await ws.call('sync.join', { ...join, fingerprint: first.replace(/^../, 'ZZ') })).toMatchObject({ ok: false, problem: { code: 'sync.tls.mismatch' } });
  expect(ws.info().serverUrl).toBeNull();
  expect(await ws.call('sync.join', { ...join, fingerprint: first.toLowerCase() })).toEqual({ ok: true });
  await ws.call('sync.now', {});
  expect(await ws.call('sync.certificate', {})).toEqual({ pinned: first, presented: first, problem: null });
  expect((await ws.call('mutate', { name: 'site.create', args: site('s1', 'S1') })).ok).toBe(true);
  await ws.call('sync.now', {});
  expect(await ws.call('status.get', {})).toMatchObject({ connection: 'online', pending: 0, lastError: null });

  // The server comes back with another certificate (as a machine in the middle would present).
  const dataDir = server.dataDir;
  await server.stop();
  fs.rmSync(path.join(dataDir, CERT_FILE));
  fs.rmSync(path.join(dataDir, KEY_FILE));
  server = await startSyncServer({ dataDir, port: Number(new URL(join.serverUrl).port), tls: true });
  const second = server.fingerprint!;
  expect(second).not.toBe(first);

  expect((await ws.call('mutate', { name: 'site.create', args: site('s2', 'S2') })).ok).toBe(true);
  const refused = await ws.call('sync.now', {});
  expect(refused.pending).toBe(1);
  expect(refused.lastError).toContain('同步伺服器的憑證已變更');
  expect(refused.lastError).toContain(first);
  expect(refused.lastError).toContain(second);
  expect(await server.db.read((c) => getRecord(c, 'site', 's2'))).toBeUndefined();

  // Re-pinning takes the fingerprint read out on the server, and only that one.
  expect(await ws.call('sync.certificate', {})).toEqual({ pinned: first, presented: second, problem: null });
  expect(await ws.call('sync.repin', { fingerprint: first })).toMatchObject({ ok: false, problem: { code: 'sync.tls.mismatch' } });
  expect(await ws.call('sync.repin', { fingerprint: second })).toEqual({ ok: true });
  const again = await ws.call('status.get', {});
  expect(again).toMatchObject({ connection: 'online', pending: 0, lastError: null });
  expect(await server.db.read((c) => getRecord(c, 'site', 's2'))).toMatchObject({ code: 'S2' });
  expect(await ws.call('sync.repin', { fingerprint: second })).toMatchObject({ ok: false, problem: { code: 'sync.repin.same' } });
}, 60_000);

it('lets only an administrator re-pin', async () => {
  server = await startSyncServer({ tls: true });
  const ws = newWorkstation();
  await ws.call('sync.join', { serverUrl: server.url, ...SERVER_ADMIN, deviceName: 'desk', fingerprint: server.fingerprint });
  await ws.call('auth.logout', {});
  await expect(ws.call('sync.repin', { fingerprint: server.fingerprint! })).rejects.toMatchObject({ status: 401 });
}, 30_000);
