import { Writable } from 'node:stream';
import ICAL from 'ical.js';
import { beforeEach, expect, it } from 'vitest';
import { occurrenceId } from '../domain/venues/recurrence';
import { feedKey } from './ical-routes';
import { bookingArgs, describeEachEngine, startHarness, VENUE, venueWorld, type Harness, type Workstation } from '../test/support/server-harness';

const SERIES = 'series-weekly';
const taipei = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();

/** A single booking, a cancelled one, and a weekly series (Tuesdays 3/1–3/22, 17:00) with one occurrence cancelled and one moved. */
async function bookings(ws: Workstation): Promise<void> {
  const as = (name: string, args: unknown) => ws.outbox(name, args, VENUE.clerkId);
  const { start: _s, end: _e, ...particulars } = bookingArgs(SERIES, 0, { eventName: '局務會議' });
  const r = await ws.push([
    ...venueWorld(ws),
    as('booking.create', bookingArgs('bk-ok', 0, { eventName: '防災演練說明會' })),
    as('booking.create', bookingArgs('bk-gone', 1, { eventName: '取消的會議' })),
    as('booking.cancel', { id: 'bk-gone', reason: '主席請假' }),
    as('bookingSeries.create', {
      ...particulars,
      rule: { freq: 'weekly', interval: 1, weekdays: [2] },
      startDate: '2022-03-01',
      startTime: '17:00',
      endTime: '17:30',
      until: '2022-03-22',
      count: null,
    }),
    as('booking.cancel', { id: occurrenceId(SERIES, '2022-03-15'), reason: '停開一次' }),
    as('booking.move', { id: occurrenceId(SERIES, '2022-03-22'), start: taipei('2022-03-23', '16:00'), end: taipei('2022-03-23', '16:30') }),
  ]);
  expect(r.status).toBe(200);
  const pages = await ws.pullAll();
  expect(pages.flatMap((p) => p.refusals)).toEqual([]);
}

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal.getAllSubcomponents('vevent');
}

