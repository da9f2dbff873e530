/** The free-slot finder's busy times on a real database: read from just before the window, long spans included. */
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/support/fresh-db';
import { rawReader, rowToRecord } from '../records';
import { busyIndexes } from './venues';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STATUSES = ['approved', 'approved', 'approved', 'pending', 'rejected'];
const LENGTHS = [HOUR, 3 * HOUR, DAY - 1, DAY, DAY + 1, DAY + HOUR, 2 * DAY, 2 * DAY + 1, 3 * DAY, 40 * DAY, 400 * DAY];

describe('busy spans', () => {
  it('finds every approved span reaching into the window, of any length, as the plain overlap query does', () => {
    const { db } = freshDb();
    const insert = db.$client.prepare(
      `INSERT INTO booking (id, number, venue_id, contact_name, contact_phone, event_name, activity_type, attendees, equipment, attachments, start, "end",
        occupied_from, occupied_to, status, steps, created_at, updated_at)
       VALUES (?, ?, ?, '', '', '', 'meeting', 1, '[]', '[]', ?, ?, ?, ?, ?, '[]', '', '')`,
    );
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const base = Date.parse('2022-03-01T00:00:00.000Z');
    for (let i = 0; i < 3000; i++) {
      const from = base + Math.floor((rand() - 0.6) * 500 * DAY) + Math.floor(rand() * 96) * 15 * 60_000;
      const to = from + LENGTHS[Math.floor(rand() * LENGTHS.length)];
      const iso = (ms: number) => new Date(ms).toISOString();
      insert.run(`b${i}`, `n${i}`, `v${i % 3}`, iso(from), iso(to), iso(from), iso(to), STATUSES[i % STATUSES.length]);
    }
    const plain = db.$client.prepare("SELECT id, occupied_from AS f, occupied_to AS t FROM booking WHERE venue_id = ? AND status = 'approved' AND occupied_from < ? AND occupied_to > ?");
    let earlier = 0;
    for (let w = 0; w < 40; w++) {
      const from = new Date(base + Math.floor((rand() - 0.5) * 200 * DAY) + (w % 4) * 60_000).toISOString();
      const to = new Date(Date.parse(from) + [1, 16, 3][w % 3] * DAY).toISOString();
      const busy = busyIndexes(db, ['v0', 'v1', 'v2', 'nowhere'], from, to);
      for (const venue of ['v0', 'v1', 'v2', 'nowhere']) {
        const want = (plain.all(venue, to, from) as { id: string; f: string; t: string }[]).map((r) => [r.id, Date.parse(r.f), Date.parse(r.t)]);
        const got = (busy.get(venue) as unknown as { spans: { id: string; from: number; to: number }[] }).spans.map((s) => [s.id, s.from, s.to]);
        const order = (a: (string | number)[], b: (string | number)[]) => (a[0] < b[0] ? -1 : 1);
        expect(got.sort(order), `${venue} ${from}–${to}`).toEqual(want.sort(order));
        earlier += got.filter((s) => (s[1] as number) <= Date.parse(from) - 2 * DAY).length;
      }
    }
    // Long spans that began before the two days read by start were among them.
    expect(earlier).toBeGreaterThan(20);
    db.$client.close();
  });
});

describe('raw rows', () => {
  it('become the same records as row objects do, nulls, flags and lists included', () => {
    const { db } = freshDb();
    const insert = db.$client.prepare(
      `INSERT INTO booking (id, number, venue_id, series_id, contact_name, contact_phone, event_name, activity_type, attendees, equipment, attachments, start, "end",
        occupied_from, occupied_to, status, steps, displaced, created_at, updated_at)
       VALUES (?, ?, 'v', ?, '王', '07', ?, 'meeting', ?, ?, '[]', '2022-03-01T01:00:00.000Z', '2022-03-01T02:00:00.000Z',
        '2022-03-01T00:45:00.000Z', '2022-03-01T02:15:00.000Z', ?, ?, ?, 'c', 'u')`,
    );
    insert.run('a', 'n1', null, '會議', 10, '["projector"]', 'approved', '[{"level":1,"by":"u-chief"}]', 1);
    insert.run('b', 'n2', 's1', '', 0, '[]', 'pending', '[]', 0);
    const sql = 'SELECT b.*, 1 AS extra FROM booking b ORDER BY id';
    const objects = (db.$client.prepare(sql).all() as Record<string, unknown>[]).map((r) => rowToRecord('booking', r));
    const statement = db.$client.prepare(sql).raw(true);
    const reader = rawReader('booking', statement);
    expect((statement.all() as unknown[][]).map((r) => reader.record(r))).toEqual(objects);
    expect(objects[0]).toMatchObject({ displaced: true, equipment: ['projector'], seriesId: null });
    expect(reader.at('extra')).toBe(statement.columns().length - 1);
    db.$client.close();
  });
});
