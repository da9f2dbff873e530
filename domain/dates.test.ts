import { describe, expect, it } from 'vitest';
import { addDays, formatDate, formatInstant, formatRocLong, formatRocShort, parseDateInput, startOfTaipeiDay, taipeiDateOf, weekdayOf } from './dates';

describe('date fields accept what clerks type', () => {
  it.each([
    ['1110131', '2022-01-31'],
    ['111/1/31', '2022-01-31'],
    ['111.1.31', '2022-01-31'],
    ['111-01-31', '2022-01-31'],
    ['111年1月31日', '2022-01-31'],
    ['民國111年1月31日', '2022-01-31'],
    ['990101', '2010-01-01'],
    ['2022-01-31', '2022-01-31'],
    ['2022/1/31', '2022-01-31'],
    ['20220131', '2022-01-31'],
  ])('%s means %s', (typed, iso) => {
    expect(parseDateInput(typed)).toBe(iso);
  });

  it.each(['1110231', '111/2/30', '111/13/1', 'abc', '', '11101', '111/1'])('refuses %s', (typed) => {
    expect(parseDateInput(typed)).toBeNull();
  });
});

describe('dates are shown in the ROC calendar in zh-TW', () => {
  it('long and table forms', () => {
    expect(formatRocLong('2022-01-31')).toBe('111年1月31日');
    expect(formatRocShort('2022-01-31')).toBe('111/01/31');
    expect(formatDate('2021-09-01', 'zh-TW')).toBe('110/09/01');
  });

  it('English stays Gregorian', () => {
    expect(formatDate('2022-01-31', 'en')).toBe('2022-01-31');
    expect(formatDate('2022-01-31', 'en', 'long')).toBe('31 Jan 2022');
  });

  it('instants are read in Taipei time, whatever the machine zone', () => {
    // 23:59 and 00:00 Taipei on the bounds of a period
    expect(taipeiDateOf('2022-01-31T15:59:00Z')).toBe('2022-01-31');
    expect(taipeiDateOf('2022-01-31T16:00:00Z')).toBe('2022-02-01');
    expect(formatInstant('2022-01-31T06:05:00Z', 'zh-TW')).toBe('111/01/31 14:05');
    expect(startOfTaipeiDay('2022-02-01')).toBe('2022-01-31T16:00:00.000Z');
  });

  it('day arithmetic crosses months and years', () => {
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(weekdayOf('2022-01-29')).toBe(6);
  });
});
