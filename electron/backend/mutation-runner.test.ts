import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { freshDb } from '../../test/support/fresh-db';
import { MutationRunner, type Actor } from './mutation-runner';

const admin: Actor = { userId: 'u-admin', roles: ['admin'], locale: 'zh-TW' };

function count(db: Db, table: string): number {
  return (db.$client.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

describe('writes are named mutations', () => {
  let db: Db;
  let runner: MutationRunner;
  beforeEach(() => {
    db = freshDb().db;
    runner = new MutationRunner(db);
  });

  it('a create writes the record, one outbox entry and an audit entry in one go', async () => {
    const r = await runner.run('site.create', { id: 's1', code: 'SW', nameZh: '四維行政中心', nameEn: 'Siwei', address: '' }, admin, '2022-01-31T02:00:00.000Z');
    expect(r.ok).toBe(true);
    const site = runner.records.getSync('site', 's1');
    expect(site).toMatchObject({ nameZh: '四維行政中心', archived: false, createdAt: '2022-01-31T02:00:00.000Z' });
    const out = db.$client.prepare('SELECT * FROM outbox').all() as Record<string, unknown>[];
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ name: 'site.create', mutation_id: 1, user_id: 'u-admin' });
    const audit = db.$client.prepare('SELECT * FROM audit').all() as Record<string, string>[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].changes).nameZh).toEqual([null, '四維行政中心']);
  });

  it('mutation ids strictly increase and an update carries only the changed fields', async () => {
    await runner.run('site.create', { id: 's1', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' }, admin);
    await runner.run('site.update', { id: 's1', nameEn: 'Siwei Administrative Center' }, admin);
    const out = db.$client.prepare('SELECT mutation_id AS id, args FROM outbox ORDER BY seq').all() as { id: number; args: string }[];
    expect(out.map((o) => o.id)).toEqual([1, 2]);
    expect(JSON.parse(out[1].args)).toEqual({ id: 's1', nameEn: 'Siwei Administrative Center' });
    const audit = db.$client.prepare("SELECT changes FROM audit WHERE op = 'update'").get() as { changes: string };
    expect(JSON.parse(audit.changes)).toEqual({ nameEn: ['', 'Siwei Administrative Center'] });
  });

  it('a rule broken inside the mutator writes nothing at all', async () => {
    await runner.run('site.create', { id: 's1', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' }, admin);
    const before = [count(db, 'site'), count(db, 'outbox'), count(db, 'audit')];
    const r = await runner.run('site.create', { id: 's2', code: 'SW', nameZh: '另一個', nameEn: '', address: '' }, admin);
    expect(r).toMatchObject({ ok: false, problem: { code: 'error.duplicate', field: 'code' } });
    expect(r.ok || r.message).toBe('「代碼」為「SW」的資料已經存在');
    expect([count(db, 'site'), count(db, 'outbox'), count(db, 'audit')]).toEqual(before);
  });

  it('a record something refers to can be archived but not deleted', async () => {
    await runner.run('site.create', { id: 's1', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' }, admin);
    await runner.run('building.create', { id: 'b1', siteId: 's1', code: 'A', nameZh: '主棟', nameEn: '' }, admin);
    const del = await runner.run('site.delete', { id: 's1' }, admin);
    expect(del).toMatchObject({ ok: false, problem: { code: 'error.inUse' } });
    expect((await runner.run('site.archive', { id: 's1' }, admin)).ok).toBe(true);
    expect(runner.records.getSync('site', 's1')?.archived).toBe(true);
    const add = await runner.run('building.create', { id: 'b2', siteId: 's1', code: 'B', nameZh: '後棟', nameEn: '' }, { ...admin, locale: 'en' });
    expect(add.ok || add.message).toBe('site "四維行政中心" is archived; nothing can be added to it');
  });

  it('a viewer changes nothing', async () => {
    const r = await runner.run('site.create', { id: 's1', code: 'SW', nameZh: 'x', nameEn: '', address: '' }, { ...admin, roles: ['viewer'] });
    expect(r).toMatchObject({ ok: false, problem: { code: 'error.forbidden' } });
    expect(count(db, 'site')).toBe(0);
  });

  it('the last administrator keeps the role', async () => {
    await runner.run('user.create', { id: 'u1', username: 'admin', displayName: '管理者', roles: ['admin'] }, admin);
    const r = await runner.run('user.update', { id: 'u1', roles: ['viewer'] }, admin);
    expect(r).toMatchObject({ ok: false, problem: { code: 'error.lastAdmin' } });
  });
});
