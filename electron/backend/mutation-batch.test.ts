import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { freshDb } from '../../test/support/fresh-db';
import { MutationRunner, type Actor } from './mutation-runner';

const admin: Actor = { userId: 'u-admin', roles: ['admin'], locale: 'zh-TW' };

function counts(db: Db): number[] {
  return ['site', 'building', 'outbox', 'audit'].map((t) => (db.$client.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n);
}

describe('a batch of mutations is one transaction', () => {
  it('each mutation of a batch gets its own outbox and audit entries, in order', async () => {
    const { db } = freshDb();
    const runner = new MutationRunner(db);
    const seen: string[][] = [];
    runner.onCommit((kinds) => seen.push(kinds));
    const r = await runner.runBatch(
      [
        { name: 'site.create', args: { id: 's1', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' } },
        { name: 'building.create', args: { id: 'b1', siteId: 's1', code: 'M', nameZh: '行政大樓', nameEn: '' } },
      ],
      admin,
    );
    expect(r).toMatchObject({ ok: true, mutationIds: [1, 2], records: 2 });
    expect(counts(db)).toEqual([1, 1, 2, 2]);
    expect(seen).toEqual([['site', 'building']]);
  });

  it('one refused mutation writes nothing of the whole batch and says which one', async () => {
    const { db } = freshDb();
    const runner = new MutationRunner(db);
    const r = await runner.runBatch(
      [
        { name: 'site.create', args: { id: 's1', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' } },
        { name: 'building.create', args: { id: 'b1', siteId: 's1', code: 'M', nameZh: '行政大樓', nameEn: '' } },
        { name: 'site.create', args: { id: 's2', code: 'SW', nameZh: '重複代碼', nameEn: '', address: '' } },
      ],
      admin,
    );
    expect(r).toMatchObject({ ok: false, index: 2, problem: { code: 'error.duplicate', field: 'code' } });
    expect(counts(db)).toEqual([0, 0, 0, 0]);
    // The mutation counter was rolled back with the rest: the next write is mutation 1.
    const next = await runner.run('site.create', { id: 's1', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' }, admin);
    expect(next).toMatchObject({ ok: true, mutationId: 1 });
  });

  it('bad arguments are refused before anything is written', async () => {
    const { db } = freshDb();
    const runner = new MutationRunner(db);
    const r = await runner.runBatch(
      [
        { name: 'site.create', args: { id: 's1', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' } },
        { name: 'site.create', args: { id: 's2', code: 'FS', nameEn: '', address: '' } },
      ],
      admin,
    );
    expect(r).toMatchObject({ ok: false, index: 1, problem: { code: 'error.required', field: 'nameZh' } });
    expect(counts(db)).toEqual([0, 0, 0, 0]);
  });

  it('an item made at another time than the batch is written with its own time', async () => {
    const { db } = freshDb();
    const runner = new MutationRunner(db);
    const then = '2021-10-01T01:00:00.000Z';
    const now = '2026-12-07T02:00:00.000Z';
    const r = await runner.runBatch(
      [
        { name: 'site.create', args: { id: 's1', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' }, at: then },
        { name: 'site.create', args: { id: 's2', code: 'FS', nameZh: '鳳山行政中心', nameEn: '', address: '' } },
      ],
      admin,
      now,
    );
    expect(r).toMatchObject({ ok: true });
    expect(db.$client.prepare('SELECT at FROM outbox ORDER BY seq').all()).toEqual([{ at: then }, { at: now }]);
    expect([runner.records.getSync('site', 's1')?.createdAt, runner.records.getSync('site', 's2')?.createdAt]).toEqual([then, now]);
  });
});
