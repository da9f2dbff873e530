import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import {
  addDays,
  describeTime,
  formatDate,
  formatInstant,
  formatRocLong,
  formatRocShort,
  parseDateInput,
  startOfTaipeiDay,
  taipeiClock,
  taipeiDateOf,
  taipeiDayStartMs,
  taipeiInstant,
  taipeiInstantAt,
  weekdayOf,
} from './dates';

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

describe('Taipei dates agree with the time-zone database', () => {
  // The fast path assumes UTC+8 from 1980 on; the time-zone database is the reference.
  const byTzDatabase = (ms: number) => format(new TZDate(ms, 'Asia/Taipei'), 'yyyy-MM-dd');

  it('for instants around midnight from 1979 to 2100, and through the 1979 summer time', () => {
    const checked: number[] = [];
    for (let day = Date.UTC(1979, 5, 1); day < Date.UTC(2100, 0, 1); day += 37 * 86_400_000) {
      for (const minute of [-1, 0, 1, 959, 960, 961]) checked.push(day + minute * 60_000);
    }
    for (let ms = Date.UTC(1979, 5, 28); ms < Date.UTC(1979, 9, 3); ms += 3_600_000) checked.push(ms);
    for (const ms of checked) expect(taipeiDateOf(new Date(ms)), new Date(ms).toISOString()).toBe(byTzDatabase(ms));
  });

  it('whether the instant comes as a string, milliseconds or a Date', () => {
    for (let h = 0; h < 48; h++) {
      const ms = Date.UTC(2021, 11, 31, h, 59);
      const iso = new Date(ms).toISOString();
      expect(taipeiDateOf(ms)).toBe(taipeiDateOf(iso));
      expect(taipeiDateOf(new Date(ms))).toBe(taipeiDateOf(iso));
    }
  });

  it('for the start of each day', () => {
    for (let day = Date.UTC(1979, 6, 1); day < Date.UTC(2100, 0, 1); day += 13 * 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      const [y, m, d] = date.split('-').map(Number);
      expect(startOfTaipeiDay(date), date).toBe(new Date(new TZDate(y, m - 1, d, 0, 0, 0, 'Asia/Taipei').getTime()).toISOString());
    }
  });

  it('an instant that is not one is refused', () => {
    expect(() => taipeiDateOf('soon')).toThrow(RangeError);
  });
});

describe('Taipei wall-clock times', () => {
  it('a date and a clock time make an instant, 24:00 being the next midnight', () => {
    expect(taipeiInstant('2022-01-31', '23:59')).toBe('2022-01-31T15:59:00.000Z');
    expect(taipeiInstant('2022-01-31', '24:00')).toBe('2022-01-31T16:00:00.000Z');
  });

  it('a span is named in one day, or across days', () => {
    expect(describeTime(taipeiInstant('2022-03-01', '14:00'), taipeiInstant('2022-03-01', '16:00'))).toBe('111/03/01 14:00–16:00');
    expect(describeTime(taipeiInstant('2022-03-01', '09:00'), taipeiInstant('2022-03-01', '24:00'))).toBe('111/03/01 09:00–24:00');
    expect(describeTime(taipeiInstant('2022-03-01', '09:00'), taipeiInstant('2022-04-30', '17:00'))).toBe('111/03/01 09:00 – 111/04/30 17:00');
  });

  it('the fast clock agrees with the time-zone database on the date and the minute, and goes back to the same instant', () => {
    for (let ms = Date.UTC(1980, 0, 1); ms < Date.UTC(2100, 0, 1); ms += 7 * 86_400_000 + 97 * 60_000) {
      const { date, minute } = taipeiClock(ms);
      const zoned = new TZDate(ms, 'Asia/Taipei');
      expect(date).toBe(format(zoned, 'yyyy-MM-dd'));
      expect(minute).toBe(zoned.getHours() * 60 + zoned.getMinutes());
      expect(taipeiInstantAt(date, minute)).toBe(new Date(ms).toISOString());
      expect(taipeiDayStartMs(date)).toBe(Date.parse(startOfTaipeiDay(date)));
    }
    expect(taipeiInstantAt('2022-01-31', 1440 + 60)).toBe('2022-01-31T17:00:00.000Z');
    expect(() => taipeiClock('soon')).toThrow(RangeError);
  });
});
