/**
 * RFC 5545 text: a VCALENDAR with the Asia/Taipei VTIMEZONE and VEVENTs. Lines end in
 * CRLF and are folded at 75 octets without splitting a UTF-8 character; text values are
 * escaped. Times carry TZID=Asia/Taipei (UNTIL and DTSTAMP are UTC, as the RFC asks).
 * Pure, so the workstation's export and a feed served on the LAN build the same text.
 */
import { taipeiWallMs } from '../dates';

export const TZID = 'Asia/Taipei';

export interface IcsEvent {
  uid: string;
  /** UTC ISO instants. */
  start: string;
  end: string;
  summary: string;
  location?: string;
  description?: string;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** Grows with each change, so calendar clients replace their copy. */
  sequence: number;
  /** When the record last changed (DTSTAMP, LAST-MODIFIED). */
  stamp: string;
  categories?: string[];
  /** A series: weekly on BYDAY or daily, every `interval`, up to the last occurrence's start. */
  rrule?: { freq: 'WEEKLY' | 'DAILY'; interval: number; byDay?: number[]; until: string };
  /** Occurrence starts (UTC ISO) left out of the series. */
  exdates?: string[];
  /** For an occurrence that differs from its series: its original start (UTC ISO). */
  recurrenceId?: string;
}

/** Octets of one character in UTF-8 (the line-length limit counts octets). */
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** 20220103T090000: Taipei wall-clock time of a UTC instant. */
export function localStamp(instant: string): string {
  return new Date(taipeiWallMs(Date.parse(instant))).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/** 20220103T010000Z */
export function utcStamp(instant: string): string {
  return `${new Date(instant).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds one content line into pieces of at most 75 octets, never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8Length(ch);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      // Continuation lines start with a space, which counts toward their 75.
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function eventLines(e: IcsEvent): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${utcStamp(e.stamp)}`, `LAST-MODIFIED:${utcStamp(e.stamp)}`, `SEQUENCE:${e.sequence}`];
  if (e.recurrenceId) lines.push(`RECURRENCE-ID;TZID=${TZID}:${localStamp(e.recurrenceId)}`);
  lines.push(`DTSTART;TZID=${TZID}:${localStamp(e.start)}`, `DTEND;TZID=${TZID}:${localStamp(e.end)}`);
  if (e.rrule) {
    const r = e.rrule;
    const byDay = r.byDay && r.byDay.length > 0 ? `;BYDAY=${r.byDay.map((d) => DAYS[d]).join(',')}` : '';
    lines.push(`RRULE:FREQ=${r.freq};INTERVAL=${r.interval}${byDay};UNTIL=${utcStamp(r.until)};WKST=SU`);
  }
  if (e.exdates && e.exdates.length > 0) lines.push(`EXDATE;TZID=${TZID}:${e.exdates.map(localStamp).join(',')}`);
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.categories && e.categories.length > 0) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  lines.push(`STATUS:${e.status}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

export function buildCalendar(name: string, events: readonly IcsEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//GA Desk//Venues//ZH-TW',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TZID}`,
    'BEGIN:VTIMEZONE',
    `TZID:${TZID}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
    ...events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
