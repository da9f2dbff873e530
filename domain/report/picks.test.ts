import { describe, expect, it } from 'vitest';
import { parsePeriod } from './period';
import { figureChange, periodText, quickPeriod } from './picks';

describe("the report desk's quick picks", () => {
  it('counts this and last month from today, across a new year too', () => {
    expect(quickPeriod('thisMonth', '2022-02-14')).toEqual({ from: '2022-02-01', to: '2022-02-28' });
    expect(quickPeriod('lastMonth', '2022-01-05')).toEqual({ from: '2021-12-01', to: '2021-12-31' });
  });

  it('takes the last quarter and half-year already over', () => {
    expect(quickPeriod('lastQuarter', '2021-11-03')).toEqual({ from: '2021-07-01', to: '2021-09-30' });
    expect(quickPeriod('lastQuarter', '2022-02-01')).toEqual({ from: '2021-10-01', to: '2021-12-31' });
    expect(quickPeriod('lastHalf', '2022-02-01')).toEqual({ from: '2021-07-01', to: '2021-12-31' });
    expect(quickPeriod('lastHalf', '2022-08-01')).toEqual({ from: '2022-01-01', to: '2022-06-30' });
  });

  it('writes a period back as the field reads it', () => {
    const seed = { from: '2021-09-01', to: '2022-01-31' };
    expect(periodText(seed)).toBe('110/09/01–111/01/31');
    expect(parsePeriod(periodText(seed))).toEqual(seed);
    expect(periodText({ from: '2021-09-01', to: '2021-09-01' })).toBe('110/09/01');
  });

  it("gives a figure's change from last year, without a share when last year had none", () => {
    expect(figureChange(376, 340)).toEqual({ diff: 36, percent: 10.6 });
    expect(figureChange(39, 0)).toEqual({ diff: 39, percent: null });
  });
});
