/**
 * The working-day calendar (行事曆). Monday to Friday are working days unless the
 * government's calendar says otherwise: national holidays (放假), make-up working days
 * (補行上班, a Saturday) and closures for typhoons (停止上班).
 */
import { isBusinessDate, weekdayOf, type BusinessDate } from './dates';
import type { CalendarDay, DayKind } from './entities';

export type CalendarExceptions = ReadonlyMap<BusinessDate, Pick<CalendarDay, 'kind' | 'name'>>;

/**
 * The exceptions of a set of calendar days, however they were read (all of them from the
 * records, a window of them, rows of SQL): every desk's working-day rule takes this map.
 */
export function calendarExceptionsOf(days: Iterable<Pick<CalendarDay, 'date' | 'kind' | 'name'>>): CalendarExceptions {
  const map = new Map<BusinessDate, Pick<CalendarDay, 'kind' | 'name'>>();
  for (const d of days) map.set(d.date, { kind: d.kind, name: d.name });
  return map;
}

export function isWorkingDay(date: BusinessDate, exceptions: CalendarExceptions): boolean {
  const exception = exceptions.get(date);
  if (exception) return exception.kind === 'workday';
  const wd = weekdayOf(date);
  return wd !== 0 && wd !== 6;
}

export interface ImportedDay {
  date: BusinessDate;
  kind: DayKind;
  name: string;
}

export interface CsvRowProblem {
  row: number;
  reason: string;
}

/**
 * Reads the government's open-data calendar CSV (政府行政機關辦公日曆表): columns
 * 西元日期 (YYYYMMDD), 星期, 是否放假 (2 = day off, 0 = working), 備註. Only days that
 * depart from the weekday rule are kept. A BOM, quoted fields and CRLF are accepted.
 */
export function parseGovernmentCalendarCsv(csv: string): { days: ImportedDay[]; problems: CsvRowProblem[] } {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const days: ImportedDay[] = [];
  const problems: CsvRowProblem[] = [];
  if (lines.length === 0) return { days, problems: [{ row: 1, reason: 'empty' }] };
  const header = splitCsvLine(lines[0]).map((h) => h.trim());
  const col = (names: string[]) => header.findIndex((h) => names.includes(h));
  const dateCol = col(['西元日期', 'date', 'Date']);
  const offCol = col(['是否放假', 'isHoliday', 'holiday']);
  const noteCol = col(['備註', 'description', 'note']);
  if (dateCol < 0 || offCol < 0) return { days, problems: [{ row: 1, reason: 'header: 西元日期, 是否放假' }] };
  for (let i = 1; i < lines.length; i++) {
    const cells = splitCsvLine(lines[i]);
    const raw = (cells[dateCol] ?? '').trim();
    const m = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})$/.exec(raw);
    const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
    if (!m || !isBusinessDate(date)) {
      problems.push({ row: i + 1, reason: `date "${raw}"` });
      continue;
    }
    const off = (cells[offCol] ?? '').trim();
    if (off !== '0' && off !== '2') {
      problems.push({ row: i + 1, reason: `是否放假 "${off}"` });
      continue;
    }
    const note = (cells[noteCol] ?? '').trim();
    const weekend = [0, 6].includes(weekdayOf(date));
    if (off === '2' && !weekend) days.push({ date, kind: /颱風|停止上班|天然災害/.test(note) ? 'closure' : 'holiday', name: note });
    else if (off === '0' && weekend) days.push({ date, kind: 'workday', name: note || '補行上班' });
    else if (off === '2' && weekend && note) days.push({ date, kind: 'holiday', name: note });
  }
  return { days, problems };
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}
