import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { occurrenceId } from '../../../domain/venues/recurrence';
import { AUD, CHIEF, MR1, bookingArgs, tp, venueDesk, type Desk } from '../../../test/support/venue-desk';
import { buildCalendar, foldLine } from '../../../domain/venues/ical';

let desk: Desk;
afterEach(() => desk?.close());

const LONG_NAME = '高雄市政府與姊妹市日本八王子市締結友好交流三十週年紀念特展暨城市觀光行銷說明會，歡迎各機關同仁踴躍參加';

async function feed(venueId: string): Promise<string> {
  const r = await desk.ws.call('venues.ical', { venueId });
  if (!r.ok) throw new Error(r.message);
  return r.text;
}

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = cal.getAllSubcomponents('vevent');
  return { cal, events };
}

async function bookedDesk() {
  desk = await venueDesk();
  await desk.must('booking.create', bookingArgs('long', { eventName: LONG_NAME, from: '2022-03-01 14:00', to: '2022-03-01 16:00' }));
  await desk.must('booking.approve', { id: 'long' });
  await desk.must('booking.create', bookingArgs('gone', { eventName: '取消的會議', from: '2022-03-02 09:00', to: '2022-03-02 10:00' }));
  await desk.must('booking.cancel', { id: 'gone', reason: '主席請假' });
  await desk.must('booking.create', bookingArgs('no', { eventName: '駁回的會議', from: '2022-03-03 09:00', to: '2022-03-03 10:00' }));
  await desk.must('booking.reject', { id: 'no', reason: '不符規定' });
  const { start, end, ...particulars } = bookingArgs('weekly', { eventName: '局務會議' });
  void start;
  void end;
  // Mondays 2/14 … 3/28; 2/28 is a holiday (skipped); 3/14 cancelled; 3/21 moved to Tuesday.
  await desk.must('bookingSeries.create', {
    ...particulars,
    rule: { freq: 'weekly', interval: 1, weekdays: [1] },
    startDate: '2022-02-14',
    startTime: '09:00',
    endTime: '10:00',
    until: '2022-03-28',
    count: null,
  });
  await desk.must('booking.move', { id: occurrenceId('weekly', '2022-03-21'), start: tp('2022-03-22 10:00'), end: tp('2022-03-22 11:00') });
  await desk.must('bookingSeries.approve', { id: 'weekly' });
  await desk.must('booking.cancel', { id: occurrenceId('weekly', '2022-03-14'), reason: '停開一次' });
}

