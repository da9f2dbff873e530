/**
 * Dates as the desks write them. Instants are stored as UTC ISO strings; business dates
 * (a holiday, a due date) as 'YYYY-MM-DD' in Asia/Taipei. zh-TW shows the ROC calendar
 * (year − 1911): 111年1月31日, or 111/01/31 in tables; English shows Gregorian dates.
 */
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';

export const BUSINESS_TZ = 'Asia/Taipei';
export const ROC_OFFSET = 1911;

/** A calendar date in Asia/Taipei, 'YYYY-MM-DD'. */
export type BusinessDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isBusinessDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1912 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function isoOf(y: number, m: number, d: number): BusinessDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parts(date: BusinessDate): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * What a clerk types into a date field: 1110131, 111/1/31, 111.1.31, 111-1-31,
 * 111年1月31日 (ROC years of 1–3 digits), or a Gregorian 2022-01-31 / 2022/1/31.
 * Returns the business date, or null when the text is not a real date.
 */
export function parseDateInput(text: string): BusinessDate | null {
  const s = text.trim().replace(/^民國/, '').replace(/\s+/g, '');
  if (!s) return null;
  let y: number;
  let mo: number;
  let d: number;
  const compact = /^(\d{2,3})(\d{2})(\d{2})$/.exec(s);
  const gregorianCompact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const separated = /^(\d{1,4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$/.exec(s);
  if (gregorianCompact && Number(gregorianCompact[1]) > 1911) {
    [y, mo, d] = [Number(gregorianCompact[1]), Number(gregorianCompact[2]), Number(gregorianCompact[3])];
  } else if (compact) {
    [y, mo, d] = [Number(compact[1]) + ROC_OFFSET, Number(compact[2]), Number(compact[3])];
  } else if (separated) {
    const year = Number(separated[1]);
    y = separated[1].length === 4 ? year : year + ROC_OFFSET;
    mo = Number(separated[2]);
    d = Number(separated[3]);
  } else {
    return null;
  }
  return isRealDate(y, mo, d) ? isoOf(y, mo, d) : null;
}

/** 111年1月31日 */
export function formatRocLong(date: BusinessDate): string {
  const [y, m, d] = parts(date);
  return `${y - ROC_OFFSET}年${m}月${d}日`;
}

/** 111/01/31, the form used in tables. */
export function formatRocShort(date: BusinessDate): string {
  const [y, m, d] = parts(date);
  return `${y - ROC_OFFSET}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`;
}

export type Locale = 'zh-TW' | 'en';

/** A business date in the user's language: ROC in zh-TW, Gregorian in English. */
export function formatDate(date: BusinessDate, locale: Locale, style: 'short' | 'long' = 'short'): string {
  if (locale === 'zh-TW') return style === 'long' ? formatRocLong(date) : formatRocShort(date);
  const [y, m, d] = parts(date);
  const dt = new Date(y, m - 1, d);
  return style === 'long' ? format(dt, 'd MMM yyyy') : format(dt, 'yyyy-MM-dd');
}

/**
 * Taiwan has kept UTC+8 without daylight saving since 1980: from then on a Taipei date is
 * plain offset arithmetic, which the server runs for every booking it checks (the time-zone
 * database took a third of its time). Earlier instants go through the time-zone database.
 */
const FIXED_OFFSET_SINCE_MS = Date.UTC(1979, 11, 31, 16); // 1980-01-01 00:00 in Taipei
const TAIPEI_OFFSET_MS = 8 * 3_600_000;
/** Years past 9999 print with six digits and a sign in ISO form: left to the time-zone path. */
const MAX_FOUR_DIGIT_YEAR_MS = Date.UTC(9999, 11, 31, 16);

/**
 * Epoch milliseconds read on Taipei's wall clock, and back: the fast path for code that
 * lays out or steps through many times at once (the SLA clock, the free-slot finder, the
 * time grid, the iCalendar stamps). Exact from 1980 on, like the offset above.
 */
export function taipeiWallMs(ms: number): number {
  return ms + TAIPEI_OFFSET_MS;
}
export function fromTaipeiWallMs(wallMs: number): number {
  return wallMs - TAIPEI_OFFSET_MS;
}

const DAY_MS = 86_400_000;

/** The Taipei date of an instant and the minute of that day (fractional between minutes). */
export function taipeiClock(instant: string | number): { date: BusinessDate; minute: number } {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  const wall = taipeiWallMs(ms);
  const dayStart = Math.floor(wall / DAY_MS) * DAY_MS;
  return { date: new Date(dayStart).toISOString().slice(0, 10), minute: (wall - dayStart) / 60_000 };
}

/** Epoch ms at which a Taipei date begins (from 1980 on; startOfTaipeiDay covers every date). */
export function taipeiDayStartMs(date: BusinessDate): number {
  return fromTaipeiWallMs(Date.parse(`${date}T00:00:00Z`));
}

/** The instant of a Taipei date and minute; minutes past 1,440 run into the next days. */
export function taipeiInstantAt(date: BusinessDate, minute: number): string {
  return new Date(taipeiDayStartMs(date) + Math.round(minute * 60_000)).toISOString();
}

/** The Taipei calendar date of an instant (an ISO string, epoch milliseconds or a Date). */
export function taipeiDateOf(instant: string | number | Date): BusinessDate {
  const ms = typeof instant === 'string' ? Date.parse(instant) : typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  if (ms >= FIXED_OFFSET_SINCE_MS && ms < MAX_FOUR_DIGIT_YEAR_MS) return new Date(ms + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);
  return format(new TZDate(ms, BUSINESS_TZ), 'yyyy-MM-dd');
}

/** An instant shown in Taipei time: 111/01/31 14:05 in zh-TW, 2022-01-31 14:05 in English. */
export function formatInstant(instant: string, locale: Locale): string {
  const dt = new TZDate(new Date(instant).getTime(), BUSINESS_TZ);
  const time = format(dt, 'HH:mm');
  return `${formatDate(format(dt, 'yyyy-MM-dd'), locale)} ${time}`;
}

/** The UTC instant at which a Taipei calendar date begins. */
export function startOfTaipeiDay(date: BusinessDate): string {
  const [y, m, d] = parts(date);
  if (y >= 1980 && y <= 9999) return new Date(Date.UTC(y, m - 1, d) - TAIPEI_OFFSET_MS).toISOString();
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, BUSINESS_TZ).getTime()).toISOString();
}

