import { describe, expect, it } from 'vitest';
import { isWorkingDay, parseGovernmentCalendarCsv } from './working-days';

const csv = `\uFEFF西元日期,星期,是否放假,備註\r
20220129,六,0,補行上班\r
20220130,日,2,\r
20220131,一,2,小年夜調整放假\r
20220201,二,2,農曆除夕\r
20220202,三,0,\r
20220912,一,2,颱風停止上班\r
`;

describe('the working-day calendar', () => {
  const { days, problems } = parseGovernmentCalendarCsv(csv);
  const exceptions = new Map(days.map((d) => [d.date, d]));

  it('keeps only the days that depart from Monday–Friday', () => {
    expect(problems).toEqual([]);
    expect(days).toEqual([
      { date: '2022-01-29', kind: 'workday', name: '補行上班' },
      { date: '2022-01-31', kind: 'holiday', name: '小年夜調整放假' },
      { date: '2022-02-01', kind: 'holiday', name: '農曆除夕' },
      { date: '2022-09-12', kind: 'closure', name: '颱風停止上班' },
    ]);
  });

  it('a make-up Saturday is a working day, a holiday Monday is not', () => {
    expect(isWorkingDay('2022-01-29', exceptions)).toBe(true);
    expect(isWorkingDay('2022-01-30', exceptions)).toBe(false);
    expect(isWorkingDay('2022-01-31', exceptions)).toBe(false);
    expect(isWorkingDay('2022-02-02', exceptions)).toBe(true);
    expect(isWorkingDay('2022-09-12', exceptions)).toBe(false);
  });

  it('names the rows it cannot read', () => {
    const bad = parseGovernmentCalendarCsv('西元日期,星期,是否放假,備註\n20221399,一,2,x\n20221003,一,9,\n');
    expect(bad.problems.map((p) => p.row)).toEqual([2, 3]);
  });
});