describeEachEngine('iCalendar feeds on the LAN', (open) => {
  let h: Harness;
  let ws: Workstation;
  let logged: string;
  beforeEach(async () => {
    logged = '';
    const stream = new Writable({ write: (chunk, _enc, done) => ((logged += String(chunk)), done()) });
    h = await startHarness(await open(), { log: { stream } });
    ws = await h.workstation();
    await bookings(ws);
  });

  const link = async (scope: 'venue' | 'agency', id: string, token = ws.token) => {
    const r = await h.call<{ path: string }>('GET', `/ical/link/${scope}/${id}`, undefined, token);
    expect(r.status).toBe(200);
    return r.body.path;
  };
  const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers });

  it("serves a venue's bookings as a calendar Outlook subscribes to: stable UIDs, the series with RRULE and EXDATE, a cancelled booking as CANCELLED", async () => {
    const path = await link('venue', VENUE.id);
    expect(path).toMatch(/^\/ical\/venue\/v-mr2\.ics\?key=[A-Za-z0-9_-]{43}$/);
    // An administrator is given the same link as the workstation.
    expect(await link('venue', VENUE.id, h.adminToken)).toBe(path);
    const res = await get(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.body).toContain('X-WR-CALNAME:第二會議室場地預約');
    const events = parse(res.body);
    const byUid = (uid: string) => events.filter((e) => e.getFirstPropertyValue('uid') === uid);

    const [single] = byUid('bk-ok@ga-desk');
    expect(single.getFirstPropertyValue('summary')).toBe('防災演練說明會');
    expect(single.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(single.getFirstPropertyValue('location')).toBe('第二會議室（四維行政中心）');
    expect((single.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(taipei('2022-03-01', '09:00'));
    expect(byUid('bk-gone@ga-desk')[0].getFirstPropertyValue('status')).toBe('CANCELLED');

    const series = byUid(`${SERIES}@ga-desk`);
    const master = series.find((e) => !e.hasProperty('recurrence-id'))!;
    expect(String(master.getFirstPropertyValue('rrule'))).toContain('FREQ=WEEKLY');
    expect(String(master.getFirstPropertyValue('rrule'))).toContain('BYDAY=TU');
    const exdates = master
      .getAllProperties('exdate')
      .flatMap((p) => p.getValues())
      .map((t) => (t as ICAL.Time).toJSDate().toISOString());
    expect(exdates).toEqual([taipei('2022-03-15', '17:00')]);
    const moved = series.find((e) => e.hasProperty('recurrence-id'))!;
    expect((moved.getFirstPropertyValue('recurrence-id') as ICAL.Time).toJSDate().toISOString()).toBe(taipei('2022-03-22', '17:00'));
    expect((moved.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(taipei('2022-03-23', '16:00'));
    // What a calendar shows of the series: 3/1, 3/8, and the moved one; 3/15 is left out.
    const shown: string[] = [];
    const it = new ICAL.RecurExpansion({ component: master, dtstart: master.getFirstPropertyValue('dtstart') as ICAL.Time });
    for (let t = it.next(); t; t = it.next()) shown.push(t.toJSDate().toISOString());
    expect(shown).toEqual([taipei('2022-03-01', '17:00'), taipei('2022-03-08', '17:00'), taipei('2022-03-22', '17:00')]);

    // The same UIDs after another change: a subscribed calendar updates its events instead of doubling them.
    await ws.push([ws.outbox('booking.update', { id: 'bk-ok', eventName: '防災演練說明會（改）' }, VENUE.clerkId)]);
    const again = parse((await get(path)).body);
    expect(again.map((e) => e.getFirstPropertyValue('uid')).sort()).toEqual(events.map((e) => e.getFirstPropertyValue('uid')).sort());
    expect(again.find((e) => e.getFirstPropertyValue('uid') === 'bk-ok@ga-desk')!.getFirstPropertyValue('summary')).toBe('防災演練說明會（改）');
  });

  it("serves an applying agency's bookings, in English when asked, and answers 304 while nothing changed", async () => {
    const path = await link('agency', VENUE.agencyId);
    const res = await get(`${path}&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(parse(res.body).map((e) => e.getFirstPropertyValue('uid'))).toContain('bk-ok@ga-desk');
    expect(res.body).toContain('X-WR-CALNAME:民政局 venue bookings');
    expect(res.body).toContain('LOCATION:MR2 (四維行政中心)');
    const etag = String(res.headers.etag);
    expect((await get(`${path}&lang=en`, { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await get(path, { 'if-none-match': etag })).statusCode).toBe(200);
  });

  it("refuses a feed without its key, with a wrong one, with another feed's, and after the keys were renewed", async () => {
    const venuePath = await link('venue', VENUE.id);
    const agencyKey = new URL(await link('agency', VENUE.agencyId), 'http://x').searchParams.get('key')!;
    const bare = `/ical/venue/${VENUE.id}.ics`;
    for (const url of [bare, `${bare}?key=`, `${bare}?key=${'A'.repeat(43)}`, `${bare}?key=${agencyKey}`, `${bare}?key=${agencyKey}x`]) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(401);
      expect(r.json()).toMatchObject({ code: 'ical.invalidKey' });
    }
    // The key reads calendars only: it is no token for the sync protocol.
    expect((await h.call('POST', '/pull', {}, new URL(venuePath, 'http://x').searchParams.get('key')!)).status).toBe(401);

    // Links are handed out to workstations and administrators only.
    expect((await h.call('GET', `/ical/link/venue/${VENUE.id}`)).status).toBe(401);
    expect((await h.call('POST', `/users/${VENUE.clerkId}/password`, { password: 'venue clerk 1' }, h.adminToken)).status).toBe(200);
    const clerk = await h.login('clerk', 'venue clerk 1');
    expect(clerk.status).toBe(200);
    expect((await h.call('GET', `/ical/link/venue/${VENUE.id}`, undefined, clerk.body.token)).body).toMatchObject({ code: 'auth.forbidden' });

    const renewed = await h.call('POST', '/ical/keys/renew', undefined, h.adminToken);
    expect(renewed.status).toBe(200);
    expect((await h.call('POST', '/ical/keys/renew', undefined, ws.token)).status).toBe(403);
    expect((await get(venuePath)).statusCode).toBe(401);
    const fresh = await link('venue', VENUE.id);
    expect(fresh).not.toBe(venuePath);
    expect((await get(fresh)).statusCode).toBe(200);
  });

  it('answers 404 for a venue or agency that does not exist, also with a key made for it', async () => {
    expect((await h.call('GET', '/ical/link/venue/no-such-venue', undefined, ws.token)).status).toBe(404);
    await link('venue', VENUE.id);
    const secret = await h.db.read(async (c) => Buffer.from((await c.all<{ value: string }>("SELECT value FROM server_info WHERE key = 'icalSecret'"))[0].value, 'hex'));
    const r = await get(`/ical/venue/no-such-venue.ics?key=${feedKey(secret, 'venue', 'no-such-venue')}`);
    expect(r.statusCode).toBe(404);
    expect((await get(`/ical/agency/nobody.ics?key=${feedKey(secret, 'agency', 'nobody')}`)).statusCode).toBe(404);
    expect((await get(`/ical/parking/${VENUE.id}.ics?key=${feedKey(secret, 'venue', VENUE.id)}`)).statusCode).toBe(404);
    expect((await get(`/ical/venue/${VENUE.id}.json?key=${feedKey(secret, 'venue', VENUE.id)}`)).statusCode).toBe(404);
  });

  it('is described in /openapi.json', async () => {
    const doc = await h.call<{ paths: Record<string, Record<string, unknown>> }>('GET', '/openapi.json');
    expect(doc.body.paths['/ical/{scope}/{id}.ics']?.get).toBeDefined();
    expect(doc.body.paths['/ical/link/{scope}/{id}']?.get).toBeDefined();
    expect(doc.body.paths['/ical/keys/renew']?.post).toBeDefined();
  });

  it('keeps the key out of the log', async () => {
    const path = await link('venue', VENUE.id);
    const key = new URL(path, 'http://x').searchParams.get('key')!;
    await get(path);
    await get(`/ical/venue/${VENUE.id}.ics?key=wrong${key.slice(5)}`);
    expect(logged).toContain(`/ical/venue/${VENUE.id}.ics?[redacted]`);
    expect(logged).not.toContain(key);
    expect(logged).not.toContain(key.slice(5));
  });
});
