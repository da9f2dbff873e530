import { beforeEach, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors';
import { describeEachEngine } from '../../test/support/server-harness';
import { migrate } from './migrations';
import type { SqlDb } from './sql';
import { findOverlappingRecords, getRecord, putRecord, type RecordData } from './sync-data';

const MINUTE = 60_000;
const BASE = Date.parse('2022-03-01T00:00:00.000Z');
const at = (minutes: number) => new Date(BASE + minutes * MINUTE).toISOString();

/** A booking as the venue desk stores it: occupiedFrom/To are start − set-up and end + tear-down. */
function booking(id: string, venueId: string, from: number, to: number, status = 'approved', buffers: [number, number] = [0, 0]): RecordData {
  return {
    id,
    venueId,
    number: `場-111-${id}`,
    eventName: `會議 ${id}`,
    contactName: '王小明',
    contactPhone: '07-3368333',
    applicantAgencyId: 'ag-cab',
    applicantOrg: '',
    start: at(from),
    end: at(to),
    bufferBefore: buffers[0],
    bufferAfter: buffers[1],
    occupiedFrom: at(from - buffers[0]),
    occupiedTo: at(to + buffers[1]),
    status,
  };
}

const ids = (rows: RecordData[]) => rows.map((r) => r.id);

/** Runs a write; the refusal's problem, or null when it was written. */
async function refusalOf(db: SqlDb, work: Parameters<SqlDb['write']>[0]) {
  try {
    await db.write(work);
    return null;
  } catch (e) {
    if (isDomainError(e)) return e.problem;
    throw e;
  }
}

describeEachEngine('record spans: overlaps from the index, exclusive spans guarded by the database', (open) => {
  let db: SqlDb;
  let seq = 0;
  beforeEach(async () => {
    db = await open();
    await migrate(db);
  });
  const put = (data: RecordData | null, id = String(data?.id)) => db.write((c) => putRecord(c, 'booking', id, data, ++seq));
  const overlapping = (venueId: string, from: number, to: number, where?: RecordData) =>
    db.read((c) => findOverlappingRecords(c, 'booking', { resourceField: 'venueId', resourceId: venueId, startField: 'occupiedFrom', endField: 'occupiedTo', from: at(from), to: at(to), where }));

  it('answers what overlaps exactly as the rule says, for any mix of statuses, buffers, moves and deletions', async () => {
    // A fixed pseudo-random sequence, so a failure can be replayed.
    let state = 7;
    const rnd = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), Math.floor((state / 2 ** 31) * n));
    const held = new Map<string, RecordData>();
    const approvedClash = (b: RecordData) =>
      [...held.values()].some(
        (o) => o.id !== b.id && o.status === 'approved' && o.venueId === b.venueId && String(o.occupiedFrom) < String(b.occupiedTo) && String(o.occupiedTo) > String(b.occupiedFrom),
      );
    for (let n = 0; n < 100; n++) {
      const id = `b${rnd(60)}`;
      if (rnd(10) === 0) {
        await put(null, id);
        held.delete(id);
        continue;
      }
      const from = rnd(40) * 30;
      const b = booking(id, `v${rnd(3)}`, from, from + 30 + rnd(6) * 30, ['pending', 'approved', 'approved', 'cancelled', 'rejected'][rnd(5)], [rnd(3) * 15, rnd(3) * 15]);
      if (b.status === 'approved' && approvedClash(b)) b.status = 'pending';
      await put(b);
      held.set(id, b);
    }
    expect([...held.values()].filter((b) => b.status === 'approved').length).toBeGreaterThan(5);
    for (let q = 0; q < 40; q++) {
      const venueId = `v${rnd(3)}`;
      const from = rnd(50) * 30 - 60;
      const to = from + 15 + rnd(8) * 30;
      const where = rnd(2) === 0 ? { status: 'approved' } : undefined;
      const expected = [...held.values()]
        .filter((b) => b.venueId === venueId && String(b.occupiedFrom) < at(to) && String(b.occupiedTo) > at(from) && (!where || b.status === where.status))
        .map((b) => String(b.id))
        .sort();
      expect(ids(await overlapping(venueId, from, to, where)), `${venueId} ${from}–${to} ${JSON.stringify(where)}`).toEqual(expected);
    }
  });

  it('refuses a second approved booking whose occupied time overlaps, naming the one in the way, and keeps nothing of the write', async () => {
    await put(booking('first', 'v1', 60, 120, 'approved', [0, 30]));
    // 150–210 overlaps the first's tear-down (to 150) only when the second's set-up (15) is counted.
    const problem = await refusalOf(db, (c) => putRecord(c, 'booking', 'second', booking('second', 'v1', 165, 210, 'approved', [30, 0]), ++seq));
    expect(problem).toMatchObject({
      code: 'venues.conflict',
      field: 'start',
      params: { conflictId: 'first', number: '場-111-first', name: '會議 first', venueId: 'v1', contactName: '王小明', contactPhone: '07-3368333' },
    });
    expect(await db.read((c) => getRecord(c, 'booking', 'second'))).toBeUndefined();
    // Touching is not overlapping; another venue, or a pending booking, is no clash.
    await put(booking('touching', 'v1', 150, 180));
    await put(booking('elsewhere', 'v2', 60, 120));
    await put(booking('waiting', 'v1', 60, 120, 'pending'));
    expect(ids(await overlapping('v1', 0, 1000, { status: 'approved' }))).toEqual(['first', 'touching']);
    // Approving the pending one is refused by the database on update too.
    expect(await refusalOf(db, (c) => putRecord(c, 'booking', 'waiting', booking('waiting', 'v1', 60, 120), ++seq))).toMatchObject({ code: 'venues.conflict', params: { conflictId: 'first' } });
    expect((await db.read((c) => getRecord(c, 'booking', 'waiting')))?.status).toBe('pending');
  });

  it('lets the venue go once the booking in the way is cancelled, moved or deleted', async () => {
    await put(booking('a', 'v1', 60, 120));
    await put(booking('b', 'v1', 200, 260));
    await put(booking('c', 'v1', 300, 360));
    await put(booking('a', 'v1', 60, 120, 'cancelled'));
    await put(booking('b', 'v1', 400, 460));
    await put(null, 'c');
    await put(booking('late', 'v1', 60, 360));
    expect(ids(await overlapping('v1', 0, 1000, { status: 'approved' }))).toEqual(['b', 'late']);
    expect(ids(await overlapping('v1', 0, 1000))).toEqual(['a', 'b', 'late']);
  });

  it('refuses two overlapping exclusive spans written straight into the table, past every check of ours', async () => {
    const raw = (id: string, venueId: string, from: number, to: number, exclusive: number) =>
      db.write((c) =>
        c.run(
          `INSERT INTO record_span (kind, id, field, resource, start_at, end_at, exclusive) VALUES ('booking', ?, 'venueId', ?, ${c.dialect === 'postgres' ? '?::timestamptz, ?::timestamptz' : '?, ?'}, ?)`,
          [id, venueId, at(from), at(to), exclusive],
        ),
      );
    await raw('x', 'v1', 0, 60, 1);
    await expect(raw('y', 'v1', 30, 90, 1)).rejects.toThrow(/record_span_exclusive/);
    await raw('y', 'v1', 60, 90, 1);
    await raw('z', 'v1', 30, 90, 0);
    await raw('w', 'v2', 30, 90, 1);
    await expect(db.write((c) => c.run("UPDATE record_span SET exclusive = 1 WHERE id = 'z'"))).rejects.toThrow(/record_span_exclusive/);
    const count = await db.read((c) => c.all<{ n: unknown }>("SELECT count(*) AS n FROM record_span WHERE exclusive = 1 AND resource = 'v1'"));
    expect(Number(count[0].n)).toBe(2);
  });

  it('fills the spans of a database an older server made, keeping overlaps already there', async () => {
    const old = await open();
    await migrate(old, { through: 2 });
    const legacy = [booking('early', 'v1', 60, 120), booking('clash', 'v1', 90, 150), booking('after', 'v1', 150, 200), booking('pending', 'v1', 0, 500, 'pending'), booking('other', 'v2', 60, 120)];
    await old.write(async (c) => {
      for (const [n, b] of legacy.entries())
        await c.run(`INSERT INTO record (kind, id, data, seq) VALUES ('booking', ?, ${c.dialect === 'postgres' ? '?::jsonb' : '?'}, ?)`, [b.id, JSON.stringify(b), n + 1]);
      await c.run("INSERT INTO record (kind, id, data, seq) VALUES ('booking', 'gone', NULL, 9)");
    });
    await migrate(old);
    const rows = await old.read((c) => c.all<{ id: string; exclusive: unknown }>('SELECT id, exclusive FROM record_span ORDER BY id'));
    expect(rows.map((r) => [r.id, Number(r.exclusive)])).toEqual([
      ['after', 1],
      ['clash', 0],
      ['early', 1],
      ['other', 1],
      ['pending', 0],
    ]);
    const find = (from: number, to: number) =>
      old.read((c) =>
        findOverlappingRecords(c, 'booking', {
          resourceField: 'venueId',
          resourceId: 'v1',
          startField: 'occupiedFrom',
          endField: 'occupiedTo',
          from: at(from),
          to: at(to),
          where: { status: 'approved' },
        }),
      );
    expect(ids(await find(100, 160))).toEqual(['after', 'clash', 'early']);
    expect(await refusalOf(old, (c) => putRecord(c, 'booking', 'new', booking('new', 'v1', 100, 110), 10))).toMatchObject({ code: 'venues.conflict', params: { conflictId: 'early' } });
  });
});
