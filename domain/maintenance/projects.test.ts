import { describe, expect, it } from 'vitest';
import { datesProblem, phaseState, timelineSpan } from './projects';
import { countProjectsCompleted } from './projects-report';

const period = { from: '2021-09-01', to: '2022-01-31' };
const completed = (actualEnd: string) => ({ status: 'completed' as const, actualEnd });

describe('projects', () => {
  it('the period report counts projects whose actual completion falls inside the period, both ends included', () => {
    expect(countProjectsCompleted([completed('2021-08-31'), completed('2021-09-01'), completed('2022-01-31'), completed('2022-02-01')], period)).toBe(2);
  });

  it('the four projects the report lists for 110/9/1–111/1/31 all count, a project still under way does not', () => {
    const projects = [completed('2021-12-10'), completed('2021-12-20'), completed('2021-12-31'), completed('2021-09-23'), { status: 'in_progress' as const, actualEnd: null }];
    expect(countProjectsCompleted(projects, period)).toBe(4);
  });

  it('cancelled projects never count', () => {
    expect(countProjectsCompleted([{ status: 'cancelled', actualEnd: '2021-10-01' }], period)).toBe(0);
  });

  it('dates and status must agree', () => {
    const none = { plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null };
    expect(datesProblem({ ...none, status: 'planned' })).toBeNull();
    expect(datesProblem({ ...none, plannedStart: '2021-07-13', plannedEnd: '2021-07-01' })).toEqual({ field: 'plannedEnd', code: 'endBeforeStart' });
    expect(datesProblem({ ...none, actualEnd: '2021-09-23', status: 'completed' })).toEqual({ field: 'actualStart', code: 'endNeedsStart' });
    expect(datesProblem({ ...none, actualStart: '2021-07-13', actualEnd: '2021-07-12', status: 'completed' })).toEqual({ field: 'actualEnd', code: 'endBeforeStart' });
    expect(datesProblem({ ...none, actualStart: '2021-07-13', status: 'completed' })).toEqual({ field: 'actualEnd', code: 'completedNeedsEnd' });
    expect(datesProblem({ ...none, actualStart: '2021-07-13', actualEnd: '2021-09-23', status: 'in_progress' })).toEqual({ field: 'status', code: 'endNeedsCompleted' });
    expect(datesProblem({ ...none, actualStart: '2021-07-13', actualEnd: '2021-09-23', status: 'completed' })).toBeNull();
  });

  it('a phase stands where its dates say; the timeline spans every date known', () => {
    expect(phaseState({ actualStart: null, actualEnd: null })).toBe('not_started');
    expect(phaseState({ actualStart: '2021-10-01', actualEnd: null })).toBe('in_progress');
    expect(phaseState({ actualStart: '2021-10-01', actualEnd: '2021-12-10' })).toBe('done');
    expect(
      timelineSpan([
        { plannedStart: '2021-09-15', plannedEnd: '2021-12-31', actualStart: '2021-10-01', actualEnd: '2021-12-10' },
        { plannedStart: null, plannedEnd: '2022-01-15', actualStart: null, actualEnd: null },
      ]),
    ).toEqual({ from: '2021-09-15', to: '2022-01-15' });
    expect(timelineSpan([])).toBeNull();
  });
});
