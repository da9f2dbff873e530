/** The ticket list's pages, filters, sorts and the Chinese full-text search, on a real database. */
import { beforeEach, describe, expect, it } from 'vitest';
import { formatPrintedNumber } from '../../domain/numbering';
import { mutations, type MutationContext } from '../../domain/mutations';
import { freshDb } from '../../test/support/fresh-db';
import type { Db } from '../open';
import { SqliteRecords } from '../records';
import { openTicketsAt, queryTickets, ticketIdByNumber, workOf } from './tickets';

const tpe = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const admin: MutationContext = { userId: 'u-admin', roles: ['admin', 'maintenance_clerk'], clientId: 'c', at: tpe('2022-01-03', '08:00') };

let db: Db;
let records: SqliteRecords;
let n = 0;

async function run(name: string, args: Record<string, unknown>, at = admin.at) {
  const def = mutations.get(name)!;
  await def.apply(records, def.args.parse(args), { ...admin, at });
}

async function place() {
  await run('site.create', { id: 'sw', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' });
  await run('site.create', { id: 'fs', code: 'FS', nameZh: '鳳山行政中心', nameEn: '', address: '' });
  await run('building.create', { id: 'b1', siteId: 'sw', code: 'A', nameZh: '行政大樓', nameEn: '' });
  await run('building.create', { id: 'b2', siteId: 'fs', code: 'F', nameZh: '前棟', nameEn: '' });
  await run('floor.create', { id: 'f1', buildingId: 'b1', name: '3F' });
  await run('floor.create', { id: 'f2', buildingId: 'b2', name: '1F' });
  await run('space.create', { id: 'room', floorId: 'f1', code: '301', nameZh: '市府第一會議室', kind: 'meeting_room' });
  await run('space.create', { id: 'hall', floorId: 'f2', nameZh: '服務大廳', kind: 'other' });
  await run('person.create', { id: 'tech', name: '張文雄', kind: 'technician' });
}

async function ticket(id: string, over: Record<string, unknown> = {}, at = tpe('2022-01-10', '09:00')) {
  n += 1;
  await run('ticket.create', { id, number: formatPrintedNumber('ticket', 2022, n), spaceId: 'room', category: 'plumbing', subject: '一般報修', ...over }, at);
}

const numbers = (page: { rows: { number: string }[] }) => page.rows.map((r) => r.number);
const search = (text: string) => queryTickets(db, { text });

beforeEach(async () => {
  db = freshDb().db;
  records = new SqliteRecords(db);
  n = 0;
  await place();
});

describe('ticket search in Chinese', () => {
  beforeEach(async () => {
    await ticket('t1', { subject: '電梯異音', category: 'elevator' }, tpe('2022-01-10', '09:00'));
    await ticket('t2', { subject: '男廁漏水', description: '洗手台下方漏水' }, tpe('2022-01-11', '09:00'));
    await ticket('t3', { subject: '冷氣機不冷', category: 'hvac', spaceId: 'hall' }, tpe('2022-01-12', '09:00'));
    await ticket('t4', { subject: 'AC unit noisy', description: 'Room 301 fan' }, tpe('2022-01-13', '09:00'));
  });

  it('finds one-character words (電) and two-character words (漏水, 電梯), newest first', () => {
    expect(numbers(search('電'))).toEqual(['維-111-00001']);
    expect(numbers(search('電梯'))).toEqual(['維-111-00001']);
    expect(numbers(search('漏水'))).toEqual(['維-111-00002']);
    expect(numbers(search('冷'))).toEqual(['維-111-00003']);
  });

  it('finds three and more characters, numbers and English words', () => {
    expect(numbers(search('冷氣機'))).toEqual(['維-111-00003']);
    expect(numbers(search('洗手台下方'))).toEqual(['維-111-00002']);
    expect(numbers(search('維-111-00003'))).toEqual(['維-111-00003']);
    expect(numbers(search('00002'))).toEqual(['維-111-00002']);
    expect(numbers(search('noisy'))).toEqual(['維-111-00004']);
    expect(numbers(search('AC'))).toEqual(['維-111-00004']);
    expect(numbers(search('ＡＣ'))).toEqual(['維-111-00004']);
  });

  it('finds tickets by their location, every word having to match', () => {
    expect(numbers(search('鳳山'))).toEqual(['維-111-00003']);
    expect(numbers(search('會議室'))).toEqual(['維-111-00004', '維-111-00002', '維-111-00001']);
    expect(numbers(search('會議室 漏水'))).toEqual(['維-111-00002']);
    expect(numbers(search('301'))).toEqual(['維-111-00004', '維-111-00002', '維-111-00001']);
  });

  it('finds words in comments, and forgets a deleted one', async () => {
    expect(search('零件').total).toBe(0);
    await run('ticketComment.add', { id: 'c1', ticketId: 't1', body: '等待零件到貨' });
    expect(numbers(search('零件'))).toEqual(['維-111-00001']);
    await run('ticketComment.remove', { id: 'c1' });
    expect(search('零件').total).toBe(0);
  });

  it('follows edits of the ticket and renames of its space', async () => {
    await run('ticket.update', { id: 't2', subject: '小便斗阻塞' });
    expect(search('漏水').total).toBe(1); // still in the description
    expect(numbers(search('阻塞'))).toEqual(['維-111-00002']);
    expect(search('男廁').total).toBe(0);
    await run('space.update', { id: 'hall', nameZh: '洽公大廳' });
    expect(numbers(search('洽公'))).toEqual(['維-111-00003']);
    expect(search('服務大廳').total).toBe(0);
  });

  it('finds tickets by the new name of their floor, building or site, and no longer by the old one', async () => {
    expect(numbers(search('3F'))).toEqual(['維-111-00004', '維-111-00002', '維-111-00001']);
    await run('floor.update', { id: 'f1', name: '夾層' });
    expect(numbers(search('夾層'))).toEqual(['維-111-00004', '維-111-00002', '維-111-00001']);
    expect(search('3F').total).toBe(0);

    await run('building.update', { id: 'b1', nameZh: '市政大樓' });
    expect(search('市政大樓').total).toBe(3);
    expect(search('行政大樓').total).toBe(0);

    await run('site.update', { id: 'fs', nameZh: '鳳山聯合服務中心' });
    expect(numbers(search('聯合服務'))).toEqual(['維-111-00003']);
    expect(search('鳳山行政').total).toBe(0);
  });

  it('finds a ticket at its new place when its space moves to another floor', async () => {
    await run('space.update', { id: 'hall', floorId: 'f1' });
    expect(numbers(search('四維 服務大廳'))).toEqual(['維-111-00003']);
    expect(search('鳳山').total).toBe(0);
  });

  it('indexes rows written by sync as well, and drops deleted ones', () => {
    const row = { ...records.getSync('ticket', 't1')!, id: 't9', number: '維-111-00099', subject: '消防灑水頭漏水' };
    records.putSync('ticket', row);
    expect(numbers(search('灑水'))).toEqual(['維-111-00099']);
    records.removeSync('ticket', 't9');
    expect(search('灑水').total).toBe(0);
  });

  it('searches within the filters', async () => {
    await run('ticket.transition', { id: 't2', changeId: 'z1', status: 'cancelled' }, tpe('2022-01-11', '10:00'));
    expect(numbers(queryTickets(db, { text: '冷', siteId: 'fs' }))).toEqual(['維-111-00003']);
    expect(queryTickets(db, { text: '冷', siteId: 'sw' }).total).toBe(0);
    expect(numbers(queryTickets(db, { text: '會議室', statuses: ['reported'] }))).toEqual(['維-111-00004', '維-111-00001']);
    expect(numbers(queryTickets(db, { text: '會議室', categories: ['elevator'], from: '2022-01-10', to: '2022-01-10' }))).toEqual(['維-111-00001']);
  });

  it('finds nothing for text with nothing to look for, and treats quotes as text', () => {
    expect(search('-').total).toBe(0);
    expect(search('"漏水').total).toBe(0);
    expect(search('   ').total).toBe(4);
  });

  it('lists at most 200 results newest first but tells the total found', async () => {
    for (let i = 0; i < 230; i++) await ticket(`bulk${i}`, { subject: `水塔清洗 ${i}` }, new Date(Date.parse(tpe('2022-02-01', '09:00')) + i * 60_000).toISOString());
    const page = queryTickets(db, { text: '水塔' }, undefined, 0, 500);
    expect(page.total).toBe(230);
    expect(page.capped).toBe(true);
    expect(page.rows).toHaveLength(200);
    expect(page.rows[0].subject).toBe('水塔清洗 229');
    expect(queryTickets(db, { text: '水塔' }, undefined, 150, 100).rows).toHaveLength(50);
  });
});

describe('ticket list', () => {
  beforeEach(async () => {
    await ticket('a', { category: 'elevator', priority: 'urgent' }, tpe('2022-01-10', '08:59'));
    await ticket('b', { category: 'plumbing', spaceId: 'hall' }, tpe('2022-01-31', '23:59'));
    await ticket('c', { category: 'hvac' }, tpe('2022-02-01', '00:00'));
    await run('ticket.transition', { id: 'a', changeId: 'x1', status: 'assigned', assigneeId: 'tech' }, tpe('2022-01-10', '10:00'));
  });

  it('filters by site, building, category, status, priority and assignee', () => {
    expect(numbers(queryTickets(db, { siteId: 'fs' }))).toEqual(['維-111-00002']);
    expect(numbers(queryTickets(db, { buildingId: 'b1' }))).toEqual(['維-111-00003', '維-111-00001']);
    expect(numbers(queryTickets(db, { categories: ['elevator', 'hvac'] }))).toEqual(['維-111-00003', '維-111-00001']);
    expect(numbers(queryTickets(db, { statuses: ['assigned'] }))).toEqual(['維-111-00001']);
    expect(numbers(queryTickets(db, { priorities: ['urgent'] }))).toEqual(['維-111-00001']);
    expect(numbers(queryTickets(db, { assigneeId: 'tech' }))).toEqual(['維-111-00001']);
    expect(queryTickets(db, { siteId: 'fs', categories: ['hvac'] }).total).toBe(0);
  });

  it('takes a date range as Taipei dates with both ends included', () => {
    expect(numbers(queryTickets(db, { from: '2022-01-31', to: '2022-01-31' }))).toEqual(['維-111-00002']);
    expect(numbers(queryTickets(db, { from: '2022-02-01' }))).toEqual(['維-111-00003']);
    expect(numbers(queryTickets(db, { to: '2022-01-10' }))).toEqual(['維-111-00001']);
  });

  it('shows overdue open tickets as of now', () => {
    // The urgent one is due 4 working hours after 08:59 on 2022-01-10: at 14:29, after lunch.
    expect(numbers(queryTickets(db, { overdue: true }, undefined, 0, 100, tpe('2022-01-10', '14:30')))).toEqual(['維-111-00001']);
    expect(queryTickets(db, { overdue: true }, undefined, 0, 100, tpe('2022-01-10', '14:28')).total).toBe(0);
  });

  it('sorts by reported time, due time or number and pages through', () => {
    expect(numbers(queryTickets(db, {}, { key: 'reportedAt', dir: 'asc' }))).toEqual(['維-111-00001', '維-111-00002', '維-111-00003']);
    expect(numbers(queryTickets(db, {}, { key: 'dueAt', dir: 'asc' }))[0]).toBe('維-111-00001');
    expect(numbers(queryTickets(db, {}, { key: 'number', dir: 'desc' }, 1, 1))).toEqual(['維-111-00002']);
    expect(queryTickets(db, {}, { key: 'number', dir: 'desc' }, 1, 1).total).toBe(3);
  });

  it("looks a ticket up by number, finds open ones at a place, and lists a technician's work", async () => {
    expect(ticketIdByNumber(db, '維-111-00002')).toBe('b');
    expect(ticketIdByNumber(db, '維-111-00009')).toBeNull();
    expect(openTicketsAt(db, 'room', 'elevator').map((r) => r.id)).toEqual(['a']);
    expect(openTicketsAt(db, 'room', 'fire')).toEqual([]);
    expect(workOf(db, 'tech').map((r) => r.id)).toEqual(['a']);
    await run('ticket.transition', { id: 'a', changeId: 'x2', status: 'cancelled' }, tpe('2022-01-10', '11:00'));
    expect(openTicketsAt(db, 'room', 'elevator')).toEqual([]);
    expect(workOf(db, 'tech')).toEqual([]);
  });
});
