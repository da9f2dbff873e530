/**
 * Tickets whose site and building were left stale by place moves made before a move
 * carried them along are repaired by migration 5, and workstations pull the repair.
 */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/server-harness';
import { migrate } from './migrations';
import type { SqlDb } from './sql';
import { changesSince } from './changes';
import { fromJson, num } from './sql';

const AT = '2022-01-10T01:30:00.000Z';
const place = {
  site: [{ id: 'site-sw' }, { id: 'site-fs' }],
  // 後棟 was moved from 四維 to 鳳山 by a release that left its tickets behind.
  building: [{ id: 'bldg-back', siteId: 'site-fs' }],
  floor: [{ id: 'floor-1', buildingId: 'bldg-back' }],
  space: [{ id: 'space-lobby', floorId: 'floor-1' }],
};
const ticket = (id: string, spaceId: string, siteId: string) => ({ id, number: `維-111-0000${id.slice(-1)}`, spaceId, siteId, buildingId: 'bldg-back', subject: '燈不亮', updatedAt: AT });

async function olderServerWithStaleTickets(db: SqlDb): Promise<void> {
  await migrate(db, { through: 4 });
  await db.write(async (c) => {
    const json = c.dialect === 'postgres' ? '?::jsonb' : '?';
    let seq = 0;
    const put = (kind: string, data: { id: string; [field: string]: unknown }) =>
      c.run(`INSERT INTO record (kind, id, data, seq) VALUES (?, ?, ${json}, ?)`, [kind, data.id, JSON.stringify(data), ++seq]);
    for (const [kind, rows] of Object.entries(place)) for (const row of rows) await put(kind, { ...row, updatedAt: AT });
    await put('ticket', ticket('t1', 'space-lobby', 'site-sw'));
    await put('ticket', ticket('t2', 'space-lobby', 'site-fs'));
    await put('ticket', ticket('t3', 'space-gone', 'site-sw'));
    await c.run("UPDATE counter SET value = ? WHERE name = 'seq'", [seq]);
  });
}

describeEachEngine('migration 5: place copies', (open) => {
  it('gives stale tickets the site their space hangs under now, as changes workstations pull', async () => {
    const db = await open();
    await olderServerWithStaleTickets(db);
    const head = await db.read(async (c) => num((await c.all<{ value: unknown }>("SELECT value FROM counter WHERE name = 'seq'"))[0].value));
    await migrate(db);

    const rows = await db.read((c) => c.all<{ id: string; data: unknown; seq: unknown }>("SELECT id, data, seq FROM record WHERE kind = 'ticket' ORDER BY id"));
    const tickets = rows.map((r) => ({ ...fromJson<{ id: string; siteId: string; buildingId: string; updatedAt: string }>(r.data), seq: num(r.seq) }));
    expect(tickets.map((t) => [t.id, t.siteId, t.buildingId, t.updatedAt])).toEqual([
      ['t1', 'site-fs', 'bldg-back', AT],
      ['t2', 'site-fs', 'bldg-back', AT],
      // Its space is not in the tree: nothing to repair it from, so it is left as it was.
      ['t3', 'site-sw', 'bldg-back', AT],
    ]);
    expect(tickets[0].seq).toBeGreaterThan(head);
    expect(tickets[1].seq).toBeLessThanOrEqual(head);

    // A workstation that had pulled everything before gets the repaired ticket, and only it.
    const page = await db.read((c) => changesSince(c, head, 100));
    const changes = JSON.parse(String(page.json)) as { kind: string; id: string; data: { siteId: string } }[];
    expect(changes.map((ch) => [ch.kind, ch.id, ch.data.siteId])).toEqual([['ticket', 't1', 'site-fs']]);
  });
});
