import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/server-harness';
import { migrate } from './migrations';
import type { SqlDb } from './sql';
import { findOverlappingRecords, findRecords, putRecord } from './sync-data';

describeEachEngine('finding records in the JSON store', (open) => {
  let db: SqlDb;
  beforeEach(async () => {
    db = await open();
    await migrate(db);
  });
  const put = (kind: string, data: Record<string, unknown>) => db.write((c) => putRecord(c, kind, String(data.id), data, 1));
  const ids = (rows: Record<string, unknown>[]) => rows.map((r) => r.id);

  it('matches text, numbers, booleans, null (also a missing field) and lists exactly', async () => {
    await put('thing', { id: 'a', name: '會議室', size: 30, archived: false, owner: null, roles: ['admin'] });
    await put('thing', { id: 'b', name: '禮堂', size: 300, archived: true, roles: ['admin', 'viewer'] });
    await put('thing', { id: 'c', name: '會議室', size: 30.5, archived: false, owner: 'p1', roles: [] });
    await db.write((c) => putRecord(c, 'thing', 'd', null, 2));
    await db.read(async (c) => {
      expect(ids(await findRecords(c, 'thing', {}))).toEqual(['a', 'b', 'c']);
      expect(ids(await findRecords(c, 'thing', { name: '會議室' }))).toEqual(['a', 'c']);
      expect(ids(await findRecords(c, 'thing', { size: 30 }))).toEqual(['a']);
      expect(ids(await findRecords(c, 'thing', { size: 30.5 }))).toEqual(['c']);
      expect(ids(await findRecords(c, 'thing', { archived: false }))).toEqual(['a', 'c']);
      expect(ids(await findRecords(c, 'thing', { owner: null }))).toEqual(['a', 'b']);
      expect(ids(await findRecords(c, 'thing', { roles: ['admin'] }))).toEqual(['a']);
      expect(ids(await findRecords(c, 'thing', { name: '會議室', archived: false, owner: 'p1' }))).toEqual(['c']);
      expect(ids(await findRecords(c, 'other', {}))).toEqual([]);
    });
  });

  it('finds what overlaps a span of one resource; touching ends do not overlap', async () => {
    const b = (id: string, roomId: string, start: string, end: string, status = 'approved') =>
      put('booking', { id, roomId, startsAt: `2022-02-01T${start}:00.000Z`, endsAt: `2022-02-01T${end}:00.000Z`, status });
    await b('b1', 'r1', '01', '02');
    await b('b2', 'r1', '02', '03');
    await b('b3', 'r1', '01', '03', 'cancelled');
    await b('b4', 'r2', '00', '05');
    const span = (from: string, to: string, where?: Record<string, unknown>) => ({
      resourceField: 'roomId',
      resourceId: 'r1',
      startField: 'startsAt',
      endField: 'endsAt',
      from: `2022-02-01T${from}:00.000Z`,
      to: `2022-02-01T${to}:00.000Z`,
      where,
    });
    await db.read(async (c) => {
      expect(ids(await findOverlappingRecords(c, 'booking', span('01', '03', { status: 'approved' })))).toEqual(['b1', 'b2']);
      expect(ids(await findOverlappingRecords(c, 'booking', span('00', '01')))).toEqual([]);
      expect(ids(await findOverlappingRecords(c, 'booking', span('03', '04')))).toEqual([]);
      expect(ids(await findOverlappingRecords(c, 'booking', span('02', '02:30' as string)))).toEqual(['b2', 'b3']);
      expect(ids(await findOverlappingRecords(c, 'booking', span('00', '09', { status: 'cancelled' })))).toEqual(['b3']);
    });
  });
});
