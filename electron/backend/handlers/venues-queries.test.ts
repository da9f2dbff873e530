import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportedList } from '../../../domain/call';
import { tempDir } from '../../../test/support/fresh-db';
import { EXPORT_MIME } from '../export/table-export';
import { Workstation } from '../workstation';
import { AUD, CHIEF, MR1, MR2, bookingArgs, tp, venueDesk, type Desk } from '../../../test/support/venue-desk';
import { signInAs } from '../../../test/support/sign-in';

let desk: Desk;
afterEach(() => desk?.close());

function exported(r: ExportedList) {
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('venue desk reads', () => {
  it('checks a booking before saving: the approved booking in the way, competitors, warnings, and the nearest free slots', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('held', { eventName: '預算審查', from: '2022-03-01 14:00', to: '2022-03-01 16:00' }));
    await desk.must('booking.approve', { id: 'held' });
    await desk.must('booking.create', bookingArgs('hopeful', { from: '2022-03-01 15:00', to: '2022-03-01 17:00' }));
    const check = await desk.ws.call('venues.check', { venueId: MR1, start: tp('2022-03-01 14:00'), end: tp('2022-03-01 16:00'), attendees: 18, equipment: ['video_conference'] });
    expect(check.refusals).toEqual([]);
    expect(check.conflicts.map((b) => [b.id, b.eventName, b.number])).toEqual([['held', '預算審查', desk.get('held')!.number]]);
    expect(check.competing.map((b) => b.id)).toEqual(['hopeful']);
    expect(check.warnings).toEqual([]);
    // Same time in the other meeting room first (it has no video conferencing, so it is not offered), then nearby times here.
    expect(check.alternatives.length).toBeGreaterThan(0);
    expect(check.alternatives.every((s) => s.venueId === MR1 && !s.sameTime)).toBe(true);
    // After 16:15 two hours no longer fit before 18:00; before, 11:30–13:30 with its tear-down ends as the held booking's set-up begins.
    expect(check.alternatives[0]).toMatchObject({ start: tp('2022-03-01 11:30'), shiftMinutes: -150 });

    const clear = await desk.ws.call('venues.check', { venueId: MR1, start: tp('2022-03-02 09:00'), end: tp('2022-03-02 10:00'), attendees: 50, equipment: ['piano'], applicantAgencyId: null });
    expect(clear.refusals.map((p) => p.code)).toEqual(['venues.agenciesOnly']);
    expect(clear.warnings.map((p) => p.code)).toEqual(['venues.overCapacity', 'venues.missing.piano']);
    expect((await desk.ws.call('venues.check', { venueId: MR1, start: tp('2022-03-05 09:00'), end: tp('2022-03-05 10:00') })).refusals.map((p) => p.code)).toEqual(['venues.weekend']);
  });

  it('finds free rooms through the API, the same time first', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('mr1', { from: '2022-03-01 14:00', to: '2022-03-01 16:00' }));
    await desk.must('booking.approve', { id: 'mr1' });
    const slots = await desk.ws.call('venues.freeSlots', { start: tp('2022-03-01 14:00'), end: tp('2022-03-01 16:00'), attendees: 15, types: ['meeting_room'], limit: 3 });
    expect(slots[0]).toMatchObject({ venueId: MR2, sameTime: true });
    expect(slots.slice(1).every((s) => !s.sameTime)).toBe(true);
  });

  it('lists the same bookings as a plain overlap query, however long ago the long ones began', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('season', { venueId: AUD, eventName: '季展', from: '2022-01-03 09:00', to: '2022-03-01 17:00' }));
    await desk.must('booking.create', bookingArgs('expo', { venueId: AUD, eventName: '特展', from: '2022-02-21 09:00', to: '2022-02-25 17:00' }));
    await desk.must('booking.create', bookingArgs('two-days', { venueId: MR2, from: '2022-02-14 09:00', to: '2022-02-15 17:00' }));
    for (const [i, day] of ['2022-01-04', '2022-01-10', '2022-02-09', '2022-02-15', '2022-02-16', '2022-02-22', '2022-02-25', '2022-03-01'].entries()) {
      await desk.must('booking.create', bookingArgs(`m${i}`, { venueId: MR1, from: `${day} 10:00`, to: `${day} 11:00` }));
    }
    const plain = desk.ws.db.$client.prepare('SELECT id FROM booking WHERE start < ? AND "end" > ? ORDER BY start, id').pluck();
    let long = 0;
    for (let d = Date.parse(tp('2022-01-01 00:00')); d < Date.parse(tp('2022-03-05 00:00')); d += 86_400_000) {
      for (const days of [1, 7]) {
        const range = { from: new Date(d).toISOString(), to: new Date(d + days * 86_400_000).toISOString() };
        const ids = (await desk.ws.call('venues.bookings', range)).map((b) => b.id);
        expect(ids, range.from).toEqual(plain.all(range.to, range.from));
        long += ids.filter((id) => id === 'season').length;
      }
    }
    expect(long).toBeGreaterThan(50);
  });

  it('lists bookings overlapping a range, filtered by venue, status, agency and text', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('a', { eventName: '防災演練說明會', letterNo: '高市民字第111001號', from: '2022-03-01 09:00', to: '2022-03-01 10:00' }));
    await desk.must('booking.create', bookingArgs('b', { venueId: AUD, applicantAgencyId: null, applicantOrg: '港都國樂團', eventName: '音樂會', from: '2022-03-01 19:00', to: '2022-03-01 21:00' }));
    await desk.must('booking.create', bookingArgs('expo', { venueId: AUD, eventName: '特展', from: '2022-02-21 09:00', to: '2022-02-25 17:00' }));
    const day = { from: tp('2022-03-01 00:00'), to: tp('2022-03-02 00:00') };
    expect((await desk.ws.call('venues.bookings', day)).map((b) => b.id)).toEqual(['a', 'b']);
    expect((await desk.ws.call('venues.bookings', { ...day, venueIds: [AUD] })).map((b) => b.id)).toEqual(['b']);
    expect((await desk.ws.call('venues.bookings', { ...day, text: '111001' })).map((b) => b.id)).toEqual(['a']);
    expect((await desk.ws.call('venues.bookings', { ...day, text: '國樂' })).map((b) => b.id)).toEqual(['b']);
    expect((await desk.ws.call('venues.bookings', { ...day, agencyId: 'ag-cab' })).map((b) => b.id)).toEqual(['a']);
    expect((await desk.ws.call('venues.bookings', { ...day, statuses: ['approved'] })).map((b) => b.id)).toEqual([]);
    // A multi-day booking shows on every day it runs, its last days too.
    expect((await desk.ws.call('venues.bookings', { from: tp('2022-02-23 00:00'), to: tp('2022-02-24 00:00') })).map((b) => b.id)).toEqual(['expo']);
    expect((await desk.ws.call('venues.bookings', { from: tp('2022-02-25 00:00'), to: tp('2022-02-26 00:00') })).map((b) => b.id)).toEqual(['expo']);
    const detail = await desk.ws.call('venues.booking', { id: 'b' });
    expect(detail).toMatchObject({ booking: { id: 'b', venueNameZh: '大禮堂', applicantNameZh: '港都國樂團' }, venue: { id: AUD }, series: null, occurrences: [] });
  });

  it("exports the filtered list as .xlsx and .ods with the list's columns", async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('a', { eventName: '防災演練說明會', from: '2022-03-01 09:00', to: '2022-03-01 10:00' }));
    await desk.must('booking.approve', { id: 'a' });
    await desk.must('booking.create', bookingArgs('x', { eventName: '三月另一場', from: '2022-03-10 09:00', to: '2022-03-10 10:00' }));
    const filter = { from: tp('2022-03-01 00:00'), to: tp('2022-03-02 00:00') };
    const xlsx = exported(await desk.ws.call('venues.export', { ...filter, format: 'xlsx' }));
    expect(xlsx.fileName).toMatch(/^場地申請清單-\d{7}\.xlsx$/);
    expect(xlsx.mime).toBe(EXPORT_MIME.xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.fileBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('場地申請');
    expect(sheet.rowCount).toBe(2);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['編號', '場地', '時間', '天數', '活動名稱', '活動類別', '申請機關', '聯絡人', '預計人數', '來文文號', '費用', '免收費用', '狀態']);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 8)).toEqual([desk.get('a')!.number, '市府第一會議室', '111/03/01 09:00 – 111/03/01 10:00', 1, '防災演練說明會', '會議', '民政局']);
    // No phone numbers in the export: the list's purpose does not need them.
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain('07-3368333');
    const ods = exported(await desk.ws.call('venues.export', { ...filter, format: 'ods' }));
    const content = await (await JSZip.loadAsync(Buffer.from(ods.fileBase64, 'base64'))).file('content.xml')!.async('string');
    expect(content).toContain('防災演練說明會');
    expect(content).not.toContain('三月另一場');
  });

  it('filters the list and its export by activity type (政令宣導, 市政行銷)', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('policy', { eventName: '防災政令宣導', activityType: 'policy_promotion', from: '2022-03-01 09:00', to: '2022-03-01 10:00' }));
    await desk.must('booking.create', bookingArgs('marketing', { eventName: '觀光行銷記者會', activityType: 'city_marketing', from: '2022-03-01 10:30', to: '2022-03-01 11:30' }));
    await desk.must('booking.create', bookingArgs('meeting', { eventName: '局務會議', from: '2022-03-01 14:00', to: '2022-03-01 15:00' }));
    const day = { from: tp('2022-03-01 00:00'), to: tp('2022-03-02 00:00') };
    expect((await desk.ws.call('venues.bookings', { ...day, activityTypes: ['policy_promotion'] })).map((b) => b.id)).toEqual(['policy']);
    expect((await desk.ws.call('venues.bookings', { ...day, activityTypes: ['policy_promotion', 'city_marketing'] })).map((b) => b.id)).toEqual(['policy', 'marketing']);
    expect((await desk.ws.call('venues.bookings', { ...day, activityTypes: ['exhibition'] })).map((b) => b.id)).toEqual([]);

    const xlsx = exported(await desk.ws.call('venues.export', { ...day, activityTypes: ['city_marketing'], format: 'xlsx' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.fileBase64, 'base64') as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(5, 7));
    expect(rows).toEqual([['觀光行銷記者會', '市政行銷']]);
    const ods = exported(await desk.ws.call('venues.export', { ...day, activityTypes: ['policy_promotion'], format: 'ods' }));
    const content = await (await JSZip.loadAsync(Buffer.from(ods.fileBase64, 'base64'))).file('content.xml')!.async('string');
    expect(content).toContain('防災政令宣導');
    expect(content).not.toContain('觀光行銷記者會');
    expect(content).not.toContain('局務會議');
    await expect(desk.ws.call('venues.bookings', { ...day, activityTypes: ['sports' as 'meeting'] })).rejects.toThrow(/activityTypes/);
  });

  it('has no subscription link for Outlook while the workstation works without a sync server', async () => {
    desk = await venueDesk();
    expect(await desk.ws.call('venues.feedLink', { venueId: MR1 })).toEqual({ url: null });
  });

  it('counts the demo data for the report period (110/9/1–111/1/31)', async () => {
    const ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
    try {
      expect(await ws.call('demo.load', {})).toMatchObject({ ok: true });
      await signInAs(ws, ['supervisor']);
      const f = await ws.call('venues.figures', { from: '2021-09-01', to: '2022-01-31' });
      // Approved and starting in the period: of the history, 八王子 exhibition, the briefing, the labor seminar, the library
      // exhibit (4 sessions) and 13 weekly meetings (11/1–1/24) less the cancelled 12/27, budget review, fire drill briefing
      // (14 room uses); with the report period's bookings (report-period-venues.ts), the business report's 205 and 1,149.
      expect(f.venueSessions).toBe(205);
      expect(f.roomUses).toBe(1149);
      const history = (await ws.call('venues.bookings', { from: '2021-09-01T00:00:00.000Z', to: '2022-01-31T00:00:00.000Z' })).filter((b) => !b.id.startsWith('demo-rp-'));
      expect(history.some((b) => b.eventName === '姊妹市交流展：日本八王子市' && b.status === 'approved')).toBe(true);
      expect(f.rows.find((r) => r.siteId === 'demo-site-SW' && r.activityType === 'exhibition')).toMatchObject({ measure: 'venue_sessions' });
      const competing = await ws.call('venues.competing', {});
      // The period's pair (the applications around today compete too, outside it).
      expect(competing.filter((g) => g.bookings.some((b) => b.start < '2022-02-01')).map((g) => g.bookings.map((b) => b.eventName))).toEqual([['新春國樂演奏會', '迎春合唱音樂會']]);
      void CHIEF;
    } finally {
      ws.close();
    }
  });
});
