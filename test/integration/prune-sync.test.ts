/**
 * A workstation offline for longer than the server keeps its history of deletions, on
 * each storage engine (SQLite, PGlite, and PostgreSQL when DATABASE_URL_TEST is set):
 * it comes back, is told its cursor is below the pruning horizon, pulls everything again
 * and replaces its copy (the record deleted meanwhile goes), while what its user typed
 * offline is kept, reaches the server once, and shows on the other workstation.
 */
import { afterEach, expect, it } from 'vitest';
import { getMeta } from '../../db/meta';
import type { Workstation } from '../../electron/backend/workstation';
import { prune } from '../../server/prune';
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

const site = (id: string, code: string, nameZh: string) => ({ id, code, nameZh, nameEn: '', address: '' });
const historyOf = (ws: Workstation, recordId: string) => ws.db.$client.prepare('SELECT mutation FROM audit WHERE record_id = ? ORDER BY mutation').all(recordId) as { mutation: string }[];

describeEachEngine('a workstation offline past the pruning horizon', (open) => {
  it('resyncs in full: the deleted record is gone from it, its unsent writes reach the server once, the other workstation sees them', async () => {
    server = await startSyncServer({ db: await open() });
    const a = await joinedWorkstation(server.url, 'A');
    await must(a, 'site.create', site('s1', 'SW', '四維行政中心'));
    await must(a, 'site.create', site('s2', 'FS', '鳳山行政中心'));
    await a.call('sync.now', {});
    const b = await joinedWorkstation(server.url, 'B');
    expect(await b.call('records.get', { kind: 'site', id: 's2' })).toMatchObject({ code: 'FS' });

    // B's line is cut for half a year; its clerk goes on working.
    b.sync!.stop();
    await must(b, 'site.create', site('s3', 'DL', '大寮辦公室'));
    await must(b, 'site.update', { id: 's1', nameEn: 'Siwei' });
    // Meanwhile A deletes a site, and the server prunes what is older than its retention.
    await must(a, 'site.delete', { id: 's2' });
    await a.call('sync.now', {});
    const pruned = await prune(server.db, { retentionDays: 180, now: new Date(Date.now() + 200 * 86_400_000) });
    expect(pruned.tombstones).toBe(1);

    b.sync!.start();
    expect(await b.call('sync.now', {})).toMatchObject({ connection: 'online', lastError: null, pending: 0, needsAttention: 1 });
    expect(await b.call('records.get', { kind: 'site', id: 's2' })).toBeNull();
    expect(await b.call('records.get', { kind: 'site', id: 's3' })).toMatchObject({ nameZh: '大寮辦公室' });
    expect(await b.call('records.get', { kind: 'site', id: 's1' })).toMatchObject({ nameEn: 'Siwei' });
    const [notice] = await b.call('attention.list', {});
    expect(notice).toMatchObject({ problem: { code: 'sync.resynced', params: { count: 2, removed: 1 } } });
    expect(notice.message).toContain('已重新下載伺服器的全部資料');
    expect(notice.message).toContain('尚未送出的 2 筆變更都已保留並送出');
    expect(getMeta(b.db, 'syncResync')).toBe('');

    // Once: the next sync goes on from its cursor.
    const cursor = getMeta(b.db, 'syncCursor');
    expect(await b.call('sync.now', {})).toMatchObject({ lastError: null, needsAttention: 1 });
    expect(getMeta(b.db, 'syncCursor')).toBe(cursor);

    // A sees B's writes, each once.
    await a.call('sync.now', {});
    expect(await a.call('records.get', { kind: 'site', id: 's3' })).toMatchObject({ nameZh: '大寮辦公室' });
    expect(await a.call('records.get', { kind: 'site', id: 's1' })).toMatchObject({ nameEn: 'Siwei' });
    expect(historyOf(a, 's3')).toEqual([{ mutation: 'site.create' }]);
    expect(historyOf(a, 's1')).toEqual([{ mutation: 'site.create' }, { mutation: 'site.update' }]);
    expect(historyOf(b, 's1')).toEqual(historyOf(a, 's1'));
  });

  it('a server whose data was replaced (restored from a backup): the same full resync, told in its own words', async () => {
    server = await startSyncServer({ db: await open() });
    const a = await joinedWorkstation(server.url, 'A');
    await must(a, 'site.create', site('s1', 'SW', '四維行政中心'));
    await a.call('sync.now', {});
    a.sync!.stop();
    await must(a, 'site.update', { id: 's1', nameEn: 'Siwei' });
    // Another database under the same address: the old cursors are not its own.
    await server.db.write((c) => c.run("UPDATE server_info SET value = 'restored' WHERE key = 'databaseId'"));

    a.sync!.start();
    expect(await a.call('sync.now', {})).toMatchObject({ lastError: null, pending: 0, needsAttention: 1 });
    expect(await a.call('records.get', { kind: 'site', id: 's1' })).toMatchObject({ nameEn: 'Siwei' });
    const [notice] = await a.call('attention.list', {});
    expect(notice).toMatchObject({ problem: { code: 'sync.resyncedReplaced', params: { count: 1, removed: 0 } } });
    expect(notice.message).toContain('由備份還原');
  });
});
