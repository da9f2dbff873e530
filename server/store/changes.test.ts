import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/server-harness';
import { changesSince } from './changes';
import { migrate } from './migrations';
import type { SqlDb } from './sql';
import { putRecord } from './sync-data';

describeEachEngine('changes since a cursor, as the JSON text of a pull page', (open) => {
  let db: SqlDb;
  beforeEach(async () => {
    db = await open();
    await migrate(db);
  });
  const put = (kind: string, id: string, data: Record<string, unknown> | null, seq: number) => db.write((c) => putRecord(c, kind, id, data, seq));
  const setHead = (seq: number) => db.write((c) => c.run("UPDATE counter SET value = ? WHERE name = 'seq'", [seq]));
  const page = async (after: number, limit: number) => {
    const p = await db.read((c) => changesSince(c, after, limit));
    return { ...p, changes: JSON.parse(p.json.toString()) as { seq: number; kind: string; id: string; op: string; data: unknown }[] };
  };

  it('sends each record as stored, text that needs escaping and deletions included', async () => {
    const tricky = { id: 'a"1', name: '第1會議室 "大" \\ 路\n第二行\t😀', nested: { list: [1, 2.5, null, true], empty: {} }, note: '' };
    await put('space', 'a"1', tricky, 1);
    await put('site', 's1', { id: 's1', nameZh: '四維行政中心' }, 2);
    await put('site', 's2', null, 3);
    await setHead(3);
    const p = await page(0, 100);
    expect(p).toMatchObject({ through: 3, more: false });
    expect(p.changes).toEqual([
      { seq: 1, kind: 'space', id: 'a"1', op: 'put', data: tricky },
      { seq: 2, kind: 'site', id: 's1', op: 'put', data: { id: 's1', nameZh: '四維行政中心' } },
      { seq: 3, kind: 'site', id: 's2', op: 'delete', data: null },
    ]);
  });

  it("never splits one mutation's writes between pages, and a mutation larger than a page comes whole", async () => {
    // seq 1: one record; seq 2: three records (one mutation); seq 3: one record.
    await put('site', 'a', { id: 'a' }, 1);
    for (const id of ['c', 'b', 'd']) await put('site', id, { id }, 2);
    await put('site', 'e', { id: 'e' }, 3);
    await setHead(3);
    const first = await page(0, 2);
    expect(first).toMatchObject({ through: 1, more: true });
    expect(first.changes.map((c) => c.id)).toEqual(['a']);
    const second = await page(1, 2);
    expect(second).toMatchObject({ through: 2, more: true });
    expect(second.changes.map((c) => c.id)).toEqual(['b', 'c', 'd']);
    const last = await page(2, 2);
    expect(last).toMatchObject({ through: 3, more: false });
    expect(last.changes.map((c) => c.id)).toEqual(['e']);
    expect(await page(3, 2)).toMatchObject({ through: 3, more: false, changes: [] });
  });
});
