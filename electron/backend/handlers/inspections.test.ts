import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/fresh-db';
import type { Actor } from '../mutation-runner';
import { Workstation } from '../workstation';
import { signInAs } from '../../../test/support/sign-in';

const open: Workstation[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

const clerk: Actor = { userId: 'u-clerk', roles: ['maintenance_clerk'], locale: 'zh-TW' };
const tech: Actor = { userId: 'u-tech', roles: ['technician'], locale: 'zh-TW' };
const viewer: Actor = { userId: 'u-viewer', roles: ['viewer'], locale: 'zh-TW' };
/** Monday 2022-01-10, 09:00 Taipei. */
const NOW = '2022-01-10T01:00:00.000Z';

function count(ws: Workstation, table: string): number {
  return (ws.db.$client.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

async function run(ws: Workstation, name: string, args: object, actor: Actor = clerk, at = NOW) {
  return ws.runner.run(name, args, actor, at);
}

async function ok(ws: Workstation, name: string, args: object, actor: Actor = clerk, at = NOW) {
  const r = await run(ws, name, args, actor, at);
  if (!r.ok) throw new Error(`${name}: ${r.message}`);
  return r;
}

/** A workstation with two dormitory places, a technician, a clerk and the Lunar New Year off. */
async function workstation(): Promise<Workstation> {
  const ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
  open.push(ws);
  const admin: Actor = { userId: 'system', roles: ['admin'], locale: 'zh-TW' };
  const batch = [
    { name: 'site.create', args: { id: 'dm', code: 'DM', nameZh: '市府員工宿舍', nameEn: '', address: '' } },
    { name: 'building.create', args: { id: 'ly', siteId: 'dm', code: 'LY', nameZh: '苓雅眷舍', nameEn: '' } },
    { name: 'floor.create', args: { id: 'ly1', buildingId: 'ly', name: '1F' } },
    { name: 'space.create', args: { id: 'house-a', floorId: 'ly1', nameZh: '眷舍甲棟', kind: 'dormitory' } },
    { name: 'space.create', args: { id: 'beds', floorId: 'ly1', nameZh: '眷舍花圃', kind: 'outdoor' } },
    { name: 'person.create', args: { id: 'p-tech', name: '張文雄', kind: 'technician' } },
    { name: 'person.create', args: { id: 'p-staff', name: '蔡佩珊', kind: 'staff' } },
    {
      name: 'calendar.importYear',
      args: { year: 2022, source: 'test', days: ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'].map((date) => ({ date, kind: 'holiday', name: '春節' })) },
    },
  ];
  const r = await ws.runner.runBatch(batch, admin, NOW);
  if (!r.ok) throw new Error(r.message);
  await signInAs(ws, ['maintenance_clerk']);
  return ws;
}

const dengue = {
  id: 'plan-dengue',
  name: '登革熱孳生源巡檢',
  category: 'other',
  recurrence: { freq: 'weekly', interval: 1, weekdays: [1] },
  startOn: '2022-01-01',
  spaceIds: ['house-a', 'beds'],
  checklist: [
    { id: 'c1', text: '戶外積水容器已清除' },
    { id: 'c2', text: '花圃低窪處無積水' },
  ],
  assigneeId: 'p-tech',
};

describe('inspection plans and rounds', () => {
  it('makes the rounds due in a window once, with ids from plan and date, moved off holidays', async () => {
    const ws = await workstation();
    await ok(ws, 'inspectionPlan.create', dengue);
    expect(await ws.call('inspections.missing', { from: '2022-01-24', to: '2022-02-14' })).toEqual({ count: 3 });
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-24', to: '2022-02-14' }, tech);
    const rounds = await ws.call('inspections.rounds', { from: '2022-01-24', to: '2022-02-14' });
    // Monday 1/31 is a holiday: that round moves onto 2/7, where 2/7's own round already is.
    expect(rounds.map((r) => [r.id, r.dueOn])).toEqual([
      ['round:plan-dengue:2022-01-24', '2022-01-24'],
      ['round:plan-dengue:2022-02-07', '2022-02-07'],
      ['round:plan-dengue:2022-02-14', '2022-02-14'],
    ]);
    expect(rounds[0]).toMatchObject({ planName: '登革熱孳生源巡檢', status: 'open', assigneeId: 'p-tech', total: 4, recorded: 0, failed: 0 });

    // Again, here or on another workstation: nothing new.
    expect(await ws.call('inspections.missing', { from: '2022-01-24', to: '2022-02-14' })).toEqual({ count: 0 });
    const before = count(ws, 'inspection_round');
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-01', to: '2022-02-14' });
    expect(count(ws, 'inspection_round')).toBe(before + 3); // 1/3, 1/10, 1/17 only
  });

  it('two workstations that make the same rounds offline agree on every id', async () => {
    const [a, b] = [await workstation(), await workstation()];
    for (const ws of [a, b]) {
      await ok(ws, 'inspectionPlan.create', dengue);
      await ok(ws, 'inspectionRound.generate', { from: '2022-01-01', to: '2022-03-31' });
    }
    const ids = (ws: Workstation) =>
      ws.runner.records
        .findSync('inspectionRound', {})
        .map((r) => r.id)
        .sort();
    expect(ids(a)).toHaveLength(12);
    expect(ids(b)).toEqual(ids(a));
  });

  it('a round is recorded item by item, completed only when every item is in, and then closed to changes', async () => {
    const ws = await workstation();
    await ok(ws, 'inspectionPlan.create', dengue);
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-10', to: '2022-01-10' });
    const id = 'round:plan-dengue:2022-01-10';
    await ok(ws, 'inspectionItem.record', { roundId: id, spaceId: 'beds', itemId: 'c2', outcome: 'fail', note: '花圃東側積水' }, tech);
    const refused = await run(ws, 'inspectionRound.complete', { id }, tech);
    expect(refused).toMatchObject({ ok: false, message: '還有 3 個項目尚未記錄' });

    // Recording an item again changes it rather than adding another.
    await ok(ws, 'inspectionItem.record', { roundId: id, spaceId: 'beds', itemId: 'c2', outcome: 'pass' }, tech);
    await ok(ws, 'inspectionItem.record', { roundId: id, spaceId: 'beds', itemId: 'c2', outcome: 'fail' }, tech);
    await ok(ws, 'inspectionRound.passRemaining', { id }, tech);
    const detail = await ws.call('inspections.round', { id });
    expect(detail?.results).toHaveLength(4);
    expect(detail?.results.find((r) => r.itemId === 'c2' && r.spaceId === 'beds')).toMatchObject({ outcome: 'fail', note: '花圃東側積水', recordedBy: 'u-tech' });
    expect(detail?.round).toMatchObject({ recorded: 4, failed: 1 });

    await ok(ws, 'inspectionRound.complete', { id }, tech, '2022-01-10T06:30:00.000Z');
    expect(await ws.call('records.get', { kind: 'inspectionRound', id })).toMatchObject({ status: 'done', completedAt: '2022-01-10T06:30:00.000Z', completedBy: 'u-tech' });
    expect(await run(ws, 'inspectionItem.record', { roundId: id, spaceId: 'beds', itemId: 'c1', outcome: 'fail' }, tech)).toMatchObject({
      ok: false,
      message: '這張巡檢單已完成或已略過；要修改請先重新開啟',
    });
    // Technicians do not reopen; the desk does.
    expect(await run(ws, 'inspectionRound.reopen', { id }, tech)).toMatchObject({ ok: false, problem: { code: 'error.forbidden' } });
    await ok(ws, 'inspectionRound.reopen', { id });
    expect(await ws.call('records.get', { kind: 'inspectionRound', id })).toMatchObject({ status: 'open', completedAt: null });
  });

  it('a round done on paper is entered with the time it was done, never a time to come', async () => {
    const ws = await workstation();
    await ok(ws, 'inspectionPlan.create', dengue);
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-03', to: '2022-01-03' });
    const id = 'round:plan-dengue:2022-01-03';
    await ok(ws, 'inspectionRound.passRemaining', { id });
    expect(await run(ws, 'inspectionRound.complete', { id, completedAt: '2022-01-11T01:00:00.000Z' })).toMatchObject({ ok: false, problem: { field: 'completedAt' } });
    await ok(ws, 'inspectionRound.complete', { id, completedAt: '2022-01-03T10:00:00+08:00' });
    expect(ws.runner.records.getSync('inspectionRound', id)?.completedAt).toBe('2022-01-03T02:00:00.000Z');
  });

  it('skipping needs a reason; a skipped round is not overdue work', async () => {
    const ws = await workstation();
    await ok(ws, 'inspectionPlan.create', dengue);
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-03', to: '2022-01-03' });
    const id = 'round:plan-dengue:2022-01-03';
    expect(await run(ws, 'inspectionRound.skip', { id, reason: ' ' })).toMatchObject({ ok: false, problem: { code: 'error.required', field: 'reason' } });
    await ok(ws, 'inspectionRound.skip', { id, reason: '颱風停止上班' });
    expect(await ws.call('inspections.rounds', { statuses: ['open'] })).toEqual([]);
  });

  it('editing a plan remakes the rounds to come that nobody started; started and past ones stay', async () => {
    const ws = await workstation();
    await ok(ws, 'inspectionPlan.create', dengue);
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-03', to: '2022-01-24' });
    await ok(ws, 'inspectionItem.record', { roundId: 'round:plan-dengue:2022-01-17', spaceId: 'beds', itemId: 'c1', outcome: 'pass' });
    const checklist = [...dengue.checklist, { id: 'c3', text: '水溝暢通' }];
    await ok(ws, 'inspectionPlan.update', { id: dengue.id, checklist });
    // Today is 1/10: 1/3 is past, 1/17 was started, 1/10 and 1/24 are remade.
    expect(await ws.call('inspections.missing', { from: '2022-01-03', to: '2022-01-24' })).toEqual({ count: 2 });
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-03', to: '2022-01-24' });
    const items = (id: string) => ws.runner.records.getSync('inspectionRound', `round:plan-dengue:${id}`)?.checklist.length;
    expect(['2022-01-03', '2022-01-10', '2022-01-17', '2022-01-24'].map(items)).toEqual([2, 3, 2, 3]);

    await ok(ws, 'inspectionPlan.archive', { id: dengue.id });
    expect(
      ws.runner.records
        .findSync('inspectionRound', {})
        .map((r) => r.scheduledOn)
        .sort(),
    ).toEqual(['2022-01-03', '2022-01-17']);
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-03', to: '2022-01-31' });
    expect(count(ws, 'inspection_round')).toBe(2);
  });

  it('refuses a plan that cannot work, naming the field, and writes nothing', async () => {
    const ws = await workstation();
    const before = count(ws, 'outbox');
    expect(await run(ws, 'inspectionPlan.create', { ...dengue, assigneeId: 'p-staff' })).toMatchObject({
      ok: false,
      problem: { field: 'assigneeId' },
      message: '「蔡佩珊」不是技術人員或廠商人員，不能負責巡檢',
    });
    expect(await run(ws, 'inspectionPlan.create', { ...dengue, endOn: '2021-12-31' })).toMatchObject({ ok: false, problem: { field: 'endOn' } });
    expect(await run(ws, 'inspectionPlan.create', { ...dengue, endOn: '2022-12-31', endAfter: 10 })).toMatchObject({ ok: false, problem: { field: 'endAfter' } });
    expect(await run(ws, 'inspectionPlan.create', { ...dengue, spaceIds: ['nowhere'] })).toMatchObject({ ok: false, problem: { code: 'error.notFound', field: 'spaceIds' } });
    expect(await run(ws, 'inspectionPlan.create', { ...dengue, checklist: [] })).toMatchObject({ ok: false, problem: { code: 'error.required', field: 'checklist' } });
    expect(await run(ws, 'inspectionPlan.create', { ...dengue, checklist: [dengue.checklist[0], dengue.checklist[0]] })).toMatchObject({ ok: false, problem: { field: 'checklist' } });
    expect(await run(ws, 'inspectionPlan.create', { ...dengue, recurrence: { freq: 'weekly', interval: 1, weekdays: [] } })).toMatchObject({ ok: false, problem: { field: 'recurrence.weekdays' } });
    expect(await run(ws, 'inspectionPlan.create', dengue, viewer)).toMatchObject({ ok: false, problem: { code: 'error.forbidden' } });
    expect(await run(ws, 'inspectionRound.generate', { from: '2022-01-31', to: '2022-01-01' })).toMatchObject({ ok: false, problem: { field: 'to' } });
    expect(count(ws, 'outbox')).toBe(before);
    expect(count(ws, 'inspection_plan')).toBe(0);
  });

  it('a space with inspection records, or a plan with rounds, is archived, not deleted', async () => {
    const ws = await workstation();
    await ok(ws, 'inspectionPlan.create', dengue);
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-10', to: '2022-01-10' });
    await ok(ws, 'inspectionItem.record', { roundId: 'round:plan-dengue:2022-01-10', spaceId: 'beds', itemId: 'c1', outcome: 'pass' });
    const admin: Actor = { userId: 'system', roles: ['admin'], locale: 'zh-TW' };
    expect(await run(ws, 'space.delete', { id: 'beds' }, admin)).toMatchObject({ ok: false, problem: { code: 'error.inUse' } });
    expect(await run(ws, 'inspectionPlan.delete', { id: dengue.id })).toMatchObject({ ok: false, problem: { code: 'error.inUse' } });
  });

  it('counts for the period report the rounds done inside it (Taipei dates) and the projects completed', async () => {
    const ws = await workstation();
    await ok(ws, 'inspectionPlan.create', dengue);
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-03', to: '2022-01-10' });
    for (const [date, completedAt] of [
      ['2022-01-03', '2022-01-03T15:59:00.000Z'], // 1/3 23:59 Taipei
      ['2022-01-10', '2022-01-03T16:00:00.000Z'], // 1/4 00:00 Taipei
    ]) {
      await ok(ws, 'inspectionRound.passRemaining', { id: `round:plan-dengue:${date}` });
      await ok(ws, 'inspectionRound.complete', { id: `round:plan-dengue:${date}`, completedAt });
    }
    await ok(ws, 'project.create', { id: 'pj', name: '宿舍拆除', status: 'completed', actualStart: '2021-07-13', actualEnd: '2022-01-03' });
    expect(await ws.call('inspections.figures', { from: '2021-12-01', to: '2022-01-03' })).toMatchObject({
      roundsDone: 1,
      roundsDoneByPlan: { 'plan-dengue': 1 },
      projectsCompleted: 1,
      projectIds: ['pj'],
    });
    expect(await ws.call('inspections.figures', { from: '2022-01-04', to: '2022-01-31' })).toMatchObject({ roundsDone: 1, projectsCompleted: 0 });
  });

  it('lists for the report the very rounds and projects it counts, on their Taipei dates', async () => {
    const ws = await workstation();
    await ok(ws, 'inspectionPlan.create', dengue);
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-03', to: '2022-01-17' });
    for (const [date, completedAt] of [
      ['2022-01-03', '2022-01-03T15:59:00.000Z'], // 1/3 23:59 Taipei
      ['2022-01-10', '2022-01-03T16:00:00.000Z'], // 1/4 00:00 Taipei
    ]) {
      await ok(ws, 'inspectionRound.passRemaining', { id: `round:plan-dengue:${date}` });
      await ok(ws, 'inspectionRound.complete', { id: `round:plan-dengue:${date}`, completedAt });
    }
    // The round of 1/17 is left open: it is counted nowhere and listed nowhere.
    await ok(ws, 'project.create', { id: 'pj', name: '宿舍拆除', status: 'completed', actualStart: '2021-07-13', actualEnd: '2022-01-03' });
    await ok(ws, 'project.create', { id: 'pj-later', name: '眷舍屋頂防水', status: 'in_progress', actualStart: '2021-12-01' });
    const period = { from: '2021-12-01', to: '2022-01-03' };
    const rounds = await ws.call('report.records', { ...period, figure: 'inspection_rounds' });
    const projects = await ws.call('report.records', { ...period, figure: 'projects' });
    const figures = await ws.call('inspections.figures', period);
    expect([rounds.rows.length, projects.rows.length]).toEqual([figures.roundsDone, figures.projectsCompleted]);
    expect(rounds.rows).toEqual([
      {
        id: 'round:plan-dengue:2022-01-03',
        date: '2022-01-03',
        siteId: 'dm',
        cells: { plan: '登革熱孳生源巡檢', dueOn: '2022-01-03', completedAt: '2022-01-03T15:59:00.000Z', assignee: '張文雄', site: '市府員工宿舍' },
      },
    ]);
    expect(projects.rows).toEqual([{ id: 'pj', date: '2022-01-03', cells: { project: '宿舍拆除', plannedEnd: null, actualStart: '2021-07-13', actualEnd: '2022-01-03' } }]);
    const january = { from: '2022-01-04', to: '2022-01-31' };
    expect((await ws.call('inspections.figureRecords', { ...january, figure: 'inspection_rounds' })).rows.map((r) => [r.id, r.date])).toEqual([['round:plan-dengue:2022-01-10', '2022-01-04']]);
    expect((await ws.call('inspections.figureRecords', { ...january, figure: 'projects' })).rows).toEqual([]);
    await expect(ws.call('inspections.figureRecords', { ...january, figure: 'repair_cases' })).rejects.toThrow('inspections.figureRecords: figure is not valid');
  });
});

describe('a failed item opens a repair ticket', () => {
  it('in one action: the item fails, a numbered ticket of source 巡檢 is filed at that place, linked both ways', async () => {
    const ws = await workstation();
    await ok(ws, 'asset.create', { id: 'pump', code: 'PU-01', name: '揚水泵浦', kind: 'pump', spaceId: 'beds' });
    await ok(ws, 'inspectionPlan.create', dengue);
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-10', to: '2022-01-10' });
    const roundId = 'round:plan-dengue:2022-01-10';
    const before = count(ws, 'outbox');
    await ok(
      ws,
      'inspectionItem.openTicket',
      { roundId, spaceId: 'beds', itemId: 'c2', note: '花圃東側積水，排水孔堵塞', ticketId: 't-1', subject: '花圃排水孔堵塞', category: 'civil', assetId: 'pump' },
      tech,
    );
    expect(count(ws, 'outbox')).toBe(before + 1);
    const result = ws.runner.records.getSync('inspectionResult', `${roundId}/beds/c2`);
    expect(result).toMatchObject({ outcome: 'fail', note: '花圃東側積水，排水孔堵塞', ticketId: 't-1' });
    const ticket = ws.runner.records.getSync('ticket', 't-1');
    expect(ticket).toMatchObject({
      spaceId: 'beds',
      category: 'civil',
      priority: 'normal',
      status: 'reported',
      source: 'inspection',
      roundId,
      assetId: 'pump',
      subject: '花圃排水孔堵塞',
      description: '花圃東側積水，排水孔堵塞',
    });
    expect(ticket?.number).toMatch(/^維-111-\d{5}$/);

    // The ticket shows in the tickets list, on the round and in the asset's history.
    const page = await ws.call('tickets.page', { filter: {}, sort: { key: 'reportedAt', dir: 'desc' }, offset: 0, limit: 10 });
    expect(JSON.stringify(page)).toContain(ticket!.number);
    expect((await ws.call('inspections.round', { id: roundId }))?.tickets.map((t) => t.number)).toEqual([ticket!.number]);
    expect((await ws.call('assets.history', { id: 'pump' })).tickets.map((t) => t.id)).toEqual(['t-1']);

    // Once is enough, and the item stays failed while its ticket exists.
    expect(await run(ws, 'inspectionItem.openTicket', { roundId, spaceId: 'beds', itemId: 'c2', ticketId: 't-2', subject: 'x', category: 'civil' }, tech)).toMatchObject({
      ok: false,
      message: '這個項目已經開立過報修單',
    });
    expect(await run(ws, 'inspectionItem.record', { roundId, spaceId: 'beds', itemId: 'c2', outcome: 'pass' }, tech)).toMatchObject({ ok: false, problem: { code: 'inspection.error.hasTicket' } });
    expect(ws.runner.records.getSync('ticket', 't-2')).toBeUndefined();
  });

  it("an item's photos are kept with it and go with the ticket it opens", async () => {
    const ws = await workstation();
    await ok(ws, 'inspectionPlan.create', dengue);
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-10', to: '2022-01-10' });
    const roundId = 'round:plan-dengue:2022-01-10';
    const photo = { sha256: 'ab'.repeat(32), name: '花圃積水.jpg', size: 102_400, type: 'image/jpeg' };
    await ok(ws, 'inspectionItem.record', { roundId, spaceId: 'beds', itemId: 'c2', outcome: 'fail', photos: [photo] }, tech);
    expect(await run(ws, 'inspectionItem.record', { roundId, spaceId: 'beds', itemId: 'c2', outcome: 'fail', photos: [{ ...photo, sha256: 'not-a-hash' }] }, tech)).toMatchObject({
      ok: false,
      problem: { field: 'photos.0.sha256' },
    });
    await ok(ws, 'inspectionItem.openTicket', { roundId, spaceId: 'beds', itemId: 'c2', ticketId: 't-1', subject: '花圃積水', category: 'civil' }, tech);
    expect(ws.runner.records.getSync('inspectionResult', `${roundId}/beds/c2`)?.photos).toEqual([photo]);
    expect(ws.runner.records.getSync('ticket', 't-1')?.attachments).toEqual([photo]);
  });

  it('a refused ticket leaves the item as it was', async () => {
    const ws = await workstation();
    await ok(ws, 'inspectionPlan.create', dengue);
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-10', to: '2022-01-10' });
    const roundId = 'round:plan-dengue:2022-01-10';
    const r = await run(ws, 'inspectionItem.openTicket', { roundId, spaceId: 'beds', itemId: 'c2', ticketId: 't-1', subject: '積水', category: 'civil', reportedAt: '2030-01-01T00:00:00.000Z' }, tech);
    expect(r).toMatchObject({ ok: false, problem: { field: 'reportedAt' } });
    expect(count(ws, 'inspection_result')).toBe(0);
    expect(count(ws, 'ticket')).toBe(0);
    expect(await run(ws, 'inspectionItem.openTicket', { roundId, spaceId: 'beds', itemId: 'c2', ticketId: 't-1', subject: '積水', category: 'civil' }, viewer)).toMatchObject({
      ok: false,
      problem: { code: 'error.forbidden' },
    });
  });
});

describe('projects and assets', () => {
  it('a project keeps its dates and status in step, and its phases hang under it', async () => {
    const ws = await workstation();
    expect(await run(ws, 'project.create', { id: 'pj', name: '電梯整修 第五期', status: 'completed', actualStart: '2021-10-01' })).toMatchObject({ ok: false, problem: { field: 'actualEnd' } });
    await ok(ws, 'project.create', { id: 'pj', name: '電梯整修 第五期', status: 'in_progress', budget: 12_000_000, plannedStart: '2021-09-15', plannedEnd: '2021-12-31', actualStart: '2021-10-01' });
    expect(await run(ws, 'project.update', { id: 'pj', actualEnd: '2021-12-10' })).toMatchObject({ ok: false, problem: { field: 'status' } });
    await ok(ws, 'project.update', { id: 'pj', actualEnd: '2021-12-10', status: 'completed' });
    await ok(ws, 'projectPhase.create', { id: 'ph1', projectId: 'pj', seq: 1, name: '一號貨梯', actualStart: '2021-10-01', actualEnd: '2021-11-12' });
    expect(await run(ws, 'projectPhase.create', { id: 'ph2', projectId: 'nope', name: '二號貨梯' })).toMatchObject({ ok: false, problem: { code: 'error.notFound', field: 'projectId' } });
    expect(await run(ws, 'project.delete', { id: 'pj' })).toMatchObject({ ok: false, problem: { code: 'error.inUse' } });
  });

  it('an asset sits at a space; its history holds the rounds of the plans that look after it', async () => {
    const ws = await workstation();
    await ok(ws, 'asset.create', { id: 'pump', code: 'PU-01', name: '揚水泵浦', kind: 'pump', spaceId: 'house-a' });
    expect(await run(ws, 'asset.create', { id: 'pump2', code: 'PU-01', name: '另一台', kind: 'pump', spaceId: 'house-a' })).toMatchObject({ ok: false, problem: { code: 'error.duplicate' } });
    await ok(ws, 'inspectionPlan.create', { ...dengue, id: 'plan-pump', name: '泵浦月保養', recurrence: { freq: 'monthly', interval: 1, day: 5 }, assetIds: ['pump'] });
    await ok(ws, 'inspectionPlan.create', dengue);
    await ok(ws, 'inspectionRound.generate', { from: '2022-01-01', to: '2022-02-28' });
    const history = await ws.call('assets.history', { id: 'pump' });
    expect(history.rounds.map((r) => r.id)).toEqual(['round:plan-pump:2022-02-05', 'round:plan-pump:2022-01-05']);
    expect(history.rounds[0].dueOn).toBe('2022-02-07');
    expect(history.tickets).toEqual([]);
  });
});

describe('the demo', () => {
  it('holds the plans of the report period with their rounds of 110/9/1–111/1/31 done, and the four projects completed then', async () => {
    const ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
    open.push(ws);
    expect(await ws.call('demo.load', {})).toMatchObject({ ok: true });
    await signInAs(ws, ['supervisor']);
    const plans = ws.runner.records.findSync('inspectionPlan', {});
    expect(plans.map((p) => p.name)).toEqual(expect.arrayContaining(['登革熱孳生源巡檢（宿舍及花圃）', '電梯每月保養', '消防安全設備年度檢修', '空調濾網季清洗', '各機關環境整潔評比']));
    expect(plans.find((p) => p.name === '各機關環境整潔評比')?.spaceIds).toHaveLength(ws.runner.records.findSync('agency', {}).length);

    const figures = await ws.call('inspections.figures', { from: '2021-09-01', to: '2022-01-31' });
    // 21 weekly patrols, 5 elevator visits, 1 fire-safety inspection, 2 filter cleanings, 2 evaluations.
    expect(figures.roundsDone).toBe(31);
    const projects = ws.runner.records.findSync('project', {});
    expect(figures.projectIds.map((id) => projects.find((p) => p.id === id)?.name).sort()).toEqual([
      '中央空調系統汰換工程',
      '大禮堂牆面整修（耐燃一級）',
      '老舊眷舍拆除工程（四戶）',
      '電梯整修 第五期',
    ]);
    expect(projects.find((p) => p.name === '電梯整修 第五期')).toMatchObject({ actualEnd: '2021-12-10' });
    expect(projects.find((p) => p.name === '老舊眷舍拆除工程（四戶）')).toMatchObject({ actualStart: '2021-07-13', actualEnd: '2021-09-23' });

    // The evaluation ran in 110/11 and 111/1; a finding at an elevator opened a ticket on that elevator.
    const evaluation = await ws.call('inspections.rounds', { planId: 'demo-plan-cleanliness', from: '2021-09-01', to: '2022-01-31' });
    expect(evaluation.map((r) => r.dueOn)).toEqual(['2021-11-17', '2022-01-19']);
    const history = await ws.call('assets.history', { id: 'demo-asset-FS-EL-B2' });
    expect(history.tickets.map((t) => [t.number, t.status])).toEqual([['維-110-00001', 'closed']]);
  });
});
