import { describe, expect, it } from 'vitest';
import { translate } from '../../../domain/i18n';
import type { RoundDetail } from '../../../domain/maintenance/inspections-views';
import { roundState } from './labels';
import { describeRecurrence, describeSchedule } from './recurrence-text';
import { presetOf, switchPreset } from './RecurrencePicker';
import { typedTaipeiInstant } from './RoundDialogs';
import { roundQuery } from './RoundsList';
import { roundLines } from './RoundScreen';

const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('zh-TW', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);

describe('inspections screens', () => {
  it('say a recurrence the way a clerk writes it', () => {
    expect(describeRecurrence({ freq: 'weekly', interval: 1, weekdays: [4, 1] }, zh)).toBe('每週一、四');
    expect(describeRecurrence({ freq: 'monthly', interval: 1, day: 15 }, zh)).toBe('每月 15 日');
    expect(describeRecurrence({ freq: 'monthly', interval: 3, day: 20 }, zh)).toBe('每季（每 3 個月的 20 日）');
    expect(describeRecurrence({ freq: 'monthlyWeekday', interval: 2, nth: 3, weekday: 3 }, zh)).toBe('每 2 個月的第 3 個星期三');
    expect(describeRecurrence({ freq: 'monthlyWeekday', interval: 1, nth: -1, weekday: 5 }, zh)).toBe('每月最後一個星期五');
    expect(describeRecurrence({ freq: 'yearly', interval: 1, month: 11, day: 10 }, zh)).toBe('每年 11 月 10 日');
    expect(describeRecurrence({ freq: 'daily', interval: 14 }, zh)).toBe('每 14 天');
    expect(describeRecurrence({ freq: 'weekly', interval: 2, weekdays: [0, 3] }, en)).toBe('Every 2 weeks on Wed, Sun');
    const plan = { recurrence: { freq: 'monthly' as const, interval: 1, day: 31 }, startOn: '2022-01-01', endOn: '2022-12-31', endAfter: null };
    expect(describeSchedule(plan, zh, 'zh-TW')).toBe('每月 31 日，至 111/12/31 止');
    expect(describeSchedule({ ...plan, endOn: null, endAfter: 10 }, zh, 'zh-TW')).toBe('每月 31 日，共 10 次');
  });

  it('quarterly is a monthly rule every 3 months; switching kinds keeps the day and weekday', () => {
    expect(presetOf({ freq: 'monthly', interval: 3, day: 20 })).toBe('quarterly');
    expect(presetOf({ freq: 'monthly', interval: 2, day: 20 })).toBe('monthly');
    expect(switchPreset({ freq: 'monthly', interval: 1, day: 20 }, 'quarterly')).toEqual({ freq: 'monthly', interval: 3, day: 20 });
    expect(switchPreset({ freq: 'weekly', interval: 1, weekdays: [3, 5] }, 'monthlyWeekday')).toEqual({ freq: 'monthlyWeekday', interval: 1, nth: 1, weekday: 3 });
  });

  it('a round is walked place by place, item by item, with what was recorded', () => {
    const detail = {
      round: {
        id: 'r',
        spaceIds: ['a', 'b'],
        checklist: [
          { id: 'c1', text: '積水' },
          { id: 'c2', text: '排水' },
        ],
      },
      results: [{ id: 'r/b/c1', outcome: 'fail' }],
    } as unknown as RoundDetail;
    expect(roundLines(detail).map((l) => `${l.spaceId}${l.item.id}:${l.result?.outcome ?? '-'}`)).toEqual(['ac1:-', 'ac2:-', 'bc1:fail', 'bc2:-']);
  });

  it('the time a round was done, typed in Taipei time', () => {
    expect(typedTaipeiInstant('2022-01-31', '23:59')).toBe('2022-01-31T15:59:00.000Z');
    expect(typedTaipeiInstant('2022-02-01', '0:00')).toBe('2022-01-31T16:00:00.000Z');
    expect(typedTaipeiInstant('2022-02-01', '0930')).toBe('2022-02-01T01:30:00.000Z');
    expect(typedTaipeiInstant('2022-02-01', '24:00')).toBeNull();
    expect(typedTaipeiInstant('2022-02-01', 'noon')).toBeNull();
  });

  it('work orders: the to-do list is open rounds due within two weeks, overdue included; states by colour', () => {
    expect(roundQuery('due', '2022-01-10')).toEqual({ statuses: ['open'], to: '2022-01-24' });
    expect(roundState({ status: 'open', dueOn: '2022-01-07' }, 0, '2022-01-10')).toBe('overdue');
    expect(roundState({ status: 'open', dueOn: '2022-01-07' }, 5, '2022-01-10')).toBe('open');
    expect(roundState({ status: 'open', dueOn: '2022-01-10' }, 0, '2022-01-10')).toBe('dueToday');
    expect(roundState({ status: 'done', dueOn: '2022-01-07' }, 0, '2022-01-10')).toBe('done');
  });
});
