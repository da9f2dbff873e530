import { afterEach, describe, expect, it } from 'vitest';
import { Workstation } from '../../electron/backend/workstation';
import { SyncClient } from '../../electron/backend/sync/sync-client';
import { SyncServerApi } from '../../electron/backend/sync/server-api';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../domain/sync-protocol';
import { getMeta, setMeta } from '../../db/meta';
import { databaseId, headSeq, makeCursor, nextSeq, putRecord } from '../../server/store/sync-data';
import { closeWorkstations, joinedWorkstation, newWorkstation, SERVER_ADMIN, startSyncServer, type RunningServer } from '../support/sync-server';
import { getRecord } from '../../server/store/sync-data';

let server: RunningServer | null = null;

afterEach(async () => {
  closeWorkstations();
  await server?.stop();
  server = null;
});

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

  it('a change reaches a workstation with nothing unsent in the poke itself, with no pull', async () => {
    server = await startSyncServer();
    const a = await joinedWorkstation(server.url, 'A');
    const b = await joinedWorkstation(server.url, 'B');
    await a.call('mutate', { name: 'site.create', args: site });
    const has = async (w: typeof b, name: string) => {
      for (let i = 0; i < 100; i++) {
        const r = (await w.call('records.get', { kind: 'site', id: 's1' })) as { nameZh?: string } | null;
        if (r?.nameZh === name) return true;
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      return false;
    };
    expect(await has(b, '四維行政中心')).toBe(true);
    // Quiet now: both hold the same cursor.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const pulls = async () => {
      const text = await (await fetch(`${server!.url}/metrics`)).text();
      return Number(/ga_http_requests_total\{method="POST",route="\/pull",status="200"\} (\d+)/.exec(text)?.[1] ?? 0);
    };

    const before = await pulls();
    await a.call('mutate', { name: 'site.update', args: { id: 's1', nameZh: '四維行政中心 新館' } });
    expect(await has(b, '四維行政中心 新館')).toBe(true);
    // A pulls after its own push; B, poked, applied what the poke carried.
    expect((await pulls()) - before).toBe(1);
    expect(getMeta(b.db, 'syncCursor')).toBe(getMeta(a.db, 'syncCursor'));
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
    // Each write also goes up on its own as soon as it is made, so which push reaches the
    // server later depends on timing (B's, nearly always): the server's copy tells.
    const later = (await server.db.read((c) => getRecord(c, 'site', 's1')))?.nameEn;
    expect(['from A', 'from B']).toContain(later);
    for (const w of [a, b]) {
      expect(await w.call('records.get', { kind: 'site', id: 's1' })).toMatchObject({ nameEn: later });
      const history = await w.call('records.history', { kind: 'site', id: 's1' });
      expect(
        history
          .map((h) => h.changes.nameEn?.[1])
          .filter(Boolean)
          .sort(),
      ).toEqual(['from A', 'from B']);
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

async function placeFor(ws: Workstation): Promise<string> {
  const steps: [string, Record<string, unknown>][] = [
    ['site.create', site],
    ['building.create', { id: 'b1', siteId: 's1', code: 'A', nameZh: '行政大樓', nameEn: '' }],
    ['floor.create', { id: 'f1', buildingId: 'b1', name: '1F' }],
    ['space.create', { id: 'sp1', floorId: 'f1', nameZh: '大廳', kind: 'other' }],
  ];
  for (const [name, args] of steps) expect(await ws.call('mutate', { name, args })).toMatchObject({ ok: true });
  // The server's administrator also takes repair reports at this desk.
  const me = (await ws.call('auth.status', {})).user!;
  expect(await ws.call('mutate', { name: 'user.update', args: { id: me.id, roles: ['admin', 'maintenance_clerk'] } })).toMatchObject({ ok: true });
  return 'sp1';
}

const ticket = (id: string, spaceId: string, extra: Record<string, unknown> = {}) => ({ id, spaceId, category: 'plumbing', subject: '大廳漏水', ...extra });

describe('printed numbers and files across workstations', () => {
  it('a joined workstation numbers tickets from the block the server leased it', async () => {
    server = await startSyncServer();
    const a = await joinedWorkstation(server.url, 'A');
    const b = await joinedWorkstation(server.url, 'B');
    const spaceId = await placeFor(a);
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    const made = await a.call('mutate', { name: 'ticket.create', args: ticket('t1', spaceId) });
    expect(made.ok || made.message).toBe(true);
    const madeB = await b.call('mutate', { name: 'ticket.create', args: ticket('t2', spaceId) });
    expect(madeB.ok || madeB.message).toBe(true);
    for (const w of [a, b, a]) await w.call('sync.now', {});
    const numbers = [(await a.call('records.get', { kind: 'ticket', id: 't1' })) as { number: string }, (await a.call('records.get', { kind: 'ticket', id: 't2' })) as { number: string }].map(
      (t) => t.number,
    );
    expect(numbers.every((n) => /^維-\d{3}-\d{5}$/.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(2);
  });

  it('a provisional number given offline is replaced at sync and the user is told', async () => {
    server = await startSyncServer();
    const a = await joinedWorkstation(server.url, 'A');
    const spaceId = await placeFor(a);
    await a.call('sync.now', {});
    // Use up the leased block, then go offline.
    a.db.$client.prepare('UPDATE number_lease SET next_n = to_n + 1').run();
    await server.stop();
    expect((await a.call('mutate', { name: 'ticket.create', args: ticket('t9', spaceId) })).ok).toBe(true);
    const provisional = ((await a.call('records.get', { kind: 'ticket', id: 't9' })) as { number: string }).number;
    expect(provisional).toMatch(/^維-\d{3}-暫\d{4}$/);
    server = await server.restart();
    await a.call('sync.now', {});
    const real = ((await a.call('records.get', { kind: 'ticket', id: 't9' })) as { number: string }).number;
    expect(real).toMatch(/^維-\d{3}-\d{5}$/);
    const notes = await a.call('attention.list', {});
    expect(notes.map((n) => n.message)).toContain(`編號 ${provisional} 已由伺服器改為 ${real}；紙本上寫的編號請一併更正`);
  });

  it('a photo attached on one workstation reaches the other with the ticket', async () => {
    server = await startSyncServer();
    const a = await joinedWorkstation(server.url, 'A');
    const b = await joinedWorkstation(server.url, 'B');
    const spaceId = await placeFor(a);
    const photo = Buffer.from('a photo of the leak, 漏水照片');
    const put = await a.call('attachments.put', { name: 'leak.jpg', type: 'image/jpeg', dataBase64: photo.toString('base64') });
    if (!put.ok) throw new Error(put.message);
    expect((await a.call('mutate', { name: 'ticket.create', args: ticket('t1', spaceId, { attachments: [put.attachment] }) })).ok).toBe(true);
    await a.call('sync.now', {});
    expect((await a.call('status.get', {})).pending).toBe(0);
    await b.call('sync.now', {});
    const got = await b.call('attachments.get', { sha256: put.attachment.sha256 });
    expect(Buffer.from(got?.dataBase64 ?? '', 'base64').toString()).toBe('a photo of the leak, 漏水照片');
  });
});

describe('a workstation that worked alone', () => {
  it('joins once: its data goes up, its printed numbers stay, and the server continues after them', async () => {
    server = await startSyncServer();
    const alone = newWorkstation();
    expect((await alone.call('auth.createFirstAdmin', { username: 'desk', displayName: '櫃檯管理者', password: 'desk-admin-1' })).ok).toBe(true);
    const spaceId = await placeFor(alone);
    for (const id of ['t1', 't2']) expect((await alone.call('mutate', { name: 'ticket.create', args: ticket(id, spaceId) })).ok).toBe(true);
    const before = ((await alone.call('records.get', { kind: 'ticket', id: 't2' })) as { number: string }).number;
    expect(before).toMatch(/^維-\d{3}-00002$/);

    expect(await alone.call('sync.join', { serverUrl: server.url, ...SERVER_ADMIN, deviceName: '單機櫃檯' })).toEqual({ ok: true });
    await alone.call('sync.now', {});
    expect((await alone.call('status.get', {})).pending).toBe(0);
    expect(((await alone.call('records.get', { kind: 'ticket', id: 't2' })) as { number: string }).number).toBe(before);

    const other = await joinedWorkstation(server.url, 'B');
    expect(((await other.call('records.get', { kind: 'ticket', id: 't1' })) as { number: string }).number).toMatch(/-00001$/);
    const me = (await other.call('auth.status', {})).user!;
    await other.call('mutate', { name: 'user.update', args: { id: me.id, roles: ['admin', 'maintenance_clerk'] } });
    await other.call('sync.now', {});
    expect((await other.call('mutate', { name: 'ticket.create', args: ticket('t3', spaceId) })).ok).toBe(true);
    await other.call('sync.now', {});
    const next = ((await other.call('records.get', { kind: 'ticket', id: 't3' })) as { number: string }).number;
    expect(Number(next.slice(-5))).toBeGreaterThan(2);
  });
});

describe('versions', () => {
  async function pinnedClient(ws: Workstation, protocolVersion: number) {
    ws.sync!.stop();
    const states: string[] = [];
    const client = new SyncClient(
      () => ws.db,
      () => ws.runner,
      new SyncServerApi(server!.url, 15_000, { protocolVersion, schemaVersion: SCHEMA_VERSION }),
      (s) => states.push(s.lastError?.code ?? 'ok'),
    );
    return { client, states };
  }

  it('a workstation one release older than the server still syncs', async () => {
    server = await startSyncServer();
    const old = await joinedWorkstation(server.url, 'old');
    const { client } = await pinnedClient(old, PROTOCOL_VERSION - 1);
    await old.call('mutate', { name: 'site.create', args: site });
    await client.syncNow();
    expect(client.state.lastError).toBeNull();
    expect(old.runner.pendingCount()).toBe(0);
    const fresh = await joinedWorkstation(server.url, 'new');
    expect(await fresh.call('records.get', { kind: 'site', id: 's1' })).not.toBeNull();
  });

  it('a workstation of the release before stores nothing of a kind it does not know and keeps syncing', async () => {
    server = await startSyncServer();
    const old = await joinedWorkstation(server.url, 'old');
    const other = await joinedWorkstation(server.url, 'other');
    // A server of the next release: a parking permit, and the entry of its history, both of a kind this release lacks.
    const at = '2026-12-01T02:00:00.000Z';
    await server.db.write(async (c) => {
      const seq = await nextSeq(c);
      await putRecord(c, 'parkingPermit', 'pp1', { id: 'pp1', plate: 'ABC-1234', spaceId: 'sp1', createdAt: at, updatedAt: at }, seq);
      const entry = {
        id: 'newer:1:0',
        at,
        userId: 'u1',
        clientId: 'newer',
        mutationId: 1,
        mutation: 'parkingPermit.create',
        kind: 'parkingPermit',
        recordId: 'pp1',
        op: 'create',
        changes: { plate: [null, 'ABC-1234'] },
      };
      await putRecord(c, 'audit', entry.id, entry, seq);
    });
    await other.call('mutate', { name: 'site.create', args: site });
    await other.call('sync.now', {});

    expect(await old.call('sync.now', {})).toMatchObject({ connection: 'online', lastError: null, pending: 0 });
    expect(await old.call('records.get', { kind: 'site', id: 's1' })).toMatchObject({ nameZh: '四維行政中心' });
    const head = await server.db.read(async (c) => makeCursor(await databaseId(c), await headSeq(c)));
    expect(getMeta(old.db, 'syncCursor')).toBe(head);
    const count = (sql: string) => (old.db.$client.prepare(sql).get() as { n: number }).n;
    expect(count("SELECT count(*) AS n FROM audit WHERE kind = 'parkingPermit' OR record_id = 'pp1'")).toBe(0);
    expect(count('SELECT count(*) AS n FROM needs_attention')).toBe(0);

    // What comes after goes on arriving.
    await other.call('mutate', { name: 'site.update', args: { id: 's1', nameEn: 'Siwei' } });
    await other.call('sync.now', {});
    await old.call('sync.now', {});
    expect(await old.call('records.get', { kind: 'site', id: 's1' })).toMatchObject({ nameEn: 'Siwei' });
  });

  it('once updated to a new schema version it pulls everything again, once, and old notes stay dismissed', async () => {
    server = await startSyncServer();
    const a = await joinedWorkstation(server.url, 'A');
    const spaceId = await placeFor(a);
    await a.call('sync.now', {});
    expect(getMeta(a.db, 'syncSchemaVersion')).toBe(String(SCHEMA_VERSION));
    // A provisional number replaced by the server: the user is told, and dismisses the note.
    a.db.$client.prepare('UPDATE number_lease SET next_n = to_n + 1').run();
    await server.stop();
    expect((await a.call('mutate', { name: 'ticket.create', args: ticket('t9', spaceId) })).ok).toBe(true);
    server = await server.restart();
    await a.call('sync.now', {});
    const [note] = await a.call('attention.list', {});
    expect(note.message).toContain('已由伺服器改為');
    await a.call('attention.discard', { id: note.id });

    // As after an update: the data was pulled by the release before, which skipped what it did not know.
    a.runner.records.removeSync('space', 'sp1');
    setMeta(a.db, 'syncSchemaVersion', String(SCHEMA_VERSION - 1));
    expect(await a.call('sync.now', {})).toMatchObject({ lastError: null, pending: 0 });
    expect(await a.call('records.get', { kind: 'space', id: 'sp1' })).toMatchObject({ nameZh: '大廳' });
    expect(await a.call('attention.list', {})).toEqual([]);
    expect(getMeta(a.db, 'syncSchemaVersion')).toBe(String(SCHEMA_VERSION));
    expect(getMeta(a.db, 'syncAgain')).toBe('');

    // Once: the next sync goes on from its cursor.
    const cursor = getMeta(a.db, 'syncCursor');
    await a.call('sync.now', {});
    expect(getMeta(a.db, 'syncCursor')).toBe(cursor);
  });

  it('an older one is told to update in plain words, and its queued writes are still taken', async () => {
    server = await startSyncServer();
    const ancient = await joinedWorkstation(server.url, 'ancient');
    const { client } = await pinnedClient(ancient, PROTOCOL_VERSION - 2);
    await ancient.call('mutate', { name: 'site.create', args: site });
    await client.syncNow();
    expect(client.state.lastError?.code).toBe('sync.updateRequired');
    ancient.sync = client;
    expect((await ancient.call('status.get', {})).lastError).toBe('此版本的程式過舊，請更新；已存的資料仍會送到伺服器');
    client.stop();
    const fresh = await joinedWorkstation(server.url, 'new');
    expect(await fresh.call('records.get', { kind: 'site', id: 's1' })).not.toBeNull();
  });
});
