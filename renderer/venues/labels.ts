/** How the venue desk writes its records: names in the user's language, time ranges in Taipei time, ROC dates in zh-TW. */
import { formatDate, type Locale } from '../../domain/dates';
import type { BookingView, VenueView } from '../../domain/venues/views';
import type { T } from '../app/i18n';
import { clock, taipeiMinute } from '../components/time-grid/grid-logic';
import { localized, nameOf } from '../../domain/i18n';

export const venueName = (v: Pick<VenueView, 'nameZh' | 'nameEn'>, locale: Locale) => nameOf(v, locale);
export const siteName = (v: Pick<VenueView, 'siteNameZh' | 'siteNameEn'>, locale: Locale) => localized(v.siteNameZh, v.siteNameEn, locale);
export const bookingVenueName = (b: Pick<BookingView, 'venueNameZh' | 'venueNameEn'>, locale: Locale) => localized(b.venueNameZh, b.venueNameEn, locale);
export const applicantName = (b: Pick<BookingView, 'applicantNameZh' | 'applicantNameEn'>, locale: Locale) => localized(b.applicantNameZh, b.applicantNameEn, locale);

/**
 * 111/03/01 09:00–12:00, or 111/03/01 09:00 – 111/04/30 17:00 for a range over several
 * days (an end at midnight reads as 24:00 of the day before).
 */
export function timeRange(start: string, end: string, locale: Locale): string {
  const s = taipeiMinute(start);
  let e = taipeiMinute(end);
  if (e.minute === 0 && e.date > s.date) {
    const previous = taipeiMinute(Date.parse(end) - 1);
    e = { date: previous.date, minute: 1440 };
  }
  if (s.date === e.date) return `${formatDate(s.date, locale)} ${clock(s.minute)}–${clock(e.minute)}`;
  return `${formatDate(s.date, locale)} ${clock(s.minute)} – ${formatDate(e.date, locale)} ${clock(e.minute)}`;
}

/** 111年3月1日（二）09:00 至 12:00, the way a letter writes it. */
export function longTimeRange(start: string, end: string, locale: Locale, t: T): string {
  const s = taipeiMinute(start);
  let e = taipeiMinute(end);
  if (e.minute === 0 && e.date > s.date) e = { date: taipeiMinute(Date.parse(end) - 1).date, minute: 1440 };
  const day = (date: string) => `${formatDate(date, locale, 'long')}${aside(weekdayShort(date, locale), locale)}`;
  if (s.date === e.date) return t('venues.ui.letter.sameDay', { date: day(s.date), from: clock(s.minute), to: clock(e.minute) });
  return t('venues.ui.letter.days', { from: `${day(s.date)} ${clock(s.minute)}`, to: `${day(e.date)} ${clock(e.minute)}` });
}

// Making an Intl formatter is slow; the calendar asks for weekday names hundreds of times.
const WEEKDAY_FORMAT: Record<Locale, Intl.DateTimeFormat> = {
  'zh-TW': new Intl.DateTimeFormat('zh-TW', { weekday: 'narrow', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en', { weekday: 'short', timeZone: 'UTC' }),
};

/** 一, 二 … in zh-TW; Mon, Tue … in English. */
export function weekdayShort(date: string, locale: Locale): string {
  return WEEKDAY_FORMAT[locale].format(new Date(`${date}T00:00:00Z`));
}

/** A list as each language writes it: 投影機、麥克風 / Projector, Microphones. */
export function listText(items: readonly string[], locale: Locale): string {
  return items.join(locale === 'zh-TW' ? '、' : ', ');
}

/** An aside in brackets: 大禮堂（1F） / Auditorium (1F). */
export function aside(text: string, locale: Locale): string {
  return locale === 'zh-TW' ? `（${text}）` : ` (${text})`;
}

/** A booking in one line for lists and messages: 場-111-00012 市政宣導說明會（111/03/01 09:00–12:00）. */
export function bookingLine(b: Pick<BookingView, 'number' | 'eventName' | 'start' | 'end'>, locale: Locale): string {
  return `${b.number ? `${b.number} ` : ''}${b.eventName}${aside(timeRange(b.start, b.end, locale), locale)}`;
}

export function money(amount: number, locale: Locale): string {
  return amount.toLocaleString(locale === 'en' ? 'en-US' : 'zh-TW');
}
