import { describe, expect, it } from 'vitest';
import { isRoundOverdue, missingRounds, resultId, roundId, roundProgress, workOrderSort } from './inspections';
import type { Recurrence } from './recurrence';

const weekdaysOnly = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

const plan = (id: string, recurrence: Recurrence, extra: Partial<{ archived: boolean; startOn: string }> = {}) => ({
  id,
  archived: false,
  recurrence,
  startOn: '2021-09-01',
  endOn: null,
  endAfter: null,
  onHoliday: 'next' as const,
  ...extra,
});

describe('inspection rounds', () => {
  it('a round id derives from its plan and scheduled date, a result id from round, place and item', () => {
    expect(roundId('p1', '2021-09-06')).toBe('round:p1:2021-09-06');
    expect(resultId('round:p1:2021-09-06', 's1', 'i2')).toBe('round:p1:2021-09-06/s1/i2');
  });

  it('the rounds missing in a window: due ones not made yet, none of archived plans', () => {
    const plans = [plan('dengue', { freq: 'weekly', interval: 1, weekdays: [1] }), plan('old', { freq: 'daily', interval: 1 }, { archived: true })];
    const all = missingRounds(plans, new Set(), '2021-09-01', '2021-09-30', weekdaysOnly);
    expect(all.map((r) => r.id)).toEqual(['round:dengue:2021-09-06', 'round:dengue:2021-09-13', 'round:dengue:2021-09-20', 'round:dengue:2021-09-27']);
    const again = missingRounds(plans, new Set(all.slice(0, 2).map((r) => r.id)), '2021-09-01', '2021-09-30', weekdaysOnly);
    expect(again.map((r) => r.scheduledOn)).toEqual(['2021-09-20', '2021-09-27']);
  });

  it('a round is overdue the day after its due day plus the grace days, while open', () => {
    const round = { status: 'open' as const, dueOn: '2022-01-10' };
    expect(isRoundOverdue(round, 0, '2022-01-10')).toBe(false);
    expect(isRoundOverdue(round, 0, '2022-01-11')).toBe(true);
    expect(isRoundOverdue(round, 3, '2022-01-13')).toBe(false);
    expect(isRoundOverdue(round, 3, '2022-01-14')).toBe(true);
    expect(isRoundOverdue({ ...round, status: 'done' }, 0, '2022-02-01')).toBe(false);
    expect(isRoundOverdue({ ...round, status: 'skipped' }, 0, '2022-02-01')).toBe(false);
  });

  it('progress counts each item at each place once, and the failed ones', () => {
    const round = {
      spaceIds: ['a', 'b'],
      checklist: [
        { id: '1', text: '積水容器' },
        { id: '2', text: '花圃低窪' },
      ],
    };
    const results = [
      { spaceId: 'a', itemId: '1', outcome: 'pass' as const },
      { spaceId: 'a', itemId: '2', outcome: 'fail' as const },
      { spaceId: 'b', itemId: '1', outcome: 'pass' as const },
      // An item no longer on the round's checklist does not count.
      { spaceId: 'b', itemId: 'gone', outcome: 'fail' as const },
    ];
    expect(roundProgress(round, results)).toEqual({ total: 4, recorded: 3, failed: 1 });
  });

  it('work orders: overdue first, then by due day', () => {
    const rounds = [
      { id: 'c', status: 'open' as const, dueOn: '2022-01-20', graceDays: 0 },
      { id: 'a', status: 'open' as const, dueOn: '2022-01-05', graceDays: 30 },
      { id: 'b', status: 'open' as const, dueOn: '2022-01-10', graceDays: 0 },
    ];
    expect(workOrderSort(rounds, '2022-01-15').map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });
});
