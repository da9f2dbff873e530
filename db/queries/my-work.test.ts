/** A technician's work list on a real database: their tickets and their rounds, overdue first. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { MyWorkItem } from '../../domain/maintenance/my-work';
import { mutations, type MutationContext } from '../../domain/mutations';
import { freshDb } from '../../test/support/fresh-db';
import type { Db } from '../open';
import { SqliteRecords } from '../records';
import { myWork } from './my-work';

const tpe = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const clerk: MutationContext = { userId: 'u-clerk', roles: ['admin', 'maintenance_clerk'], clientId: 'c', at: tpe('2022-01-03', '08:00') };

let db: Db;
let records: SqliteRecords;

async function run(name: string, args: Record<string, unknown>, at = clerk.at) {
  const def = mutations.get(name)!;
  await def.apply(records, def.args.parse(args), { ...clerk, at });
}

const names = (items: MyWorkItem[]) => items.map((i) => (i.kind === 'ticket' ? i.ticket.subject : `${i.round.planName} ${i.round.dueOn}`));

beforeEach(async () => {
  db = freshDb().db;
  records = new SqliteRecords(db);
  await run('site.create', { id: 'dm', code: 'DM', nameZh: '市府員工宿舍', nameEn: '', address: '' });
  await run('building.create', { id: 'ly', siteId: 'dm', code: 'LY', nameZh: '苓雅眷舍', nameEn: '' });
  await run('floor.create', { id: 'ly1', buildingId: 'ly', name: '1F' });
  await run('space.create', { id: 'beds', floorId: 'ly1', nameZh: '眷舍花圃', kind: 'outdoor' });
  await run('person.create', { id: 'tech', name: '張文雄', kind: 'technician' });
  await run('person.create', { id: 'other', name: '許志偉', kind: 'technician' });
  const plan = { category: 'other', startOn: '2022-01-01', spaceIds: ['beds'], checklist: [{ id: 'c1', text: '花圃低窪處無積水' }] };
  // Mondays, two days' grace: the round of 1/3 is overdue on 1/12, the one of 1/10 still not.
  await run('inspectionPlan.create', { ...plan, id: 'dengue', name: '登革熱巡檢', recurrence: { freq: 'weekly', interval: 1, weekdays: [1] }, graceDays: 2, assigneeId: 'tech' });
  await run('inspectionPlan.create', { ...plan, id: 'pumps', name: '泵浦月保養', recurrence: { freq: 'monthly', interval: 1, day: 20 }, graceDays: 0, assigneeId: 'other' });
  await run('inspectionRound.generate', { from: '2022-01-01', to: '2022-03-31' });
  for (const [id, subject, priority, at] of [
    ['t1', '水塔浮球故障', 'urgent', tpe('2022-01-11', '09:00')],
    ['t2', '宿舍燈管不亮', 'normal', tpe('2022-01-12', '09:00')],
  ] as const) {
    await run('ticket.create', { id, number: `維-111-0000${id.slice(1)}`, spaceId: 'beds', category: 'plumbing', priority, subject }, at);
    await run('ticket.transition', { id, changeId: `${id}-x`, status: 'assigned', assigneeId: 'tech' }, at);
  }
});

describe('my work', () => {
  it("lists the technician's tickets and rounds due within two weeks, overdue first, then by due time", () => {
    // 111/1/12 10:00: 水塔浮球故障 (urgent, reported 1/11 09:00) is past its due time; 宿舍燈管不亮 is due on 1/17.
    const list = myWork(db, 'tech', tpe('2022-01-12', '10:00'));
    expect(names(list)).toEqual(['登革熱巡檢 2022-01-03', '水塔浮球故障', '登革熱巡檢 2022-01-10', '宿舍燈管不亮', '登革熱巡檢 2022-01-17', '登革熱巡檢 2022-01-24']);
    expect(list.filter((i) => i.kind === 'round').every((i) => i.kind === 'round' && i.round.assigneeId === 'tech')).toBe(true);
  });

  it("leaves out rounds done and other people's rounds", async () => {
    await run('inspectionRound.passRemaining', { id: 'round:dengue:2022-01-03' }, tpe('2022-01-12', '09:00'));
    await run('inspectionRound.complete', { id: 'round:dengue:2022-01-03' }, tpe('2022-01-12', '09:30'));
    const list = myWork(db, 'tech', tpe('2022-01-12', '10:00'));
    expect(names(list)).not.toContain('登革熱巡檢 2022-01-03');
    expect(names(myWork(db, 'other', tpe('2022-01-12', '10:00')))).toEqual(['泵浦月保養 2022-01-20']);
  });
});
