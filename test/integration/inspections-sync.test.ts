/**
 * Inspection rounds through the sync server: rounds that two workstations made on their
 * own, offline, for the same plan and window reach the server once each (their ids derive
 * from plan and date, and the server re-runs generate, which makes only what is missing);
 * one checklist item recorded on both ends stays one record.
 */
import { expect, it } from 'vitest';
import { describeEachEngine, replay, site, startHarness } from '../support/server-harness';

const SETUP: [string, Record<string, unknown>][] = [
  ['site.create', site('dm', 'DM', '市府員工宿舍')],
  ['building.create', { id: 'ly', siteId: 'dm', code: 'LY', nameZh: '苓雅眷舍', nameEn: '' }],
  ['floor.create', { id: 'ly1', buildingId: 'ly', name: '1F' }],
  ['space.create', { id: 'beds', floorId: 'ly1', nameZh: '眷舍花圃', kind: 'outdoor' }],
  ['person.create', { id: 'p-tech', name: '楊明哲', kind: 'technician' }],
  [
    'inspectionPlan.create',
    {
      id: 'plan-dengue',
      name: '登革熱孳生源巡檢',
      category: 'other',
      recurrence: { freq: 'weekly', interval: 1, weekdays: [1] },
      startOn: '2022-01-01',
      spaceIds: ['beds'],
      checklist: [{ id: 'c1', text: '戶外積水容器已清除' }],
      assigneeId: 'p-tech',
    },
  ],
];

describeEachEngine('inspection rounds through sync', (open) => {
  it('rounds made offline on two workstations for one window are kept once each, and the second generate is no refusal', async () => {
    const h = await startHarness(await open());
    const [a, b] = [await h.workstation('desk A'), await h.workstation('desk B')];
    const setup = SETUP.map(([name, args]) => a.outbox(name, args));
    expect((await a.push(setup)).body).toMatchObject({ processed: setup.length });

    const window = { from: '2022-01-01', to: '2022-01-31' };
    expect((await a.push([a.outbox('inspectionRound.generate', window)])).body).toMatchObject({ processed: 1 });
    // B made the same rounds on its own before it heard of A's.
    expect((await b.push([b.outbox('inspectionRound.generate', window)])).body).toMatchObject({ processed: 1 });

    const pages = await b.pullAll();
    expect(pages.flatMap((p) => p.refusals)).toEqual([]);
    const rounds = [...replay(pages).entries()].filter(([k]) => k.startsWith('inspectionRound/'));
    expect(rounds.map(([, r]) => r.id).sort()).toEqual(['2022-01-03', '2022-01-10', '2022-01-17', '2022-01-24', '2022-01-31'].map((d) => `round:plan-dengue:${d}`));
  });

  it('one item recorded on two workstations stays one record: the later push has the last word', async () => {
    const h = await startHarness(await open());
    const [a, b] = [await h.workstation('desk A'), await h.workstation('desk B')];
    await a.push([...SETUP.map(([name, args]) => a.outbox(name, args)), a.outbox('inspectionRound.generate', { from: '2022-01-10', to: '2022-01-10' })]);
    const item = { roundId: 'round:plan-dengue:2022-01-10', spaceId: 'beds', itemId: 'c1' };
    expect((await a.push([a.outbox('inspectionItem.record', { ...item, outcome: 'pass' })])).body).toMatchObject({ processed: 1 });
    expect((await b.push([b.outbox('inspectionItem.record', { ...item, outcome: 'fail', note: '花盆底盤積水' })])).body).toMatchObject({ processed: 1 });
    const state = replay(await a.pullAll());
    const results = [...state.entries()].filter(([k]) => k.startsWith('inspectionResult/'));
    expect(results).toHaveLength(1);
    expect(results[0][1]).toMatchObject({ id: 'round:plan-dengue:2022-01-10/beds/c1', outcome: 'fail', note: '花盆底盤積水' });
  });
});
