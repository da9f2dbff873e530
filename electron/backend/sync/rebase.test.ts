import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open';
import { clientIdOf, getMeta } from '../../../db/meta';
import { freshDb } from '../../../test/support/fresh-db';
import { MutationRunner, type Actor } from '../mutation-runner';
import { applyPulledPage } from './rebase';

const admin: Actor = { userId: 'u-admin', roles: ['admin'], locale: 'zh-TW' };
const T0 = '2022-01-10T01:00:00.000Z';

const serverSite = (patch: Record<string, unknown> = {}) => ({
  id: 's1',
  code: 'SW',
  nameZh: '四維行政中心',
  nameEn: '',
  address: '',
  archived: false,
  createdAt: T0,
  updatedAt: T0,
  ...patch,
});

describe('a pulled page on top of pending writes', () => {
  let db: Db;
  let runner: MutationRunner;
  let clientId: string;

  beforeEach(async () => {
    db = freshDb().db;
    runner = new MutationRunner(db);
    clientId = clientIdOf(db);
    // The site as the server already had it, synced earlier.
    await applyPulledPage(db, runner, { changes: [{ kind: 'site', id: 's1', data: serverSite() }], cursor: '1', lastMutationIds: {}, refusals: [] });
  });

  it('keeps a pending edit of one field when another field changed on the server', async () => {
    await runner.run('site.update', { id: 's1', nameEn: 'Siwei' }, admin);
    await applyPulledPage(db, runner, {
      changes: [{ kind: 'site', id: 's1', data: serverSite({ address: '高雄市苓雅區四維三路2號', updatedAt: '2022-01-10T02:00:00.000Z' }) }],
      cursor: '2',
      lastMutationIds: {},
      refusals: [],
    });
    expect(runner.records.getSync('site', 's1')).toMatchObject({ nameEn: 'Siwei', address: '高雄市苓雅區四維三路2號' });
    expect(runner.pendingCount()).toBe(1);
    expect(getMeta(db, 'syncCursor')).toBe('2');
  });

  it('drops a write once the server has processed it, leaving the server version', async () => {
    const r = await runner.run('site.update', { id: 's1', nameEn: 'Siwei' }, admin);
    expect(r.ok).toBe(true);
    await applyPulledPage(db, runner, {
      changes: [
        { kind: 'site', id: 's1', data: serverSite({ nameEn: 'Siwei Administrative Center' }) },
        {
          kind: 'audit',
          id: `${clientId}:1:0`,
          data: { id: `${clientId}:1:0`, at: T0, userId: 'u-admin', clientId, mutationId: 1, mutation: 'site.update', kind: 'site', recordId: 's1', op: 'update', changes: { nameEn: ['', 'Siwei'] } },
        },
      ],
      cursor: '3',
      lastMutationIds: { [clientId]: 1 },
      refusals: [],
    });
    expect(runner.pendingCount()).toBe(0);
    expect(runner.records.getSync('site', 's1')?.nameEn).toBe('Siwei Administrative Center');
    const history = db.$client.prepare("SELECT count(*) AS n FROM audit WHERE record_id = 's1'").get() as { n: number };
    expect(history.n).toBe(1);
  });

  it('undoes a refused write and keeps what the user typed under needs attention', async () => {
    await runner.run('building.create', { id: 'b1', siteId: 's1', code: 'A', nameZh: '行政大樓', nameEn: '' }, admin);
    expect(runner.records.getSync('building', 'b1')).toBeDefined();
    await applyPulledPage(db, runner, {
      changes: [{ kind: 'site', id: 's1', data: serverSite({ archived: true }) }],
      cursor: '4',
      lastMutationIds: { [clientId]: 1 },
      refusals: [{ clientId, mutationId: 1, problem: { code: 'error.archivedParent', params: { kind: 'site', name: '四維行政中心' }, field: 'siteId' } }],
    });
    expect(runner.records.getSync('building', 'b1')).toBeUndefined();
    expect(runner.pendingCount()).toBe(0);
    const row = db.$client.prepare('SELECT name, args, problem FROM needs_attention').get() as { name: string; args: string; problem: string };
    expect(row.name).toBe('building.create');
    expect(JSON.parse(row.args)).toMatchObject({ nameZh: '行政大樓' });
    expect(JSON.parse(row.problem).code).toBe('error.archivedParent');
  });

  it('leaves a pending write out locally when it no longer fits, until the server rules', async () => {
    await runner.run('building.create', { id: 'b1', siteId: 's1', code: 'A', nameZh: '行政大樓', nameEn: '' }, admin);
    await applyPulledPage(db, runner, { changes: [{ kind: 'site', id: 's1', data: serverSite({ archived: true }) }], cursor: '5', lastMutationIds: {}, refusals: [] });
    expect(runner.records.getSync('building', 'b1')).toBeUndefined();
    expect(runner.pendingCount()).toBe(1);
  });

  it('leaves out a kind of a newer release and its history, and moves the cursor on', async () => {
    const permit = { id: 'pp1', plate: 'ABC-1234', createdAt: T0, updatedAt: T0 };
    const entry = { id: 'newer:1:0', at: T0, userId: 'u1', clientId: 'newer', mutationId: 1, mutation: 'parkingPermit.create', kind: 'parkingPermit', recordId: 'pp1', op: 'create', changes: {} };
    const applied = await applyPulledPage(db, runner, {
      changes: [
        { kind: 'parkingPermit', id: 'pp1', data: permit },
        { kind: 'audit', id: entry.id, data: entry },
        { kind: 'parkingPermit', id: 'pp0', data: null },
        { kind: 'site', id: 's1', data: serverSite({ nameEn: 'Siwei' }) },
      ],
      cursor: '6',
      lastMutationIds: {},
      refusals: [],
    });
    expect(applied.kinds).toEqual(['site']);
    expect(runner.records.getSync('site', 's1')?.nameEn).toBe('Siwei');
    expect(getMeta(db, 'syncCursor')).toBe('6');
    expect(db.$client.prepare("SELECT count(*) AS n FROM audit WHERE record_id = 'pp1'").get()).toEqual({ n: 0 });
  });

  it('a pull from the start again tells only of renumberings of writes still pending', async () => {
    const renumbered = [{ clientId, mutationId: 7, from: '維-111-暫0001', to: '維-111-00001' }];
    await applyPulledPage(db, runner, { changes: [], cursor: '7', lastMutationIds: {}, refusals: [], renumbered }, T0, true);
    expect(db.$client.prepare('SELECT count(*) AS n FROM needs_attention').get()).toEqual({ n: 0 });
    await applyPulledPage(db, runner, { changes: [], cursor: '8', lastMutationIds: {}, refusals: [], renumbered }, T0);
    expect(db.$client.prepare('SELECT count(*) AS n FROM needs_attention').get()).toEqual({ n: 1 });
  });

  it('a failing page changes nothing, cursor included', async () => {
    await expect(
      applyPulledPage(db, runner, {
        changes: [{ kind: 'building', id: 'bx', data: { id: 'bx', siteId: 'missing', code: 'X', nameZh: 'x', nameEn: '', archived: false, createdAt: T0, updatedAt: T0 } }],
        cursor: '9',
        lastMutationIds: {},
        refusals: [],
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(getMeta(db, 'syncCursor')).toBe('1');
    expect(runner.records.getSync('building', 'bx')).toBeUndefined();
  });
});
