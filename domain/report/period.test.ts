import { describe, expect, it } from 'vitest';
import { parsePeriod, parsePeriodTerm, ReportPeriodError, splitPeriod, yearEarlier } from './period';
import { fillSentence, formatCount } from './section';

describe('report period (docs/domain.md, "How the report counts")', () => {
  it('reads the seed period typed either way, both ends included', () => {
    expect(parsePeriod('110/09/01', '111/01/31')).toEqual({ from: '2021-09-01', to: '2022-01-31' });
    expect(parsePeriod('110/9/1', '111/1/31')).toEqual({ from: '2021-09-01', to: '2022-01-31' });
    expect(parsePeriod('110/09/01–111/01/31')).toEqual({ from: '2021-09-01', to: '2022-01-31' });
  });

  it('reads a month, a quarter, a half-year and a year', () => {
    expect(parsePeriodTerm('111/02')).toEqual({ from: '2022-02-01', to: '2022-02-28' });
    expect(parsePeriodTerm('109/2')).toEqual({ from: '2020-02-01', to: '2020-02-29' });
    expect(parsePeriodTerm('110Q3')).toEqual({ from: '2021-07-01', to: '2021-09-30' });
    expect(parsePeriodTerm('110年第4季')).toEqual({ from: '2021-10-01', to: '2021-12-31' });
    expect(parsePeriodTerm('111H1')).toEqual({ from: '2022-01-01', to: '2022-06-30' });
    expect(parsePeriodTerm('110下半年')).toEqual({ from: '2021-07-01', to: '2021-12-31' });
    expect(parsePeriodTerm('110')).toEqual({ from: '2021-01-01', to: '2021-12-31' });
    expect(parsePeriod('110/09', '111/01')).toEqual({ from: '2021-09-01', to: '2022-01-31' });
  });

  it('refuses a date it cannot read, and a period that ends before it starts, naming the text', () => {
    expect(() => parsePeriod('110/02/30', '110/03/01')).toThrow(ReportPeriodError);
    expect(() => parsePeriod('110/13')).toThrow(/110\/13/);
    expect(() => parsePeriod('yesterday')).toThrow(/not a date or period: "yesterday"/);
    expect(() => parsePeriod('111/01/31', '110/09/01')).toThrow(ReportPeriodError);
  });

  it('sets the same period a year earlier beside it', () => {
    expect(yearEarlier({ from: '2021-09-01', to: '2022-01-31' })).toEqual({ from: '2020-09-01', to: '2021-01-31' });
    expect(yearEarlier({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2023-02-01', to: '2023-02-28' });
  });

  it('splits a period into two adjacent ones that cover it', () => {
    expect(splitPeriod({ from: '2021-09-01', to: '2022-01-31' }, '2022-01-01')).toEqual([
      { from: '2021-09-01', to: '2021-12-31' },
      { from: '2022-01-01', to: '2022-01-31' },
    ]);
  });

  it('writes the sentence with thousands separators as the seed does', () => {
    expect(formatCount(1149)).toBe('1,149');
    expect(fillSentence('本期兩行政中心場地，共計開放 {venue_sessions} 場次，各會議室等集會場所申請使用共計 {room_uses} 場次。', { venue_sessions: 205, room_uses: 1149 })).toBe(
      '本期兩行政中心場地，共計開放 205 場次，各會議室等集會場所申請使用共計 1,149 場次。',
    );
    expect(fillSentence('{year} 年度停車證共計 {annual_permits} 張', { annual_permits: 741 }, 2022)).toBe('111 年度停車證共計 741 張');
  });
});
