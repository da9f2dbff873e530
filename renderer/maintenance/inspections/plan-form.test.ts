import { describe, expect, it } from 'vitest';
import type { InspectionPlan } from '../../../domain/maintenance/inspections';
import { newPlanValues, planArgs, planPatch, planValues } from './plan-form';

const plan: InspectionPlan = {
  id: 'p',
  name: '電梯每月保養',
  category: 'elevator',
  recurrence: { freq: 'monthly', interval: 1, day: 15 },
  startOn: '2021-01-01',
  endOn: null,
  endAfter: null,
  onHoliday: 'next',
  graceDays: 5,
  spaceIds: ['s1'],
  assetIds: [],
  checklist: [{ id: 'c1', text: '機房溫度及通風正常' }],
  assigneeId: 'p1',
  note: '',
  archived: false,
  createdAt: '',
  updatedAt: '',
};

describe('plan form', () => {
  it('the end is one choice: a date, a number of rounds, or none', () => {
    const v = planValues(plan);
    expect(planArgs({ ...v, endKind: 'date', endOn: '2022-12-31', endAfter: 12 })).toMatchObject({ endOn: '2022-12-31', endAfter: null });
    expect(planArgs({ ...v, endKind: 'count', endOn: '2022-12-31', endAfter: 12 })).toMatchObject({ endOn: null, endAfter: 12 });
    expect(planArgs({ ...v, endKind: 'none', endOn: '2022-12-31', endAfter: 12 })).toMatchObject({ endOn: null, endAfter: null });
  });

  it('checklist lines are trimmed and empty ones dropped; a new plan starts with one empty line', () => {
    const v = newPlanValues('2022-01-10');
    expect(v.checklist).toEqual([{ id: 'c1', text: '' }]);
    expect(
      planArgs({
        ...v,
        checklist: [
          { id: 'c1', text: ' 積水 ' },
          { id: 'c2', text: '  ' },
        ],
      }).checklist,
    ).toEqual([{ id: 'c1', text: '積水' }]);
  });

  it('an update carries only what changed', () => {
    expect(planPatch(plan, planValues(plan))).toEqual({});
    expect(planPatch(plan, { ...planValues(plan), graceDays: 7, name: ' 電梯每月保養 ' })).toEqual({ graceDays: 7 });
    expect(planPatch(plan, { ...planValues(plan), endKind: 'count', endAfter: 24 })).toEqual({ endAfter: 24 });
  });
});
