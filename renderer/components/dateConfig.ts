/**
 * The calendar arithmetic behind our date pickers, on plain `Date`s via date-fns. One
 * config shows ROC years (民國111年, 111/01/31) and one Gregorian years; both read what a
 * clerk types with `parseDateInput` (1110131, 111/1/31, 111.1.31, 2022-01-31).
 *
 * Written here rather than taken from @rc-component/picker/generate/dateFns because that
 * one imports every date-fns locale (~650 kB) and cannot show ROC years.
 * Pickers hold local-midnight Dates; business dates go in and out as 'YYYY-MM-DD'.
 */
import type { GenerateConfig } from '@rc-component/picker/generate';
import {
  addDays,
  addMonths,
  addYears,
  endOfMonth,
  format,
  getDate,
  getDay,
  getHours,
  getMilliseconds,
  getMinutes,
  getMonth,
  getSeconds,
  getWeek,
  getYear,
  isAfter,
  isValid,
  setDate,
  setHours,
  setMilliseconds,
  setMinutes,
  setMonth,
  setSeconds,
  setYear,
  startOfWeek,
  type Locale as DateFnsLocale,
} from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { zhTW } from 'date-fns/locale/zh-TW';
import { translate } from '../../domain/i18n';
import { ROC_OFFSET, isBusinessDate, parseDateInput, todayInTaipei, type BusinessDate } from '../../domain/dates';

/** Taiwan's calendars, like American ones, start the week on Sunday. */
const WEEK = { weekStartsOn: 0, firstWeekContainsDate: 1 } as const;

function dateFnsLocale(pickerLocale: string): DateFnsLocale {
  return pickerLocale.toLowerCase().startsWith('zh') ? zhTW : enUS;
}

export function dateOf(value: BusinessDate): Date {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d);
}

export function businessDateOf(date: Date): BusinessDate {
  return format(date, 'yyyy-MM-dd');
}

/** 'YYYY-MM-DD' → a Date, or null for anything that is not a real date. */
export function toPickerDate(value: string | null | undefined): Date | null {
  return value && isBusinessDate(value) ? dateOf(value) : null;
}

/**
 * Rewrites a picker format (dayjs tokens: YYYY, M, D, dd, A, [literal]) as a date-fns
 * format; `year` renders the year tokens (to write ROC years). Literal text is quoted in
 * one run, since '' inside quotes means a quote mark to date-fns.
 */
export function toDateFnsFormat(pattern: string, year?: (run: string) => string): string {
  let out = '';
  let literal = '';
  const flush = () => {
    if (literal) out += `'${literal.replace(/'/g, "''")}'`;
    literal = '';
  };
  const token = (t: string) => {
    flush();
    out += t;
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '[') {
      const end = pattern.indexOf(']', i);
      const stop = end < 0 ? pattern.length : end;
      literal += pattern.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    let j = i;
    while (j < pattern.length && pattern[j] === c) j += 1;
    const run = pattern.slice(i, j);
    i = j;
    if (!/[a-zA-Z]/.test(c)) literal += run;
    else if (c === 'Y' || c === 'y') {
      if (year) literal += year(run);
      else token('y'.repeat(run.length));
    } else if (c === 'D') token('d'.repeat(run.length));
    // dayjs: d weekday number, dd/ddd/dddd weekday names
    else if (c === 'd') token(run.length === 1 ? 'i' : run.length === 2 ? 'EEEEEE' : run.length === 3 ? 'EEE' : 'EEEE');
    else if (c === 'A') token('a');
    else token(run);
  }
  flush();
  return out;
}

/** 111, or 前1 for 1911 (the year before the ROC's first). */
export function rocYearText(gregorianYear: number, before: string): string {
  const roc = gregorianYear - ROC_OFFSET;
  return roc > 0 ? String(roc) : `${before}${1 - roc}`;
}

function makeConfig(roc: { before: string } | null): GenerateConfig<Date> {
  return {
    getNow: () => {
      // Today as the desks count it (Taipei), whatever the machine's time zone.
      const now = new Date();
      const today = dateOf(todayInTaipei(now));
      return setHours(setMinutes(today, getMinutes(now)), getHours(now));
    },
    getFixedDate: (text) => (isBusinessDate(text) ? dateOf(text) : new Date(text)),
    getEndDate: (date) => endOfMonth(date),
    getWeekDay: (date) => getDay(date),
    getYear: (date) => getYear(date),
    getMonth: (date) => getMonth(date),
    getDate: (date) => getDate(date),
    getHour: (date) => getHours(date),
    getMinute: (date) => getMinutes(date),
    getSecond: (date) => getSeconds(date),
    getMillisecond: (date) => getMilliseconds(date),
    addYear: (date, diff) => addYears(date, diff),
    addMonth: (date, diff) => addMonths(date, diff),
    addDate: (date, diff) => addDays(date, diff),
    setYear: (date, year) => setYear(date, year),
    setMonth: (date, month) => setMonth(date, month),
    setDate: (date, day) => setDate(date, day),
    setHour: (date, hour) => setHours(date, hour),
    setMinute: (date, minute) => setMinutes(date, minute),
    setSecond: (date, second) => setSeconds(date, second),
    setMillisecond: (date, ms) => setMilliseconds(date, ms),
    isAfter: (a, b) => isAfter(a, b),
    isValidate: (date) => isValid(date),
    locale: {
      getWeekFirstDay: () => WEEK.weekStartsOn,
      getWeekFirstDate: (_locale, date) => startOfWeek(date, WEEK),
      getWeek: (_locale, date) => getWeek(date, WEEK),
      getShortWeekDays: (locale) => Array.from({ length: 7 }, (_, i) => dateFnsLocale(locale).localize.day(i as 0, { width: 'short' })),
      getShortMonths: (locale) => Array.from({ length: 12 }, (_, i) => dateFnsLocale(locale).localize.month(i as 0, { width: 'abbreviated' })),
      format: (locale, date, pattern) => {
        if (!isValid(date)) return '';
        const year = roc ? () => rocYearText(getYear(date), roc.before) : undefined;
        return format(date, toDateFnsFormat(pattern, year), { locale: dateFnsLocale(locale) });
      },
      // Whatever the display format, accept every way a clerk writes a date. The picker
      // parses on every key, so six digits are not taken yet: 111013 is on its way to 1110131
      // (a two-digit ROC year is still typed with separators, 99/1/31).
      parse: (_locale, text) => {
        if (/^\d{6}$/.test(text.trim())) return null;
        const value = parseDateInput(text);
        return value ? dateOf(value) : null;
      },
    },
  };
}

export const gregorianConfig = makeConfig(null);

/** ROC years are only shown in zh-TW, so the prefix of 民國前1年 comes from that catalog. */
export const rocConfig = makeConfig({ before: translate('zh-TW', 'date.rocBefore') });
