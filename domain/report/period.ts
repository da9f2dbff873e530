/**
 * A report period typed in ROC dates (docs/domain.md, "How the report counts"): a day
 * (110/09/01, 110/9/1), a month (110/09), a quarter (110Q3), a half-year (110H2), a year
 * (110), or any from–to of these (110/09/01–111/01/31). Both ends are included; the days
 * are Asia/Taipei calendar days. A text it cannot read is a ReportPeriodError naming it.
 */
import { addDays, parseDateInput, ROC_OFFSET, type BusinessDate } from '../dates';

export interface ReportPeriod {
  /** First day, included. */
  from: BusinessDate;
  /** Last day, included. */
  to: BusinessDate;
}

export class ReportPeriodError extends Error {
  constructor(readonly text: string) {
    super(`not a date or period: "${text}" (write an ROC date such as 110/09/01, a month 110/09, a quarter 110Q3, a half-year 110H2, or from–to)`);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function months(rocYear: number, firstMonth: number, lastMonth: number): ReportPeriod {
  const y = rocYear + ROC_OFFSET;
  return { from: iso(y, firstMonth, 1), to: iso(y, lastMonth, lastDayOf(y, lastMonth)) };
}

/** One term: a day, a month, a quarter, a half-year or a year, as the days it covers. */
export function parsePeriodTerm(text: string): ReportPeriod {
  const s = text.trim().replace(/^民國/, '').replace(/\s+/g, '');
  const day = parseDateInput(s);
  if (day) return { from: day, to: day };
  const month = /^(\d{2,3})[/.\-年](\d{1,2})月?$/.exec(s);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return months(Number(month[1]), Number(month[2]), Number(month[2]));
  const quarter = /^(\d{2,3})(?:年|\/)?(?:Q|q|第)([1-4])(?:季)?$/.exec(s);
  if (quarter) {
    const q = Number(quarter[2]);
    return months(Number(quarter[1]), q * 3 - 2, q * 3);
  }
  const half = /^(\d{2,3})(?:年|\/)?(?:H([12])|(上|下)半年)$/i.exec(s);
  if (half) {
    const second = half[2] === '2' || half[3] === '下';
    return months(Number(half[1]), second ? 7 : 1, second ? 12 : 6);
  }
  const year = /^(\d{2,3})年?$/.exec(s);
  if (year) return months(Number(year[1]), 1, 12);
  throw new ReportPeriodError(text);
}

/** `from` and `to` each a term (the period runs from the first one's start to the second one's end), or one text with a dash or ~ between. */
export function parsePeriod(from: string, to?: string): ReportPeriod {
  if (to === undefined) {
    const split = from.split(/\s*(?:–|—|~|～|至|到|\s-\s)\s*/);
    if (split.length === 2) return parsePeriod(split[0], split[1]);
    return parsePeriodTerm(from);
  }
  const a = parsePeriodTerm(from);
  const b = parsePeriodTerm(to);
  if (b.to < a.from) throw new ReportPeriodError(`${from}–${to}`);
  return { from: a.from, to: b.to };
}

/** The same days a year earlier (a period ending on 2/29 ends on 2/28). */
export function yearEarlier(period: ReportPeriod): ReportPeriod {
  const back = (d: BusinessDate) => {
    const [y, m, day] = d.split('-').map(Number);
    return iso(y - 1, m, Math.min(day, lastDayOf(y - 1, m)));
  };
  return { from: back(period.from), to: back(period.to) };
}

/** Splits a period at a day: [from, day − 1] and [day, to] (for the additivity check). */
export function splitPeriod(period: ReportPeriod, day: BusinessDate): [ReportPeriod, ReportPeriod] {
  if (day <= period.from || day > period.to) throw new RangeError(`${day} is not inside ${period.from}–${period.to}`);
  return [
    { from: period.from, to: addDays(day, -1) },
    { from: day, to: period.to },
  ];
}
