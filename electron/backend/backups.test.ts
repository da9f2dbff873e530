import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getMeta } from '../../db/meta';
import { tempDir } from '../../test/support/fresh-db';
import { Workstation } from './workstation';

const open: Workstation[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function signedInAdmin(): Promise<Workstation> {
  const ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
  open.push(ws);
  expect((await ws.call('auth.createFirstAdmin', { username: 'boss', displayName: '總務科長', password: 'a-long-password' })).ok).toBe(true);
  return ws;
}

const site = (id: string, code: string, nameZh: string) => ({ name: 'site.create', args: { id, code, nameZh, nameEn: '', address: '' } });

function outbox(ws: Workstation) {
  return ws.db.$client.prepare('SELECT client_id AS clientId, mutation_id AS mutationId, name FROM outbox ORDER BY seq').all() as { clientId: string; mutationId: number; name: string }[];
}

describe('backups', () => {
  it('a backup is a file in the backups folder', async () => {
    const ws = await signedInAdmin();
    const r = await ws.call('backup.create', {});
    if (!r.ok) throw new Error(r.message);
    const file = path.join(ws.options.dataDir, 'backups', r.backup.name);
    expect(fs.statSync(file).size).toBe(r.backup.bytes);
    expect(r.backup.bytes).toBeGreaterThan(0);
    expect((await ws.call('backup.list', {})).map((b) => b.name)).toEqual([r.backup.name]);
  });

  it('a restore brings the old data back under a new client id whose mutations start again at 1', async () => {
    const ws = await signedInAdmin();
    await ws.call('mutate', site('s1', 'SW', '四維行政中心'));
    const oldClientId = ws.info().clientId;
    expect(outbox(ws)).toEqual([
      { clientId: oldClientId, mutationId: 1, name: 'user.create' },
      { clientId: oldClientId, mutationId: 2, name: 'site.create' },
    ]);
    const backup = await ws.call('backup.create', {});
    if (!backup.ok) throw new Error(backup.message);

    await ws.call('mutate', site('s2', 'FS', '鳳山行政中心'));
    await ws.call('mutate', { name: 'site.update', args: { id: 's1', nameZh: '四維行政中心（改）' } });
    expect(outbox(ws)).toHaveLength(4);

    const restored = await ws.call('backup.restore', { name: backup.backup.name });
    if (!restored.ok) throw new Error(restored.message);
    expect(restored.clientId).not.toBe(oldClientId);
    expect(ws.info().clientId).toBe(restored.clientId);

    // The data of the moment of the backup, with its pending writes under the old client id.
    expect(ws.runner.records.findSync('site', {}).map((s) => [s.id, s.nameZh])).toEqual([['s1', '四維行政中心']]);
    expect(outbox(ws)).toEqual([
      { clientId: oldClientId, mutationId: 1, name: 'user.create' },
      { clientId: oldClientId, mutationId: 2, name: 'site.create' },
    ]);
    expect(getMeta(ws.db, 'lastMutationId')).toBe('0');

    // Signed out by the restore; the password is the one of the backup.
    expect(ws.sessionState().user).toBeNull();
    expect((await ws.call('auth.login', { username: 'boss', password: 'a-long-password' })).ok).toBe(true);
    expect(await ws.call('mutate', site('s3', 'DM', '市府員工宿舍'))).toEqual({ ok: true, mutationId: 1 });
    expect(outbox(ws).at(-1)).toEqual({ clientId: restored.clientId, mutationId: 1, name: 'site.create' });
  });

  it('only an administrator backs up or restores, and an unknown backup is refused', async () => {
    const ws = await signedInAdmin();
    const backup = await ws.call('backup.create', {});
    if (!backup.ok) throw new Error(backup.message);
    expect(await ws.call('backup.restore', { name: 'backup-1999-01-01.sqlite' })).toMatchObject({ ok: false, problem: { code: 'error.backupMissing' } });
    expect(await ws.call('backup.restore', { name: '../workstation.sqlite' })).toMatchObject({ ok: false, problem: { code: 'error.backupMissing' } });
    await ws.call('auth.logout', {});
    await expect(ws.call('backup.create', {})).rejects.toMatchObject({ status: 401 });
    await expect(ws.call('backup.restore', { name: backup.backup.name })).rejects.toMatchObject({ status: 401 });
    expect(ws.runner.records.findSync('user', {})).toHaveLength(1);
  });
});
