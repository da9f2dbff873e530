/**
 * The venue desk in zh-TW, on the demo data: an application from 申請中 through the venue
 * clerk's and the section chief's approval (its scanned letter attached) and its letter on one A4 page; the week of all
 * rooms of 四維行政中心 side by side, a booking dragged to a new time (and one dragged onto
 * an approved booking refused with the reason); the free-slot finder starting an
 * application; the iCalendar export read back by ical.js, and the .xlsx export.
 */
import fs from 'node:fs';
import { addDays, todayInTaipei, weekdayOf } from '../../domain/dates';
import { instantAt } from '../../renderer/components/time-grid/grid-logic';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskBrowser, launchBrowser, screenshot } from './support/browser';
import { demoUser, seededDataDir } from './support/demo';
import { signIn } from './support/session';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';
import { call } from './pages/VenueApi';
import { VenuePage } from './pages/VenuePage';
import { zh } from './pages/zh';

/** Pages in a PDF: its /Type /Page objects (not the /Pages tree). */
export function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

const EVENT = '111年防災宣導說明會';

describe('venue desk', () => {
  let ws: Workstation;
  let browser: DeskBrowser;
  let page: Page;
  let shell: ShellPage;
  let venues: VenuePage;
  let current = 'venue';

  /** Signs in as this demo user (switching from whoever is in), on the venue desk as it opens. */
  async function as(username: string): Promise<void> {
    // Each test starts from a fresh screen, whatever the last one left open.
    await page.reload();
    await shell.waitUntilShown(60_000);
    if (current !== username) {
      current = username;
      await page.getByRole('button', { name: zh('login.switchUser') }).click();
      const login = new LoginPage(page);
      await login.waitUntilShown();
      const user = demoUser(username);
      await login.logIn(user.username, user.password);
      await shell.waitUntilShown();
    }
    await shell.deskLink('venues').click();
    await venues.tab('calendar').waitFor();
  }

  beforeAll(async () => {
    [ws, browser] = await Promise.all([startWorkstation({ dataDir: seededDataDir() }), launchBrowser()]);
    page = browser.page;
    shell = await signIn(page, ws, 'venue');
    venues = new VenuePage(page);
  });
  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
  });

  it('takes an application from pending through the clerk’s and the chief’s approval, and prints its letter on one A4 page', async () => {
    await as('venue');
    await venues.open('calendar');
    await venues.show('week', 'site');
    await venues.goToDate('111/03/08');
    await venues.waitPainted();

    await venues.newBookingButton().click();
    await venues.form().waitFor();
    await venues.choose('field.applicantAgencyId', '民政局');
    await venues.typeInto('field.contactName', '周雅婷');
    await venues.typeInto('field.contactPhone', '07-3368333');
    await venues.typeInto('field.letterNo', '高市民字第1110012345號');
    await venues.attach('民政局來函.pdf', 'application/pdf', Buffer.from('%PDF-1.4 高市民字第1110012345號\n'.repeat(200)));
    await venues.form().getByText('民政局來函.pdf').waitFor();
    await venues.typeInto('field.eventName', EVENT);
    await venues.choose('field.activityType', '政令宣導');
    await venues.typeInto('field.attendees', '300');
    await venues.choose('field.venueId', '大禮堂');
    await venues.fillDate('venues.ui.form.date', '111/03/08');
    await venues.typeInto('venues.ui.form.from', '1400');
    await venues.typeInto('venues.ui.form.to', '1600');
    await venues.field('field.eventName').click();
    // The live check finds the auditorium free at that time.
    await venues.form().getByText(zh('venues.ui.form.checkClean')).waitFor();
    await screenshot(page, 'venues-form');
    await venues.submitButton().click();
    await venues.form().waitFor({ state: 'hidden' });

    // The new application is on the calendar as pending; the venue clerk signs level 1.
    await venues.event(EVENT).click();
    await venues.detail().waitFor();
    await expect.poll(() => venues.status().textContent()).toBe(zh('venues.status.pending'));
    // The scanned letter is kept with the application.
    await venues.detail().getByText('民政局來函.pdf').waitFor();
    await venues.detailButton('venues.ui.detail.approveLevel1').click();
    await expect.poll(() => venues.status().textContent()).toBe(zh('venues.ui.detail.pendingLevel2'));
    expect(await venues.detailButton('venues.ui.detail.approveLevel2').count()).toBe(0);
    expect(await venues.detail().getByText(zh('venues.ui.detail.waitSupervisor')).isVisible()).toBe(true);
    await venues.closeDetail();

    // The section chief finds it in the list and signs level 2.
    await as('supervisor');
    await venues.open('bookings');
    await venues.search(EVENT);
    await venues.listRow(EVENT).getByText(EVENT).click();
    await venues.detail().waitFor();
    await venues.detailButton('venues.ui.detail.approveLevel2').click();
    await expect.poll(() => venues.status().textContent()).toBe(zh('venues.status.approved'));
    const steps = await venues.steps().allTextContents();
    expect(steps[0]).toContain(zh('venues.step.applied'));
    expect(steps[1]).toContain(zh('venues.ui.detail.stepApproved', { level: 1 }));
    expect(steps[1]).toContain(demoUser('venue').displayName);
    expect(steps[2]).toContain(zh('venues.ui.detail.stepApproved', { level: 2 }));
    expect(steps[2]).toContain(demoUser('supervisor').displayName);
    await screenshot(page, 'venues-approval');

    // 場地使用核准通知 fits one A4 page.
    await venues.detailButton('venues.ui.detail.printLetter').click();
    await venues.letter().waitFor();
    expect(await venues.letter().textContent()).toContain(EVENT);
    await screenshot(page, 'venues-letter');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdfPages(pdf)).toBe(1);
    await venues.closeLetter();
    await venues.closeDetail();
  }, 180_000);

  it('shows every room of 四維行政中心 side by side for a week; a drag moves a booking, and a drag onto an approved one is refused', async () => {
    await as('venue');
    await venues.open('calendar');
    await venues.show('week', 'site');
    await venues.goToDate('111/01/12');
    await venues.waitPainted();
    const heads = await venues.grid().getByRole('columnheader').allTextContents();
    for (const room of ['大禮堂', '中庭', '市府第一會議室', '市府第二會議室', '第三會議室', '第四會議室', '簡報室', '第五會議室']) expect(heads.some((h) => h.startsWith(room))).toBe(true);
    await screenshot(page, 'venues-week-siwei');

    // 111年度預算審查會議, 1/12 14:00–17:00 in 市府第二會議室: an hour later (24 px an hour in this view).
    const budget = venues.event('111年度預算審查會議');
    await budget.scrollIntoViewIfNeeded();
    const box = (await budget.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 24, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2, box.y + 36, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => budget.getAttribute('aria-label')).toContain('15:00–18:00');

    // Onto 市政會議 (approved, 1/11 09:00–11:00 in 市府第一會議室): refused, and it stays.
    // A taller window holds both days at once.
    await page.setViewportSize({ width: 1280, height: 1500 });
    const target = venues.cell(2, await venues.columnIndex('市府第一會議室'));
    await target.scrollIntoViewIfNeeded();
    const from = (await budget.boundingBox())!;
    const to = (await target.boundingBox())!;
    // Grabbed 12 px (30 minutes) below its start, below the edge that resizes it; let go at 10:30 there, so it would start at 10:00.
    await page.mouse.move(from.x + from.width / 2, from.y + 12);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + 30, { steps: 3 });
    await page.mouse.move(to.x + to.width / 2, to.y + 2 * 24 + 12, { steps: 8 });
    await page.mouse.up();
    const refusal = page.getByRole('dialog').filter({ hasText: zh('venues.ui.cal.moveRefused') });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('市政會議');
    await refusal.getByRole('button').last().click();
    expect(await budget.getAttribute('aria-label')).toContain('15:00–18:00');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('creates an application from the keyboard: arrows pick the slot, Enter opens the form with it', async () => {
    await as('venue');
    await venues.open('calendar');
    await venues.show('day', 'site');
    await venues.goToDate('111/01/19');
    await venues.waitPainted();
    await venues.grid().focus();
    // The cursor starts at 09:00–10:00 in the first room: one room right, an hour later, half an hour longer.
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Enter');
    await venues.form().waitFor();
    expect(await venues.field('venues.ui.form.from').inputValue()).toBe('10:00');
    expect(await venues.field('venues.ui.form.to').inputValue()).toBe('11:30');
    expect(await venues.chosen('field.venueId')).toContain('中庭');
    await venues
      .form()
      .getByRole('button', { name: zh('common.cancel'), exact: true })
      .click();
    await venues.form().waitFor({ state: 'hidden' });
  });

  it('finds a free room for 40 with video conferencing, nearest first, and starts an application with it', async () => {
    await as('venue');
    await venues.open('free');
    const panel = page.getByRole('tabpanel').filter({ visible: true });
    await panel.getByLabel(zh('field.attendees'), { exact: true }).fill('40');
    const equipment = panel.getByLabel(zh('field.equipment'), { exact: true });
    await equipment.click();
    await equipment.fill('視訊');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '視訊會議設備' }).click();
    await page.keyboard.press('Escape');
    const date = panel.getByLabel(zh('field.date'), { exact: true });
    await date.click();
    await date.fill('111/01/17');
    await date.press('Enter');
    await panel.getByLabel(zh('venues.ui.form.from'), { exact: true }).fill('09:00');
    await panel.getByLabel(zh('venues.ui.form.to'), { exact: true }).fill('11:00');
    await panel.getByRole('button', { name: zh('venues.ui.free.find') }).click();

    const rows = panel.getByRole('row').filter({ has: page.getByRole('cell') });
    await rows.first().waitFor();
    const texts = await rows.allTextContents();
    // The time asked for comes first; 市府第一會議室 holds 市政會議 then, so it is not offered at that time.
    expect(texts[0]).toContain(zh('venues.ui.free.sameTime'));
    expect(texts.filter((r) => r.includes(zh('venues.ui.free.sameTime'))).some((r) => r.includes('市府第一會議室'))).toBe(false);
    expect(texts.some((r) => r.includes('市府第二會議室'))).toBe(true);
    await screenshot(page, 'venues-free-slots');

    await rows
      .first()
      .getByRole('button', { name: zh('venues.ui.free.apply') })
      .click();
    await venues.form().waitFor();
    expect(await venues.field('venues.ui.form.from').inputValue()).toBe('09:00');
    expect(await venues.field('venues.ui.form.to').inputValue()).toBe('11:00');
    expect(await venues.field('field.attendees').inputValue()).toBe('40');
    await venues
      .form()
      .getByRole('button', { name: zh('common.cancel'), exact: true })
      .click();
  });

  it('exports the auditorium’s bookings as iCalendar that ical.js reads, and the list as .xlsx', async () => {
    await as('venue');
    await venues.open('bookings');
    const panel = page.getByRole('tabpanel').filter({ visible: true });
    const venue = panel.getByLabel(zh('field.venueId'), { exact: true });
    await venue.click();
    await venue.fill('大禮堂');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '大禮堂' }).first().click();

    const [ics] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: zh('venues.ui.list.exportIcal') }).click()]);
    expect(ics.suggestedFilename()).toMatch(/\.ics$/);
    const text = fs.readFileSync(await ics.path());
    // Folded lines: no line longer than 75 octets.
    for (const line of text.toString('utf8').split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(text.toString('utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThan(0);
    const ours = events.find((e) => e.summary.includes(EVENT));
    expect(ours).toBeDefined();
    expect(ours!.uid).toBeTruthy();
    // 14:00 Taipei is 06:00 UTC.
    expect(ours!.startDate.toJSDate().toISOString()).toBe('2022-03-08T06:00:00.000Z');

    // 匯出 (the menu of .xlsx and .ods), not 匯出 iCalendar.
    await panel.getByRole('button', { name: new RegExp(`${zh('common.export')}$`) }).click();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: zh('common.exportXlsx') }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^場地申請清單-\d{7}\.xlsx$/);
    const bytes = fs.readFileSync(await xlsx.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('changing a venue’s hours never cancels an approved booking: the ones that no longer fit are flagged for the clerk', async () => {
    await as('supervisor');
    // An approved meeting in 市府第二會議室 on a weekday a few weeks ahead, until 17:00.
    let day = addDays(todayInTaipei(), 21);
    while (weekdayOf(day) === 0 || weekdayOf(day) === 6) day = addDays(day, 1);
    const args = {
      id: 'e2e-flagged',
      venueId: 'demo-venue-SW-MR-202',
      applicantAgencyId: 'demo-agency-BAS',
      applicantOrg: '',
      contactName: '張國華',
      contactPhone: '07-3368160',
      eventName: '預算執行檢討會',
      activityType: 'meeting' as const,
      attendees: 40,
      equipment: [],
      letterNo: '',
      attachments: [],
      fee: 0,
      feeWaived: false,
      notes: '',
      start: instantAt(day, 15 * 60),
      end: instantAt(day, 17 * 60),
    };
    expect(await call(ws, 'mutate', { name: 'booking.create', args })).toMatchObject({ ok: true });
    expect(await call(ws, 'mutate', { name: 'booking.approve', args: { id: args.id } })).toMatchObject({ ok: true });

    await venues.open('settings');
    const panel = page.getByRole('tabpanel').filter({ visible: true });
    await panel.getByRole('row').filter({ hasText: '市府第二會議室' }).getByText('市府第二會議室').click();
    const editor = page.locator('.ant-drawer').filter({ hasText: zh('field.closures') });
    await editor.waitFor();
    const closes = editor.getByLabel(zh('field.closesAt'), { exact: true });
    await closes.fill('16:00');
    await closes.blur();
    await editor.getByRole('button', { name: zh('common.save'), exact: true }).click();
    await editor.waitFor({ state: 'hidden' });

    // It runs past 16:00: still approved, and listed for the clerk to look at.
    const flagged = page.getByRole('button', { name: zh('venues.ui.review.flagged', { count: 1 }) });
    await flagged.click();
    const list = page.locator('.ant-popover').filter({ hasText: zh('venues.ui.review.flaggedTitle') });
    await list.getByText('預算執行檢討會').click();
    await venues.detail().waitFor();
    await expect.poll(() => venues.status().textContent()).toBe(zh('venues.status.approved'));
    await venues.closeDetail();
    await venues.open('calendar');
    await venues.show('day', 'site');
    await venues.goToDate(`${Number(day.slice(0, 4)) - 1911}/${day.slice(5, 7)}/${day.slice(8)}`);
    await venues.waitPainted();
    expect(await venues.event('預算執行檢討會').getAttribute('data-tone')).toBe('flagged');
    await screenshot(page, 'venues-flagged');
  });

  it('a supervisor’s override gives the time to an official event; the booking that gave way is listed with its applicant’s contact', async () => {
    await as('supervisor');
    const day = addDays(todayInTaipei(), 35);
    const workday = weekdayOf(day) === 0 ? addDays(day, 1) : weekdayOf(day) === 6 ? addDays(day, 2) : day;
    const base = {
      venueId: 'demo-venue-SW-MR-301',
      applicantOrg: '',
      activityType: 'meeting' as const,
      attendees: 20,
      equipment: [],
      letterNo: '',
      attachments: [],
      fee: 0,
      feeWaived: false,
      notes: '',
      start: instantAt(workday, 10 * 60),
      end: instantAt(workday, 12 * 60),
    };
    expect(
      await call(ws, 'mutate', {
        name: 'booking.create',
        args: { ...base, id: 'e2e-gives-way', eventName: '業務聯繫會報', applicantAgencyId: 'demo-agency-BAS', contactName: '張國華', contactPhone: '07-3368160' },
      }),
    ).toMatchObject({ ok: true });
    expect(await call(ws, 'mutate', { name: 'booking.approve', args: { id: 'e2e-gives-way' } })).toMatchObject({ ok: true });
    expect(
      await call(ws, 'mutate', {
        name: 'booking.create',
        args: { ...base, id: 'e2e-official', eventName: '市長防颱記者會', applicantAgencyId: 'demo-agency-SEC', contactName: '王怡君', contactPhone: '07-3368100' },
      }),
    ).toMatchObject({ ok: true });

    await venues.open('bookings');
    await venues.search('市長防颱記者會');
    await venues.listRow('市長防颱記者會').getByText('市長防颱記者會').click();
    await venues.detail().waitFor();
    await venues.detailButton('venues.ui.detail.override').click();
    const ask = page.locator('.ant-modal').filter({ hasText: zh('field.reason') });
    await ask.getByLabel(zh('field.reason'), { exact: true }).fill('市府重要公務活動');
    await ask.getByRole('button', { name: zh('venues.ui.detail.override') }).click();
    await expect.poll(() => venues.status().textContent()).toBe(zh('venues.status.approved'));
    await venues.closeDetail();

    await page.getByRole('button', { name: zh('venues.ui.review.displaced', { count: 1 }) }).click();
    const list = page.locator('.ant-popover').filter({ hasText: zh('venues.ui.review.displacedTitle') });
    expect(await list.textContent()).toContain('業務聯繫會報');
    expect(await list.textContent()).toContain('張國華 07-3368160');
  });
});
