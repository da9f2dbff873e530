import { afterEach, describe, expect, it } from 'vitest';
import { AUD, CHIEF, MR1, MR2, bookingArgs, tp, venueDesk, type Desk } from '../../../test/support/venue-desk';

let desk: Desk;
afterEach(() => desk?.close());

/** A week of March 2022 (Tuesday 1 to Monday 7): what the report's drill-down is asked for. */
const WEEK = { from: '2022-03-01', to: '2022-03-07' };

async function approvedInAuditorium(id: string, from: string, to: string) {
  await desk.must('booking.create', bookingArgs(id, { venueId: AUD, eventName: `展覽 ${id}`, activityType: 'exhibition', from, to }));
  await desk.must('booking.approve', { id });
  await desk.must('booking.approve', { id }, CHIEF);
}

describe('the report’s drill-down into venue sessions and room uses', () => {
  it('lists exactly the bookings each figure counts, one row per occurrence however many days it runs', async () => {
    desk = await venueDesk();
    // Venue sessions: a four-day exhibition counts once, on the day it opens; one that opened the week before does not.
    await approvedInAuditorium('earlier', '2022-02-24 09:00', '2022-03-01 12:00');
    await approvedInAuditorium('expo', '2022-03-02 09:00', '2022-03-04 17:00');
    // Room uses: two meetings; a rejected, a cancelled and a pending one are not counted, so not listed.
    await desk.must('booking.create', bookingArgs('mr2-a', { venueId: MR2, from: '2022-03-02 09:00', to: '2022-03-02 10:00' }));
    await desk.must('booking.create', bookingArgs('mr2-b', { venueId: MR2, from: '2022-03-03 14:00', to: '2022-03-03 15:00' }));
    await desk.must('booking.create', bookingArgs('rejected', { from: '2022-03-02 14:00', to: '2022-03-02 15:00' }));
    await desk.must('booking.reject', { id: 'rejected', reason: '同時段另有市長行程' });
    await desk.must('booking.create', bookingArgs('cancelled', { venueId: MR2, from: '2022-03-04 09:00', to: '2022-03-04 10:00' }));
    await desk.must('booking.cancel', { id: 'cancelled', reason: '活動取消' });
    await desk.must('booking.create', bookingArgs('pending', { venueId: MR1, from: '2022-03-04 14:00', to: '2022-03-04 15:00' }));

    const figures = await desk.ws.call('venues.figures', WEEK);
    const sessions = await desk.ws.call('report.records', { ...WEEK, figure: 'venue_sessions' });
    const rooms = await desk.ws.call('report.records', { ...WEEK, figure: 'room_uses' });
    expect(sessions.rows.length).toBe(figures.venueSessions);
    expect(rooms.rows.length).toBe(figures.roomUses);
    expect(sessions.rows.map((r) => [r.id, r.date])).toEqual([['expo', '2022-03-02']]);
    expect(rooms.rows.map((r) => [r.id, r.date])).toEqual([
      ['mr2-a', '2022-03-02'],
      ['mr2-b', '2022-03-03'],
    ]);
    // Days the exhibition runs on but did not open on list nothing.
    expect((await desk.ws.call('report.records', { from: '2022-03-03', to: '2022-03-07', figure: 'venue_sessions' })).rows).toEqual([]);
  });

  it('takes the period’s edges by Taipei date: a meeting at 07:00 counts on its Taipei day, not the UTC day before', async () => {
    desk = await venueDesk();
    // Before opening hours, so a supervisor books them with an override. 07:00 on 3/1 in Taipei is 23:00 on 2/28 in UTC.
    const early = (id: string, day: string, from: string, to: string) =>
      desk.must('booking.create', bookingArgs(id, { venueId: MR2, from: `${day} ${from}`, to: `${day} ${to}`, override: { reason: '市長臨時記者會' } }), CHIEF);
    await early('first-morning', '2022-03-01', '07:00', '07:50');
    await early('last-evening', '2022-03-07', '21:00', '23:59');
    await early('day-after', '2022-03-08', '07:00', '07:50');
    expect(desk.get('first-morning')!.start).toBe(tp('2022-03-01 07:00'));
    expect(desk.get('first-morning')!.start.slice(0, 10)).toBe('2022-02-28');

    const rooms = await desk.ws.call('report.records', { ...WEEK, figure: 'room_uses' });
    expect(rooms.rows.map((r) => [r.id, r.date])).toEqual([
      ['first-morning', '2022-03-01'],
      ['last-evening', '2022-03-07'],
    ]);
    expect(rooms.rows.length).toBe((await desk.ws.call('venues.figures', WEEK)).roomUses);
    expect((await desk.ws.call('report.records', { from: '2022-02-28', to: '2022-02-28', figure: 'room_uses' })).rows).toEqual([]);
  });

  it('shows each booking as the clerk finds it, in the reader’s language, with no contact details', async () => {
    desk = await venueDesk();
    await desk.must(
      'booking.create',
      bookingArgs('mr2', { venueId: MR2, eventName: '預算審查會議', contactName: '王小明', contactPhone: '0912-345678', from: '2022-03-02 09:00', to: '2022-03-02 11:30' }),
    );
    const zh = await desk.ws.call('report.records', { ...WEEK, figure: 'room_uses' });
    expect(zh.figure).toBe('room_uses');
    expect(zh.columns.map((c) => c.key)).toEqual(['number', 'date', 'time', 'venue', 'site', 'activityType', 'eventName', 'applicant']);
    expect(zh.rows[0]).toEqual({
      id: 'mr2',
      date: '2022-03-02',
      siteId: 'site-sw',
      cells: {
        number: desk.get('mr2')!.number,
        date: '2022-03-02',
        time: '111/03/02 09:00–11:30',
        venue: '第二會議室',
        site: '四維行政中心',
        activityType: '會議',
        eventName: '預算審查會議',
        applicant: '民政局',
      },
    });
    expect(JSON.stringify(zh)).not.toContain('0912');
    expect(JSON.stringify(zh)).not.toContain('王小明');
    await desk.ws.call('app.setLocale', { locale: 'en' });
    const en = await desk.ws.call('report.records', { ...WEEK, figure: 'room_uses' });
    expect(en.rows[0].cells).toMatchObject({ venue: 'MR2', site: 'Siwei', activityType: 'Meeting', applicant: 'Civil Affairs Bureau' });
  });

  it('refuses a figure it does not count, naming the ones it does', async () => {
    desk = await venueDesk();
    await expect(desk.ws.call('venues.figureRecords', { ...WEEK, figure: 'trips' })).rejects.toThrow(/figure is not valid/);
    await expect(desk.ws.call('report.records', { ...WEEK, figure: 'sessions' })).rejects.toThrow(/figure/);
  });
});
