/**
 * Repair tickets in zh-TW on the demo data: a clerk files one on the phone with the keyboard
 * alone, walks one through its whole life, searches with one- and two-character words,
 * exports the list to .xlsx and prints a work order on one A4 page, files one about a piece
 * of equipment that its history then lists; a technician sees their work, tickets and
 * inspection rounds, overdue first, and opens a round from it.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundRow } from '../../domain/maintenance/inspections-views';
import { type DeskBrowser, launchBrowser, screenshot } from './support/browser';
import { seededDataDir } from './support/demo';
import { signIn } from './support/session';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import { pdfPageCount, TicketsPage } from './pages/TicketsPage';
import { call } from './pages/VenueApi';
import { zh } from './pages/zh';

const NUMBER = /維-\d{3}-\d{5}/;

describe('repair tickets', () => {
  let ws: Workstation;
  let browser: DeskBrowser;
  let page: Page;
  let tickets: TicketsPage;

  beforeAll(async () => {
    [ws, browser] = await Promise.all([startWorkstation({ dataDir: seededDataDir() }), launchBrowser()]);
    page = browser.page;
    await signIn(page, ws, 'maint');
    tickets = new TicketsPage(page);
    await tickets.waitUntilListed();
  });
  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
  });

  /** The list's count (共 N 件): the list is windowed, so the rows in view are fewer than the tickets it holds. */
  const listed = async () => Number(((await tickets.count.textContent()) ?? '').replace(/,/g, '').match(/\d+/)?.[0]);

  it('files a complete ticket with the keyboard alone in under 30 seconds', async () => {
    const { keyboard } = page;
    const before = await listed();
    const started = Date.now();
    // The desk offers filing to this user (the button shows it; Ctrl+N does the same).
    await tickets.newButton.waitFor();
    await keyboard.press('Control+n');
    await tickets.form.waitFor();
    // The location picker has the focus and filters as the clerk types.
    await expect.poll(() => tickets.focusedLabel()).toBe(zh('maint.col.location'));
    await keyboard.type('市府第一會議室');
    await tickets.option('市府第一會議室').waitFor();
    await keyboard.press('Enter');
    await tickets.settled();
    await keyboard.press('Tab');
    await keyboard.type('空調');
    await tickets.option(zh('ticketCategory.hvac')).waitFor();
    await keyboard.press('Enter');
    await tickets.settled();
    await keyboard.press('Tab');
    await keyboard.type('緊急');
    await tickets.option(zh('ticketPriority.urgent')).waitFor();
    await keyboard.press('Enter');
    await tickets.settled();
    // The equipment may stay empty: Tab goes on.
    await keyboard.press('Tab');
    await expect.poll(() => tickets.focusedLabel()).toBe(zh('field.assetId'));
    await keyboard.press('Tab');
    await keyboard.type('冷氣出風口滴水');
    await keyboard.press('Tab');
    await keyboard.type('主席台上方出風口滴水，桌面已濕');
    await keyboard.press('Tab');
    await keyboard.type('周雅婷');
    await tickets.option('周雅婷').waitFor();
    await keyboard.press('Enter');
    await tickets.settled();
    // Her agency and extension came along; Tab goes from the agency straight to the extension.
    await keyboard.press('Tab');
    await expect.poll(() => tickets.focusedLabel()).toBe(zh('maint.col.agency'));
    await keyboard.press('Tab');
    await expect.poll(() => tickets.focusedLabel()).toBe('reporterPhoneExt');
    await screenshot(page, 'maintenance-ticket-keyboard-form');
    // Enter in a plain field saves the form.
    await keyboard.press('Enter');
    await tickets.form.waitFor({ state: 'hidden' });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(30_000);

    await expect.poll(listed).toBe(before + 1);
    const [first] = await tickets.rowTexts();
    expect(first).toMatch(NUMBER);
    expect(first).toContain('冷氣出風口滴水');
    expect(first).toContain(zh('ticketPriority.urgent'));
    expect(first).toContain(zh('ticketStatus.reported'));
    await screenshot(page, 'maintenance-ticket-filed');
  });

  it('opens the new-ticket form with the focus in its first field right after Esc closes a ticket', async () => {
    // The drawer hands the focus back to the row that opened it once it has slid out:
    // that must not take it from a form Ctrl+N opened in the meantime.
    const number = (await tickets.rowTexts())[0].match(NUMBER)![0];
    // Esc alone still gives the focus back to the number that opened the drawer.
    await tickets.numberButton(number).click();
    await tickets.drawer.getByText(number).first().waitFor();
    await tickets.settle();
    await page.keyboard.press('Escape');
    await tickets.drawer.waitFor({ state: 'hidden' });
    await tickets.settle();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(number);
    for (let round = 0; round < 5; round++) {
      await tickets.numberButton(number).click();
      await tickets.drawer.getByText(number).first().waitFor();
      await tickets.settle();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+n');
      await tickets.form.waitFor();
      await tickets.drawer.waitFor({ state: 'hidden' });
      await tickets.settle();
      expect(await tickets.focusedLabel(), `round ${round + 1}`).toBe(zh('maint.col.location'));
      await page.keyboard.press('Escape');
      await tickets.form.waitFor({ state: 'hidden' });
    }
  });

  it('warns of a likely duplicate and adds the second call to the open ticket instead', async () => {
    const before = await tickets.rowTexts();
    const number = before[0].match(NUMBER)![0];
    await tickets.newButton.click();
    await tickets.form.waitFor();
    await expect.poll(() => tickets.focusedLabel(), { timeout: 5000 }).toBe(zh('maint.col.location'));
    await page.keyboard.type('市府第一會議室');
    await tickets.option('市府第一會議室').waitFor();
    await page.keyboard.press('Enter');
    await tickets.settled();
    await page.keyboard.press('Tab');
    await page.keyboard.type('空調');
    await tickets.option(zh('ticketCategory.hvac')).waitFor();
    await page.keyboard.press('Enter');
    const warning = tickets.form.getByRole('alert');
    await expect.poll(() => warning.textContent()).toContain(number);
    await tickets.form.locator('#subject').fill('還在滴水，越來越嚴重');
    await screenshot(page, 'maintenance-ticket-duplicate');
    await warning.getByRole('button', { name: zh('maint.dup.addTo') }).click();
    await tickets.form.waitFor({ state: 'hidden' });
    // No new ticket; the call is in the open one's comments, and that ticket is shown.
    await tickets.drawer.waitFor();
    await tickets.drawer.getByRole('tab', { name: /留言/ }).click();
    await expect.poll(() => tickets.drawer.getByRole('tabpanel').innerText()).toContain('還在滴水，越來越嚴重');
    await page.keyboard.press('Escape');
    await tickets.drawer.waitFor({ state: 'hidden' });
    expect((await tickets.rowTexts()).length).toBe(before.length);
  });

  it('walks a ticket through 報修 → 派工 → 處理中 → 待料 → 完工 → 結案', async () => {
    const number = (await tickets.rowTexts())[0].match(NUMBER)![0];
    await tickets.numberButton(number).click();
    await tickets.action('maint.action.assigned').waitFor();

    await tickets.action('maint.action.assigned').click();
    const assign = tickets.moveDialog(zh('maint.action.assigned'));
    await assign.getByLabel(zh('maint.col.assignee')).click();
    await page.keyboard.type('許志偉');
    await tickets.option('許志偉').click();
    await assign.getByRole('button', { name: zh('common.confirm') }).click();
    await assign.waitFor({ state: 'hidden' });

    const steps: [Parameters<typeof zh>[0], string, string?][] = [
      ['maint.action.start', zh('maint.action.start')],
      ['maint.action.waiting_parts', zh('maint.action.waiting_parts'), '等待出風口集水盤'],
      ['maint.action.resume', zh('maint.action.resume')],
      ['maint.action.completed', zh('maint.action.completed')],
      ['maint.action.closed', zh('maint.action.closed')],
    ];
    for (const [key, title, note] of steps) {
      await tickets.action(key).click();
      const dialog = tickets.moveDialog(title);
      if (note) await dialog.getByLabel(zh('maint.move.note')).fill(note);
      await dialog.getByRole('button', { name: zh('common.confirm') }).click();
      await dialog.waitFor({ state: 'hidden' });
      if (key === 'maint.action.waiting_parts') await screenshot(page, 'maintenance-ticket-waiting-parts');
    }

    const timeline = tickets.drawer.locator('.ant-timeline-item');
    await expect.poll(() => timeline.count()).toBe(7);
    const history = (await timeline.allInnerTexts()).map((s) => s.replace(/\s+/g, ' '));
    expect(history.map((h) => h.split(' ')[0])).toEqual(['報修', '派工', '處理中', '待料', '處理中', '完工', '結案']);
    expect(history[3]).toContain('等待出風口集水盤');
    expect(history[1]).toContain('王建國');
    expect(await tickets.drawer.getByRole('group', { name: zh('maint.actions') }).count()).toBe(0);
    await screenshot(page, 'maintenance-ticket-closed');
    await page.keyboard.press('Escape');
    await tickets.drawer.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await tickets.rowTexts())[0]).toContain(zh('ticketStatus.closed'));
  });

  it('finds tickets with a one-character and a two-character word', async () => {
    await tickets.searchFor('電');
    await expect.poll(() => tickets.count.textContent()).toMatch(/共 \d+ 件/);
    const one = await tickets.rowTexts();
    expect(one.length).toBeGreaterThan(0);
    // 電梯, 跳電, 插座沒電, 電話…: every row holds the character somewhere; these in the subject.
    expect(one.some((r) => r.includes('電梯'))).toBe(true);
    await screenshot(page, 'maintenance-search-one-char');

    await tickets.searchFor('漏水');
    await expect.poll(async () => (await tickets.rowTexts()).every((r) => r.includes('漏水'))).toBe(true);
    const two = await tickets.rowTexts();
    expect(two.length).toBeGreaterThanOrEqual(2);
    expect(await tickets.count.textContent()).toBe(zh('maint.list.total', { count: two.length }));
    await screenshot(page, 'maintenance-search-two-chars');

    await tickets.search.fill('');
    await expect.poll(async () => (await tickets.rowTexts()).length).toBeGreaterThan(two.length);
  });

  it('exports the filtered list to .xlsx with zh-TW headers', async () => {
    await tickets.filterBar.getByRole('combobox', { name: zh('maint.col.category') }).click();
    await tickets.option(zh('ticketCategory.plumbing')).click();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await tickets.rowTexts()).every((r) => r.includes(zh('ticketCategory.plumbing')))).toBe(true);
    const shown = await listed();

    await page.getByRole('button', { name: new RegExp(zh('common.export')) }).hover();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: zh('maint.export.xlsx') }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^報修單-\d{7}\.xlsx$/);
    const path = await file.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1, 8)).toEqual(['編號', '狀態', '類別', '優先', '園區', '建築', '地點']);
    expect(sheet.rowCount - 1).toBe(shown);
    for (let r = 2; r <= sheet.rowCount; r++) expect(sheet.getRow(r).getCell(3).value).toBe('水電');
    await screenshot(page, 'maintenance-export');
    await page.getByRole('button', { name: zh('maint.filter.clear') }).click();
  });

  it('prints a work order that fits one A4 page', async () => {
    const number = (await tickets.rowTexts())[0].match(NUMBER)![0];
    await tickets.numberButton(number).click();
    await tickets.drawer.getByRole('button', { name: zh('maint.print.button') }).click();
    await tickets.workOrder.getByRole('region', { name: number }).waitFor();
    await screenshot(page, 'maintenance-work-order');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdfPageCount(pdf)).toBe(1);
    await tickets.workOrder.getByRole('button', { name: zh('common.close') }).click();
    await tickets.workOrder.waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    // A drawer that is still closing hands the focus back when it has gone: into the next test's form.
    await tickets.drawer.waitFor({ state: 'hidden' });
  });

  it("files a ticket about a piece of equipment picked among the location's, and the equipment's history lists it", async () => {
    const { keyboard } = page;
    await keyboard.press('Control+n');
    await tickets.form.waitFor();
    await expect.poll(() => tickets.focusedLabel(), { timeout: 5000 }).toBe(zh('maint.col.location'));
    await keyboard.type('大禮堂');
    await tickets.option('行政大樓 / 1F / 大禮堂').waitFor();
    await keyboard.press('Enter');
    await tickets.settled();
    await keyboard.press('Tab');
    await keyboard.type('空調');
    await tickets.option(zh('ticketCategory.hvac')).waitFor();
    await keyboard.press('Enter');
    await tickets.settled();
    await keyboard.press('Tab');
    await expect.poll(() => tickets.focusedLabel()).toBe(zh('maint.col.priority'));
    await keyboard.press('Tab');
    // The auditorium's own equipment comes first, then the rest of the building's; typing filters.
    await expect.poll(() => tickets.focusedLabel()).toBe(zh('field.assetId'));
    await keyboard.press('ArrowDown');
    await expect.poll(() => tickets.groupTitles()).toEqual([zh('maint.form.assetsHere'), zh('maint.form.assetsInBuilding')]);
    expect(await tickets.optionTexts()).toContain('SW-AHU-AUD 大禮堂空調箱（行政大樓 1F 大禮堂）');
    expect((await tickets.optionTexts()).some((o) => o.includes('鳳山'))).toBe(false);
    await keyboard.type('空調箱');
    await tickets.option('大禮堂空調箱').waitFor();
    await screenshot(page, 'maintenance-ticket-asset-picker');
    await keyboard.press('Enter');
    await tickets.settled();
    const maintainer = tickets.form.getByText(zh('maint.form.assetMaintainer', { name: '謝宗翰' }), { exact: false });
    await maintainer.waitFor();
    // Backspace takes a wrong pick off again; the asset's maintainer shows beside it.
    await keyboard.press('Backspace');
    await maintainer.waitFor({ state: 'hidden' });
    await keyboard.type('AHU');
    await tickets.option('大禮堂空調箱').waitFor();
    await keyboard.press('Enter');
    await tickets.settled();
    await maintainer.waitFor();
    await keyboard.press('Tab');
    await expect.poll(() => tickets.focusedLabel()).toBe('subject');
    await keyboard.type('大禮堂空調箱異音');
    await screenshot(page, 'maintenance-ticket-asset-chosen');
    await keyboard.press('Enter');
    await tickets.form.waitFor({ state: 'hidden' });

    const number = (await tickets.rowTexts())[0].match(NUMBER)![0];
    await tickets.numberButton(number).click();
    await expect.poll(() => tickets.drawer.locator('.ant-descriptions').innerText()).toContain('SW-AHU-AUD 大禮堂空調箱');
    await tickets.settle();
    await screenshot(page, 'maintenance-ticket-asset-drawer');
    // The work order names it too, still on one page.
    await tickets.drawer.getByRole('button', { name: zh('maint.print.button') }).click();
    const sheet = tickets.workOrder.getByRole('region', { name: number });
    await expect.poll(() => sheet.innerText()).toContain('SW-AHU-AUD 大禮堂空調箱　台灣大金 AHU-30');
    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBe(1);
    await tickets.workOrder.getByRole('button', { name: zh('common.close') }).click();
    await tickets.workOrder.waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await tickets.drawer.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: zh('maint.tab.assets'), exact: true }).click();
    await page.getByText('大禮堂空調箱', { exact: true }).click();
    const assetDrawer = page.getByRole('dialog').filter({ has: page.locator('.ant-drawer-title', { hasText: '大禮堂空調箱' }) });
    await assetDrawer.getByText(number).waitFor();
    await tickets.settle();
    await screenshot(page, 'maintenance-asset-history-ticket');
    // The ticket opens from there.
    await assetDrawer.getByText(number).click();
    await expect.poll(() => tickets.drawer.locator('.ant-descriptions').innerText()).toContain('大禮堂空調箱');
    await page.keyboard.press('Escape');
    await tickets.drawer.waitFor({ state: 'hidden' });
    await assetDrawer.locator('.ant-drawer-close').click();
    await assetDrawer.waitFor({ state: 'hidden' });
    await tickets.tab('tickets').click();
  });

  it('shows a technician their open work, tickets and inspection rounds, overdue first', async () => {
    // The desk made this month's rounds on opening; the clerk gives the oldest open dengue patrol to 張文雄.
    let rounds: RoundRow[] = [];
    await expect.poll(async () => (rounds = await call(ws, 'inspections.rounds', { planId: 'demo-plan-dengue', statuses: ['open'] })).length).toBeGreaterThan(0);
    const round = rounds[0];
    expect(await call(ws, 'mutate', { name: 'inspectionRound.assign', args: { id: round.id, assigneeId: 'demo-person-zhang-wenxiong' } })).toMatchObject({ ok: true });

    await page.getByRole('button', { name: zh('login.switchUser') }).click();
    await signIn(page, ws, 'tech');
    await tickets.tab('myWork').click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const texts = await rows.allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    // Overdue rows come first: once a row is on time, none after it is overdue.
    const overdue = texts.map((t) => t.includes(zh('maint.overdueMark')));
    expect(overdue).toEqual([...overdue].sort((a, b) => Number(b) - Number(a)));
    expect(overdue[0]).toBe(true);
    // The round is listed among the overdue work and opens for recording.
    const roundRow = rows.filter({ hasText: round.planName });
    expect(await roundRow.innerText()).toContain(zh('inspections.state.overdue'));
    expect(overdue[texts.findIndex((t) => t.includes(round.planName))]).toBe(true);
    // The tab fades in: let it settle before the picture.
    await page.waitForTimeout(400);
    await screenshot(page, 'maintenance-my-work');
    await roundRow.getByRole('button', { name: zh('maint.myWork.startRound') }).click();
    const checklist = page.getByRole('list', { name: zh('field.checklist') });
    await checklist.getByRole('listitem').first().waitFor();
    expect(await checklist.getByRole('listitem').count()).toBe(round.total);
    await page.waitForTimeout(400);
    await screenshot(page, 'maintenance-my-work-round');
  });
});
