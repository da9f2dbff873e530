/** Repair tickets through the mutation runner: numbers, due times, the life cycle, roles, comments and costs. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open';
import { casesHandled, ticketDetail } from '../../../db/queries/tickets';
import { newId } from '../../../domain/ids';
import type { TicketStatus } from '../../../domain/maintenance/tickets';
import { freshDb } from '../../../test/support/fresh-db';
import { MutationRunner, type Actor } from '../mutation-runner';
import { buildWorld, clerk, supervisor, tech, tech2, ticketArgs, tpe, viewer, world } from '../../../test/support/ticket-desk';

const count = (db: Db, table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;

describe('repair tickets', () => {
  let db: Db;
  let runner: MutationRunner;
  beforeEach(async () => {
    db = freshDb().db;
    runner = new MutationRunner(db);
    await buildWorld(runner);
  });

  async function create(over: Record<string, unknown> = {}, at = tpe('2022-01-10', '09:00'), actor: Actor = clerk) {
    const args = ticketArgs(over);
    const r = await runner.run('ticket.create', args, actor, at);
    return { r, id: String(args.id) };
  }

  async function move(id: string, to: TicketStatus, at: string, actor: Actor = clerk, extra: Record<string, unknown> = {}) {
    return runner.run('ticket.transition', { id, changeId: newId(), status: to, ...extra }, actor, at);
  }

  it('gives the first ticket of a fresh workstation the number 維-111-00001, the next 00002', async () => {
    const first = await create();
    const second = await create();
    expect(first.r.ok && second.r.ok).toBe(true);
    expect(runner.records.getSync('ticket', first.id)?.number).toBe('維-111-00001');
    expect(runner.records.getSync('ticket', second.id)?.number).toBe('維-111-00002');
  });

  it('files a ticket with its place in the tree, a due time in working hours and a first status change, with outbox and audit', async () => {
    const outboxBefore = count(db, 'outbox');
    const { r, id } = await create({ priority: 'urgent' }, tpe('2022-01-14', '16:00'));
    expect(r.ok).toBe(true);
    const t = runner.records.getSync('ticket', id)!;
    expect(t).toMatchObject({ status: 'reported', siteId: world.sites.siwei, buildingId: world.buildings.admin, reportedAt: tpe('2022-01-14', '16:00'), assigneeId: null, attachments: [] });
    // Urgent: 4 working hours from Friday 16:00 → 1.5 h on Friday, 2.5 h on Monday morning.
    expect(t.dueAt).toBe(tpe('2022-01-17', '11:00'));
    const detail = ticketDetail(db, id)!;
    expect(detail.changes).toMatchObject([{ fromStatus: null, toStatus: 'reported', userId: clerk.userId, at: tpe('2022-01-14', '16:00') }]);
    expect(count(db, 'outbox')).toBe(outboxBefore + 1);
    expect((db.$client.prepare("SELECT count(*) AS n FROM audit WHERE kind = 'ticket' AND record_id = ?").get(id) as { n: number }).n).toBe(1);
  });

  it('takes the due time from the SLA table and the working-day calendar', async () => {
    expect((await runner.run('slaRule.set', { category: 'elevator', priority: 'high', hours: 2 }, supervisor)).ok).toBe(true);
    await runner.run('calendarDay.set', { date: '2022-01-11', kind: 'holiday', name: '測試假日' }, supervisor);
    const { id } = await create({ category: 'elevator', priority: 'high' }, tpe('2022-01-10', '17:00'));
    expect(runner.records.getSync('ticket', id)!.dueAt).toBe(tpe('2022-01-12', '10:00'));
    // Raising the priority to urgent (default 4 h) moves the due time.
    expect((await runner.run('ticket.update', { id, priority: 'urgent' }, clerk)).ok).toBe(true);
    expect(runner.records.getSync('ticket', id)!.dueAt).toBe(tpe('2022-01-12', '12:00'));
  });

  it('refuses bad input naming the field and writes nothing, not even a number', async () => {
    const noSubject = await create({ subject: '  ' });
    expect(noSubject.r).toMatchObject({ ok: false, problem: { code: 'error.required', field: 'subject' }, message: '請填寫「標題」' });
    const archived = await create({ spaceId: world.spaces.archived });
    expect(archived.r).toMatchObject({ ok: false, problem: { code: 'error.archivedParent', field: 'spaceId' } });
    const badCategory = await create({ category: '冷氣' });
    expect(badCategory.r).toMatchObject({ ok: false, problem: { code: 'error.invalidChoice', field: 'category' } });
    const future = await create({ reportedAt: tpe('2022-01-11', '09:00') }, tpe('2022-01-10', '09:00'));
    expect(future.r).toMatchObject({ ok: false, problem: { code: 'maint.error.future', field: 'reportedAt' } });
    expect(count(db, 'ticket')).toBe(0);
    const ok = await create();
    expect(runner.records.getSync('ticket', ok.id)?.number).toBe('維-111-00001');
  });

  it('lets only the desk and technicians file tickets', async () => {
    expect((await create({}, undefined, viewer)).r).toMatchObject({ ok: false, problem: { code: 'error.forbidden' } });
    expect((await create({ source: 'inspection' }, undefined, tech)).r.ok).toBe(true);
  });

  it('walks 報修 → 派工 → 處理中 → 待料 → 完工 → 結案 with who and when at each step', async () => {
    const { id } = await create();
    expect(await move(id, 'assigned', tpe('2022-01-10', '09:10'))).toMatchObject({ ok: false, problem: { code: 'error.required', field: 'assigneeId' } });
    expect((await move(id, 'assigned', tpe('2022-01-10', '09:10'), clerk, { assigneeId: world.people.tech })).ok).toBe(true);
    expect((await move(id, 'in_progress', tpe('2022-01-10', '10:00'), tech)).ok).toBe(true);
    expect((await move(id, 'waiting_parts', tpe('2022-01-10', '11:00'), tech, { note: '等水龍頭零件' })).ok).toBe(true);
    expect((await move(id, 'in_progress', tpe('2022-01-12', '09:00'), tech)).ok).toBe(true);
    expect((await move(id, 'completed', tpe('2022-01-12', '10:30'), tech)).ok).toBe(true);
    expect((await move(id, 'closed', tpe('2022-01-13', '09:00'))).ok).toBe(true);

    const { ticket, changes } = ticketDetail(db, id)!;
    expect(ticket).toMatchObject({ status: 'closed', assigneeId: world.people.tech, completedAt: tpe('2022-01-12', '10:30'), closedAt: tpe('2022-01-13', '09:00') });
    expect(changes.map((c) => [c.fromStatus, c.toStatus, c.userId])).toEqual([
      [null, 'reported', clerk.userId],
      ['reported', 'assigned', clerk.userId],
      ['assigned', 'in_progress', tech.userId],
      ['in_progress', 'waiting_parts', tech.userId],
      ['waiting_parts', 'in_progress', tech.userId],
      ['in_progress', 'completed', tech.userId],
      ['completed', 'closed', clerk.userId],
    ]);
    expect(changes[3].note).toBe('等水龍頭零件');

    const again = await move(id, 'in_progress', tpe('2022-01-14', '09:00'));
    expect(again).toMatchObject({ ok: false, message: '報修單 維-111-00001 目前為「結案」，不能改為「處理中」' });
  });

  it('refuses skipped steps, assigning to someone who is not a technician or contractor, and going back in time', async () => {
    const { id } = await create();
    expect(await move(id, 'completed', tpe('2022-01-10', '10:00'))).toMatchObject({ ok: false, problem: { code: 'maint.error.transition' } });
    expect(await move(id, 'assigned', tpe('2022-01-10', '10:00'), clerk, { assigneeId: world.people.staff })).toMatchObject({ ok: false, message: '「周雅婷」不是技術人員或廠商人員，不能派工' });
    expect((await move(id, 'assigned', tpe('2022-01-10', '10:00'), clerk, { assigneeId: world.people.contractor })).ok).toBe(true);
    const early = await runner.run('ticket.transition', { id, changeId: newId(), status: 'in_progress', at: tpe('2022-01-10', '09:30') }, clerk, tpe('2022-01-10', '11:00'));
    expect(early).toMatchObject({ ok: false, problem: { code: 'maint.error.beforeLast' } });
    // Work done on site at 10:30 and recorded at 11:00 keeps the time it was done.
    const later = await runner.run('ticket.transition', { id, changeId: newId(), status: 'in_progress', at: tpe('2022-01-10', '10:30') }, clerk, tpe('2022-01-10', '11:00'));
    expect(later.ok).toBe(true);
    expect(ticketDetail(db, id)!.changes.at(-1)!.at).toBe(tpe('2022-01-10', '10:30'));
  });

  it('lets a technician move only tickets assigned to them, and never close or cancel', async () => {
    const { id } = await create();
    await move(id, 'assigned', tpe('2022-01-10', '09:10'), clerk, { assigneeId: world.people.tech });
    expect(await move(id, 'in_progress', tpe('2022-01-10', '10:00'), tech2)).toMatchObject({ ok: false, problem: { code: 'maint.error.notYours' } });
    expect(await move(id, 'cancelled', tpe('2022-01-10', '10:00'), tech)).toMatchObject({ ok: false, problem: { code: 'maint.error.notYours' } });
    expect((await runner.run('ticket.assign', { id, assigneeId: world.people.tech2 }, clerk)).ok).toBe(true);
    expect((await move(id, 'in_progress', tpe('2022-01-10', '10:05'), tech2)).ok).toBe(true);
  });

  it('reopens a completed ticket (完工 → 處理中) and the report counts it once, on its last completion', async () => {
    const { id } = await create({ category: 'hvac' });
    await move(id, 'assigned', tpe('2022-01-10', '09:10'), clerk, { assigneeId: world.people.tech });
    await move(id, 'in_progress', tpe('2022-01-10', '10:00'), tech);
    await move(id, 'completed', tpe('2022-01-28', '16:00'), tech);
    expect(casesHandled(db, { from: '2022-01-01', to: '2022-01-31' })).toMatchObject({ total: 1, bySite: { [world.sites.siwei]: { hvac: 1 } } });
    expect((await move(id, 'in_progress', tpe('2022-02-07', '09:00'))).ok).toBe(true);
    expect(runner.records.getSync('ticket', id)!.completedAt).toBeNull();
    expect(casesHandled(db, { from: '2022-01-01', to: '2022-01-31' }).total).toBe(0);
    await move(id, 'completed', tpe('2022-02-08', '15:00'), tech);
    expect(casesHandled(db, { from: '2022-01-01', to: '2022-01-31' }).total).toBe(0);
    expect(casesHandled(db, { from: '2022-02-01', to: '2022-02-28' }).total).toBe(1);
    expect(casesHandled(db, { from: '2022-01-01', to: '2022-02-28' }).total).toBe(1);
  });

  it('keeps a comments thread and labour, parts and cost lines; a closed ticket takes no more costs', async () => {
    const { id } = await create();
    await move(id, 'assigned', tpe('2022-01-10', '09:10'), clerk, { assigneeId: world.people.tech });
    const comment = newId();
    expect((await runner.run('ticketComment.add', { id: comment, ticketId: id, body: '已聯絡報修人，下午到場' }, tech, tpe('2022-01-10', '09:20'))).ok).toBe(true);
    expect((await runner.run('ticketComment.remove', { id: comment }, tech2)).ok).toBe(false);
    const labour = { id: newId(), ticketId: id, type: 'labour', description: '更換水管', quantity: 1.5, unit: '小時', personId: world.people.tech };
    expect((await runner.run('ticketCost.add', labour, tech)).ok).toBe(true);
    expect((await runner.run('ticketCost.add', { id: newId(), ticketId: id, type: 'part', description: 'PVC 水管', quantity: 2, unit: '支', unitPrice: 120 }, clerk)).ok).toBe(true);
    expect((await runner.run('ticketCost.add', { id: newId(), ticketId: id, type: 'part', description: '零件', quantity: 1 }, tech2)).ok).toBe(false);
    const detail = ticketDetail(db, id)!;
    expect(detail.comments).toMatchObject([{ body: '已聯絡報修人，下午到場', userId: tech.userId }]);
    expect(detail.costs.map((c) => [c.type, c.quantity, c.unitPrice])).toEqual([
      ['labour', 1.5, 0],
      ['part', 2, 120],
    ]);
    await move(id, 'in_progress', tpe('2022-01-10', '13:30'), tech);
    await move(id, 'completed', tpe('2022-01-10', '15:00'), tech);
    await move(id, 'closed', tpe('2022-01-11', '09:00'));
    expect(await runner.run('ticketCost.add', { ...labour, id: newId() }, clerk)).toMatchObject({ ok: false, message: '報修單 維-111-00001 已結案，不能再修改' });
    expect(await runner.run('ticket.update', { id, subject: '改標題' }, clerk)).toMatchObject({ ok: false, problem: { code: 'maint.error.final' } });
  });

  it('sets SLA hours in half hours, for administrators and supervisors only', async () => {
    expect(await runner.run('slaRule.set', { category: 'fire', priority: 'urgent', hours: 1.25 }, supervisor)).toMatchObject({ ok: false, problem: { field: 'hours' } });
    expect(await runner.run('slaRule.set', { category: 'fire', priority: 'urgent', hours: 2 }, clerk)).toMatchObject({ ok: false, problem: { code: 'error.forbidden' } });
    expect((await runner.run('slaRule.set', { category: 'fire', priority: 'urgent', hours: 1.5 }, supervisor)).ok).toBe(true);
    expect(runner.records.getSync('slaRule', 'fire:urgent')).toMatchObject({ hours: 1.5 });
  });

  it('links a new ticket to one that exists, and refuses a link to nothing', async () => {
    const { id } = await create();
    expect((await create({ relatedTicketId: id })).r.ok).toBe(true);
    expect((await create({ relatedTicketId: 'nope' })).r).toMatchObject({ ok: false, problem: { field: 'relatedTicketId' } });
  });
});