const MINUTE_MS = 60_000;

/** Minutes since midnight of an 'HH:mm' wall-clock time. */
export function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

/** 'HH:mm' of minutes since midnight. */
export function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The UTC instant of a Taipei wall-clock time on a date ('24:00' is the next midnight). */
export function taipeiInstant(date: BusinessDate, clock: string): string {
  return new Date(Date.parse(startOfTaipeiDay(date)) + minutesOf(clock) * MINUTE_MS).toISOString();
}

/** Minutes since Taipei midnight of an instant. */
export function taipeiMinutes(instant: string): number {
  return Math.round((Date.parse(instant) - Date.parse(startOfTaipeiDay(taipeiDateOf(instant)))) / MINUTE_MS);
}

/** The Taipei days a span touches: its start date to the date of its last moment. */
export function daysOf(start: string, end: string): { first: BusinessDate; last: BusinessDate } {
  return { first: taipeiDateOf(start), last: taipeiDateOf(Date.parse(end) - 1) };
}

/** '111/03/01 14:00–16:00', or '111/03/01 09:00 – 111/04/30 17:00' across days: how refusals name a time. */
export function describeTime(start: string, end: string): string {
  const { first, last } = daysOf(start, end);
  const endMinutes = taipeiMinutes(end) === 0 && Date.parse(end) > Date.parse(start) ? 24 * 60 : taipeiMinutes(end);
  if (first === last) return `${formatRocShort(first)} ${clockOf(taipeiMinutes(start))}–${clockOf(endMinutes)}`;
  return `${formatRocShort(first)} ${clockOf(taipeiMinutes(start))} – ${formatRocShort(last)} ${clockOf(endMinutes)}`;
}

/** Day of week of a business date, 0 = Sunday. */
export function weekdayOf(date: BusinessDate): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  const [y, m, d] = parts(date);
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return isoOf(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** Days from `from` to `to` (negative when `to` is earlier): 2022-12-01 → 2022-12-31 is 30. */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Today in Taipei. */
export function todayInTaipei(now: Date = new Date()): BusinessDate {
  return taipeiDateOf(now);
}