describe('iCalendar feed of a venue', () => {
  it('is RFC 5545 text: CRLF line ends, lines folded at 75 octets without splitting a character', async () => {
    await bookedDesk();
    const text = await feed(MR1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length, line).toBeLessThanOrEqual(75);
      // Every physical line is whole UTF-8 on its own.
      expect(bytes.toString('utf8')).not.toContain('\uFFFD');
    }
    const summaryAt = lines.findIndex((l) => l.startsWith('SUMMARY:高雄市政府'));
    expect(lines[summaryAt + 1].startsWith(' ')).toBe(true);
    expect(/[\u4e00-\u9fff]/.test(lines[summaryAt + 1])).toBe(true);
    const { events } = parse(text);
    const long = events.find((e) => e.getFirstPropertyValue('uid') === 'long@ga-desk')!;
    expect(long.getFirstPropertyValue('summary')).toBe(LONG_NAME);
  });

  it('parses with stable UIDs, Asia/Taipei times, cancellations and no rejected applications', async () => {
    await bookedDesk();
    const text = await feed(MR1);
    const { cal, events } = parse(text);
    expect(cal.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Asia/Taipei');
    expect(events.map((e) => e.getFirstPropertyValue('uid')).sort()).toEqual(['gone@ga-desk', 'long@ga-desk', 'weekly@ga-desk', 'weekly@ga-desk']);
    const long = new ICAL.Event(events.find((e) => e.getFirstPropertyValue('uid') === 'long@ga-desk')!);
    expect(long.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Taipei');
    expect(long.startDate.zone.tzid).toBe('Asia/Taipei');
    expect(long.startDate.toJSDate().toISOString()).toBe(tp('2022-03-01 14:00'));
    expect(long.endDate.toJSDate().toISOString()).toBe(tp('2022-03-01 16:00'));
    expect(events.find((e) => e.getFirstPropertyValue('uid') === 'gone@ga-desk')!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(long.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(long.location).toContain('市府第一會議室');
    expect(text).not.toContain('07-3368333');
    // The same data gives the same text: subscribers see no spurious changes.
    expect(await feed(MR1)).toBe(text);
  });

  it('gives a series as RRULE with EXDATEs for the holiday and the cancelled meeting, and the moved one as an override', async () => {
    await bookedDesk();
    const { events } = parse(await feed(MR1));
    const parts = events.filter((e) => e.getFirstPropertyValue('uid') === 'weekly@ga-desk');
    const master = new ICAL.Event(parts.find((e) => !e.hasProperty('recurrence-id'))!);
    const override = parts.find((e) => e.hasProperty('recurrence-id'))!;
    master.relateException(override);
    expect(master.isRecurring()).toBe(true);
    expect(String(master.component.getFirstPropertyValue('rrule'))).toContain('FREQ=WEEKLY');
    const exdates = master.component
      .getAllProperties('exdate')
      .flatMap((p) => p.getValues())
      .map((t) => (t as ICAL.Time).toJSDate().toISOString());
    expect(exdates.sort()).toEqual([tp('2022-02-28 09:00'), tp('2022-03-14 09:00')]);
    const it = master.iterator();
    const starts: string[] = [];
    for (let next = it.next(); next; next = it.next()) starts.push(master.getOccurrenceDetails(next).startDate.toJSDate().toISOString());
    expect(starts).toEqual([tp('2022-02-14 09:00'), tp('2022-02-21 09:00'), tp('2022-03-07 09:00'), tp('2022-03-22 10:00'), tp('2022-03-28 09:00')]);
  });

  it('serves a venue feed and an agency feed; an occurrence moved to another venue leaves one and joins the other', async () => {
    await bookedDesk();
    await desk.must('booking.move', { id: occurrenceId('weekly', '2022-03-07'), venueId: AUD, start: tp('2022-03-07 09:00'), end: tp('2022-03-07 10:00') }, CHIEF);
    const here = parse(await feed(MR1));
    const master = here.events.find((e) => e.getFirstPropertyValue('uid') === 'weekly@ga-desk' && !e.hasProperty('recurrence-id'))!;
    const exdates = master
      .getAllProperties('exdate')
      .flatMap((p) => p.getValues())
      .map((t) => (t as ICAL.Time).toJSDate().toISOString());
    expect(exdates).toContain(tp('2022-03-07 09:00'));
    const there = parse(await feed(AUD));
    expect(there.events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([`${occurrenceId('weekly', '2022-03-07')}@ga-desk`]);
    const agency = await desk.ws.call('venues.ical', { agencyId: 'ag-cab' });
    expect(agency.ok && agency.fileName).toBe('民政局場地行事曆.ics');
    expect(agency.ok && parse(agency.text).events.length).toBeGreaterThanOrEqual(4);
    expect(await desk.ws.call('venues.ical', {})).toMatchObject({ ok: false });
  });
});

describe('line folding', () => {
  it('folds at 75 octets, continuation lines start with a space, and unfolds to the original', () => {
    const line = `SUMMARY:${'場地'.repeat(40)}`;
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
    expect(pieces.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:ok')).toBe('SHORT:ok');
  });

  it('escapes commas, semicolons and newlines in text', () => {
    const text = buildCalendar('x', [
      { uid: 'a@x', start: tp('2022-03-01 09:00'), end: tp('2022-03-01 10:00'), summary: '會議; 第一場, 上午\n地點', status: 'CONFIRMED', sequence: 0, stamp: '2022-02-01T00:00:00.000Z' },
    ]);
    const { events } = parse(text);
    expect(events[0].getFirstPropertyValue('summary')).toBe('會議; 第一場, 上午\n地點');
  });
});
