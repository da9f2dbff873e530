import { describe, expect, it } from 'vitest';
import { countRoundsDone, roundsDoneIn } from './inspections-report';

const period = { from: '2021-09-01', to: '2022-01-31' };
const done = (completedAt: string, planId = 'p') => ({ planId, status: 'done' as const, completedAt });

describe('period report: inspection rounds done', () => {
  it('counts rounds completed on a Taipei date inside the period, both ends included', () => {
    const rounds = [
      done('2021-08-31T15:59:59.999Z'), // 8/31 23:59 Taipei: before
      done('2021-08-31T16:00:00.000Z'), // 9/1 00:00 Taipei: first day
      done('2022-01-31T15:59:00.000Z'), // 1/31 23:59 Taipei: last day
      done('2022-01-31T16:00:00.000Z'), // 2/1 00:00 Taipei: after
    ];
    expect(countRoundsDone(rounds, period).total).toBe(2);
    expect(roundsDoneIn(rounds, period).map((r) => r.completedAt)).toEqual(['2021-08-31T16:00:00.000Z', '2022-01-31T15:59:00.000Z']);
  });

  it('open and skipped rounds do not count; rounds are counted per plan too', () => {
    const rounds = [
      done('2021-10-04T02:00:00Z', 'dengue'),
      done('2021-10-11T02:00:00Z', 'dengue'),
      done('2021-11-15T02:00:00Z', 'elevator'),
      { planId: 'dengue', status: 'skipped' as const, completedAt: null },
      { planId: 'dengue', status: 'open' as const, completedAt: null },
      // Reopened after completion: no longer done, whatever it held before.
      { planId: 'elevator', status: 'open' as const, completedAt: null },
    ];
    expect(countRoundsDone(rounds, period)).toEqual({ total: 3, byPlan: { dengue: 2, elevator: 1 } });
  });
});
