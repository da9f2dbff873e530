import { describe, expect, it } from 'vitest';
import { clientIdOf } from '../../../db/meta';
import { tempDir } from '../../../test/support/fresh-db';
import { applyPulledPage } from '../sync/rebase';
import { Workstation } from '../workstation';

const T0 = '2022-01-10T01:00:00.000Z';

async function signedInWorkstation() {
  const ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
  const r = await ws.call('auth.createFirstAdmin', { username: 'admin', displayName: '管理者', password: 'long-enough-1' });
  expect(r.ok).toBe(true);
  return ws;
}

describe('needs attention', () => {
  it('lists a refused write with its reason and the user input, and resubmits it edited', async () => {
    const ws = await signedInWorkstation();
    const clientId = clientIdOf(ws.db);
    const site = { id: 's1', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '', archived: false, createdAt: T0, updatedAt: T0 };
    // The server has taken the administrator this workstation made (mutation 1) and a site.
    const admin = (await ws.call('auth.status', {})).user!;
    const adminRecord = (await ws.call('records.get', { kind: 'user', id: admin.id })) as unknown as Record<string, unknown>;
    await applyPulledPage(ws.db, ws.runner, {
      changes: [
        { kind: 'user', id: admin.id, data: adminRecord },
        { kind: 'site', id: 's1', data: site },
      ],
      cursor: '1',
      lastMutationIds: { [clientId]: 1 },
      refusals: [],
    });
    // Saved here while offline; meanwhile another workstation took the code FS at the server.
    const ok = await ws.call('mutate', { name: 'site.create', args: { id: 's2', code: 'FS', nameZh: '鳳山行政中心', nameEn: '', address: '' } });
    expect(ok.ok).toBe(true);
    const mutationId = (ok.ok && ok.mutationId) as number;
    await applyPulledPage(ws.db, ws.runner, {
      changes: [{ kind: 'site', id: 's3', data: { ...site, id: 's3', code: 'FS', nameZh: '鳳山區公所' } }],
      cursor: '2',
      lastMutationIds: { [clientId]: mutationId },
      refusals: [{ clientId, mutationId, problem: { code: 'error.duplicate', params: { field: 'code', value: 'FS' }, field: 'code' } }],
    });

    expect((await ws.call('status.get', {})).needsAttention).toBe(1);
    const [item] = await ws.call('attention.list', {});
    expect(item.message).toBe('「代碼」為「FS」的資料已經存在');
    expect(item.args).toMatchObject({ nameZh: '鳳山行政中心', code: 'FS' });
    expect(await ws.call('records.get', { kind: 'site', id: 's2' })).toBeNull();

    const again = await ws.call('attention.resubmit', { id: item.id, args: { ...(item.args as object), code: 'FS2' } });
    expect(again.ok).toBe(true);
    expect(await ws.call('records.get', { kind: 'site', id: 's2' })).toMatchObject({ code: 'FS2', nameZh: '鳳山行政中心' });
    expect(await ws.call('attention.list', {})).toEqual([]);
    ws.close();
  });

  it('discarding asks for a signed-in user and removes only that item', async () => {
    const ws = await signedInWorkstation();
    ws.db.$client.prepare("INSERT INTO needs_attention VALUES ('c:1', 'c', 1, 'site.create', '{}', 'u', ?, '{\"code\":\"error.invalid\",\"params\":{}}', NULL, ?)").run(T0, T0);
    await ws.call('auth.lock', {});
    await expect(ws.call('attention.discard', { id: 'c:1' })).rejects.toMatchObject({ status: 401 });
    await expect(ws.call('attention.list', {})).rejects.toMatchObject({ status: 401 });
    ws.session.locked = false;
    expect(await ws.call('attention.list', {})).toHaveLength(1);
    ws.close();
  });
});
