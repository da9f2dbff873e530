import { describe, expect, it } from 'vitest';
import { axisFor, barFor } from './timeline';

describe('project timeline', () => {
  const items = [
    { plannedStart: '2021-07-12', plannedEnd: '2021-09-30', actualStart: '2021-07-13', actualEnd: '2021-09-23' },
    { plannedStart: '2021-10-01', plannedEnd: '2021-12-31', actualStart: '2021-10-04', actualEnd: null },
  ];

  it('spans whole months from the first to the last date known', () => {
    const axis = axisFor(items)!;
    expect(axis.from).toBe('2021-07-01');
    expect(axis.to).toBe('2022-01-01');
    expect(axis.months.map((m) => m.start)).toEqual(['2021-07-01', '2021-08-01', '2021-09-01', '2021-10-01', '2021-11-01', '2021-12-01']);
    expect(axis.months.reduce((sum, m) => sum + m.width, 0)).toBeCloseTo(100);
    expect(axisFor([{ plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null }])).toBeNull();
  });

  it('places a bar by its days, both ends included; an open end runs to the given day', () => {
    const axis = axisFor(items)!;
    const whole = barFor(axis, '2021-07-01', '2021-12-31')!;
    expect(whole.left).toBe(0);
    expect(whole.width).toBeCloseTo(100);
    const july = barFor(axis, '2021-07-01', '2021-07-31')!;
    expect(july.width).toBeCloseTo(axis.months[0].width);
    expect(barFor(axis, '2021-10-04', null)).toBeNull();
    expect(barFor(axis, '2021-10-04', null, '2021-12-31')!.left).toBeGreaterThan(axis.months[3].left);
    expect(barFor(axis, null, '2021-09-23')).toBeNull();
  });
});
