import { afterEach, describe, expect, it } from 'vitest';
import { Workstation } from '../../electron/backend/workstation';
import { tempDir } from '../support/fresh-db';
import { SERVER_ADMIN, startSyncServer, type RunningServer } from '../support/sync-server';

const open: Workstation[] = [];
let server: RunningServer | null = null;

afterEach(async () => {
  open.splice(0).forEach((w) => w.close());
  await server?.stop();
  server = null;
});

async function joinedWorkstation(url: string, name: string): Promise<Workstation> {
  const ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
  open.push(ws);
  const joined = await ws.call('sync.join', { serverUrl: url, ...SERVER_ADMIN, deviceName: name });
  expect(joined).toEqual({ ok: true });
  await ws.call('sync.now', {});
  return ws;
}

const site = { id: 's1', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' };

describe('workstations syncing through a server', () => {
  it('what one saves reaches the other, and both keep their edits of different fields', async () => {
    server = await startSyncServer();
    const a = await joinedWorkstation(server.url, '四維 1F 櫃檯');
    const b = await joinedWorkstation(server.url, '鳳山前棟 櫃檯');

    expect((await a.call('mutate', { name: 'site.create', args: site })).ok).toBe(true);
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    expect(await b.call('records.get', { kind: 'site', id: 's1' })).toMatchObject({ nameZh: '四維行政中心' });

    await a.call('mutate', { name: 'site.update', args: { id: 's1', nameEn: 'Siwei Administrative Center' } });
    await b.call('mutate', { name: 'site.update', args: { id: 's1', address: '高雄市苓雅區四維三路2號' } });
    for (const w of [a, b, a, b]) await w.call('sync.now', {});
    for (const w of [a, b]) {
      expect(await w.call('records.get', { kind: 'site', id: 's1' })).toMatchObject({ nameEn: 'Siwei Administrative Center', address: '高雄市苓雅區四維三路2號' });
      expect((await w.call('status.get', {})).pending).toBe(0);
    }
  });

  it('the same field edited on both: the later push wins everywhere and the other value stays in the history', async () => {
    server = await startSyncServer();
    const a = await joinedWorkstation(server.url, 'A');
    const b = await joinedWorkstation(server.url, 'B');
    await a.call('mutate', { name: 'site.create', args: site });
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    await a.call('mutate', { name: 'site.update', args: { id: 's1', nameEn: 'from A' } });
    await b.call('mutate', { name: 'site.update', args: { id: 's1', nameEn: 'from B' } });
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    await a.call('sync.now', {});
    for (const w of [a, b]) {
      expect(await w.call('records.get', { kind: 'site', id: 's1' })).toMatchObject({ nameEn: 'from B' });
      const history = await w.call('records.history', { kind: 'site', id: 's1' });
      expect(history.map((h) => h.changes.nameEn?.[1]).filter(Boolean)).toEqual(['from A', 'from B']);
    }
  });

  it('works offline when the server is gone and sends the writes when it is back', async () => {
    server = await startSyncServer();
    const a = await joinedWorkstation(server.url, 'A');
    await server.stop();
    const saved = await a.call('mutate', { name: 'site.create', args: site });
    expect(saved.ok).toBe(true);
    const offline = await a.call('sync.now', {});
    expect(offline).toMatchObject({ connection: 'offline', pending: 1 });
    expect(offline.lastError).toContain('無法連線');

    server = await server.restart();
    const back = await a.call('sync.now', {});
    expect(back).toMatchObject({ connection: 'online', pending: 0, lastError: null });
    const b = await joinedWorkstation(server.url, 'B');
    expect(await b.call('records.get', { kind: 'site', id: 's1' })).not.toBeNull();
  });

  it('a person signs in with the server password, and later at the same desk while the server is away', async () => {
    server = await startSyncServer();
    const a = await joinedWorkstation(server.url, 'A');
    await a.call('auth.logout', {});
    expect((await a.call('auth.login', { ...SERVER_ADMIN, password: 'wrong password' })).ok).toBe(false);
    expect((await a.call('auth.login', SERVER_ADMIN)).ok).toBe(true);
    await a.call('auth.logout', {});
    await server.stop();
    expect((await a.call('auth.login', SERVER_ADMIN)).ok).toBe(true);
    server = await server.restart();
  });
});
