/**
 * From venues, bookings and the working-day calendar to what the grid draws: a column per
 * venue and day (open hours, or closed with the holiday's or closure's name) and an event
 * per booking (approved solid, pending dashed, competing striped, flagged red).
 */
import { formatDate, todayInTaipei, weekdayOf, type BusinessDate, type Locale } from '../../../domain/dates';
import type { BookingView, VenueView } from '../../../domain/venues/views';
import { isWorkingDay, type CalendarExceptions } from '../../../domain/working-days';
import type { T } from '../../app/i18n';
import { applicantName, timeRange, weekdayShort } from '../labels';
import { parseClock, type DayTone, type GridColumn, type GridItem, type ItemTone } from '../../components/time-grid/grid-logic';

/** How a booking looks: approved (solid), pending (dashed), pending that competes with another (striped), flagged (approved, but no longer fits the venue's rules: red). */
export type BookingTone = 'approved' | 'pending' | 'competing' | 'flagged';

/** The colours of each, for the grid, the month views and the legend. */
export const BOOKING_TONES: Readonly<Record<BookingTone, ItemTone>> = {
  approved: { background: 'var(--ant-color-primary, #1d5ba6)', color: '#fff', border: '1px solid #154a8a' },
  pending: { background: '#fffbe6', color: '#5c3c00', border: '1px dashed #d48806' },
  competing: { background: 'repeating-linear-gradient(135deg, #fff1f0 0 6px, #ffe4e1 6px 12px)', color: '#820014', border: '2px dashed #cf1322' },
  flagged: { background: '#fff1f0', color: '#820014', border: '2px solid #cf1322' },
};

/** The closure of a venue on a date, if any. */
export function closureOn(venue: Pick<VenueView, 'closures'>, date: BusinessDate) {
  return venue.closures.find((c) => c.from <= date && date <= c.to);
}

/** A venue on a date as a grid column. */
export function columnOf(venue: VenueView, date: BusinessDate, exceptions: CalendarExceptions, key = `${date}:${venue.id}`): GridColumn {
  const closure = closureOn(venue, date);
  if (closure) return { key, date, resourceId: venue.id, open: null, note: closure.reason, noteTone: 'closure' };
  const exception = exceptions.get(date);
  if (!isWorkingDay(date, exceptions))
    return { key, date, resourceId: venue.id, open: null, note: exception?.name || undefined, noteTone: exception ? (exception.kind === 'closure' ? 'closure' : 'holiday') : undefined };
  const open: [number, number] = [parseClock(venue.opensAt) ?? 8 * 60, parseClock(venue.closesAt) ?? 17 * 60];
  return { key, date, resourceId: venue.id, open, ...(exception?.kind === 'workday' ? { note: exception.name, noteTone: 'workday' as const } : {}) };
}

/** How a day reads in a header: holiday, typhoon closure, make-up working day, weekend, today. */
export function dayTone(date: BusinessDate, exceptions: CalendarExceptions): DayTone | undefined {
  const e = exceptions.get(date);
  if (e) return e.kind === 'closure' ? 'closure' : e.kind === 'holiday' ? 'holiday' : 'workday';
  const wd = weekdayOf(date);
  if (wd === 0 || wd === 6) return 'weekend';
  return date === todayInTaipei() ? 'today' : undefined;
}

export function toneOf(b: BookingView, flagged: ReadonlySet<string>): BookingTone {
  if (b.status === 'approved') return flagged.has(b.id) ? 'flagged' : 'approved';
  return b.competing ? 'competing' : 'pending';
}

/** A booking as the grid draws it. */
export function eventOf(b: BookingView, venue: VenueView | undefined, flagged: ReadonlySet<string>, canMove: boolean, t: T, locale: Locale): GridItem {
  const tone = toneOf(b, flagged);
  const applicant = applicantName(b, locale);
  const badge = b.status === 'pending' && venue?.approvalLevels === 2 && b.approvedLevel === 1 ? t('venues.ui.cal.badgeLevel', { level: 1, of: 2 }) : undefined;
  const status = t(`venues.ui.tone.${tone}`);
  return {
    id: b.id,
    resourceId: b.venueId,
    start: b.start,
    end: b.end,
    bufferBefore: b.bufferBefore,
    bufferAfter: b.bufferAfter,
    title: b.eventName,
    detail: applicant,
    tone,
    badge,
    movable: canMove && (b.status === 'pending' || b.status === 'approved'),
    label: t('venues.ui.cal.eventLabel', { status, when: timeRange(b.start, b.end, locale), name: b.eventName, applicant }),
  };
}

/** 3/1（二） in zh-TW, Tue 3/1 in English; with the ROC year when asked. */
export function dayHead(date: BusinessDate, locale: Locale, withYear = false): string {
  const [, m, d] = date.split('-').map(Number);
  const wd = weekdayShort(date, locale);
  if (withYear) return locale === 'zh-TW' ? `${formatDate(date, locale)}（${wd}）` : `${wd} ${formatDate(date, locale)}`;
  return locale === 'zh-TW' ? `${m}/${d}（${wd}）` : `${wd} ${m}/${d}`;
}
