/**
 * The guard at the gate, in zh-TW, on the demo data: signing in opens the parking desk's
 * gate lookup and nothing else; a plate typed in part and in lower case shows its permit
 * as valid today with the site, the area and the agency, and no holder's name. The
 * parking clerk issues a permit from the keyboard; a plate that already holds a valid
 * permit of the site is refused with that permit's number, and what was typed stays.
 * The desk's first screen tells the clerk how many permits expire within 30 days; the
 * reminder list takes N days and exports as a workbook.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPlate } from '../../domain/plates';
import { type DeskBrowser, launchBrowser, screenshot } from './support/browser';
import { seededDataDir } from './support/demo';
import { signIn } from './support/session';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import type { ShellPage } from './pages/ShellPage';
import { zh } from './pages/zh';
import { pdfPageCount } from './pages/TicketsPage';
import { CARDS_PER_SHEET } from '../../domain/parking/print';
import { todayInTaipei } from '../../domain/dates';
import { EXPORT_MIME, exportTable } from '../../electron/backend/export/table-export';

const SOON = { timeout: 15_000, interval: 100 };

describe('the gate lookup', () => {
  let ws: Workstation;
  let browser: DeskBrowser;
  let page: Page;
  let shell: ShellPage;

  beforeAll(async () => {
    [ws, browser] = await Promise.all([startWorkstation({ dataDir: seededDataDir() }), launchBrowser()]);
    page = browser.page;
    shell = await signIn(page, ws, 'guard');
  });
  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
  });

  it("shows a guard the gate lookup only, and a partly typed plate's permit as valid today, nothing personal", async () => {
    await expect.poll(() => shell.nav.getByRole('menuitem').allTextContents(), SOON).toEqual([expect.stringContaining(zh('nav.parking'))]);
    const field = page.getByRole('textbox', { name: zh('parking.ui.gate.label') });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement), SOON).toBe(true);
    // The demo's first annual permit: 陳志明 of the Secretariat, plate AFL-1000, at 四維行政中心.
    await page.keyboard.type('afl 10');
    const results = page.getByRole('list', { name: zh('parking.ui.gate.results') });
    const card = results.getByRole('listitem').first();
    await expect.poll(() => card.textContent(), SOON).toContain(formatPlate('AFL1000'));
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(zh('parking.ui.gate.valid'));
    expect(text).toContain('四維行政中心');
    expect(text).toContain('地下一樓停車場');
    expect(text).not.toContain('陳志明');
    await screenshot(page, 'parking-gate-lookup');

    await field.fill('ZZZ-0000');
    await expect.poll(() => page.getByText(zh('parking.ui.gate.none', { plate: 'ZZZ-0000' })).count(), SOON).toBe(1);

    // F2 from anywhere brings the guard back to the field with the last plate selected: the next one replaces it.
    await field.evaluate((el) => (el as HTMLInputElement).blur());
    await page.keyboard.press('F2');
    await expect.poll(() => field.evaluate((el) => el === document.activeElement), SOON).toBe(true);
    await page.keyboard.type('afl1000');
    expect(await field.inputValue()).toBe('afl1000');
  });

  it('lets the parking clerk issue a permit, and refuses a plate that holds one of the site already', async () => {
    // The guard hands the workstation over: 切換使用者 goes back to the sign-in screen.
    await page.getByRole('button', { name: zh('login.switchUser') }).click();
    shell = await signIn(page, ws, 'parking');
    await shell.deskLink('parking').click();
    await page.getByRole('tab', { name: zh('parking.ui.tab.permits') }).click();
    await page.getByRole('button', { name: zh('parking.ui.issue.title') }).click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: zh('parking.ui.issue.submit') });
    await drawer.getByRole('textbox', { name: zh('field.plates') }).fill('afl 1000');
    await drawer.getByRole('combobox', { name: zh('field.areaId') }).click();
    await page.locator('.ant-select-item-option', { hasText: '地下一樓停車場' }).first().click();
    await drawer.getByRole('textbox', { name: zh('field.holderName') }).fill('張志偉');
    await drawer.getByRole('button', { name: zh('parking.ui.issue.submit') }).click();
    // The demo's first annual permit holds AFL-1000 at 四維行政中心 all year.
    const refusal = drawer.locator('.ant-alert-error');
    await expect.poll(() => refusal.textContent(), SOON).toContain('AFL-1000');
    expect(await refusal.textContent()).toMatch(/證-\d{3}-\d{5}（\d{3}\/01\/01 至 \d{3}\/12\/31）/);
    expect(await drawer.getByRole('textbox', { name: zh('field.holderName') }).inputValue()).toBe('張志偉');
    await screenshot(page, 'parking-issue-refused');

    await drawer.getByRole('textbox', { name: zh('field.plates') }).fill('NEW-2468');
    await drawer.getByRole('button', { name: zh('parking.ui.issue.submit') }).click();
    await expect.poll(() => page.locator('.ant-message').textContent(), SOON).toMatch(/已核發停車證 證-\d{3}-\d{5}/);
    await expect.poll(() => page.getByRole('row', { name: /NEW-2468/ }).count(), SOON).toBe(1);
    await drawer.waitFor({ state: 'hidden' });
    await screenshot(page, 'parking-permit-list');
  });

  it('prints the selected permits as cards, a sheet for up to eight and a second for one more', async () => {
    await page.getByRole('tab', { name: zh('parking.ui.tab.permits') }).click();
    const boxes = page.locator('.ant-table-tbody .ant-checkbox-input');
    await expect.poll(() => boxes.count(), SOON).toBeGreaterThan(CARDS_PER_SHEET);
    for (let i = 0; i < CARDS_PER_SHEET; i++) await boxes.nth(i).check();
    await page.getByRole('button', { name: zh('parking.ui.print.selected', { count: CARDS_PER_SHEET }) }).click();
    const frame = page.getByRole('dialog', { name: zh('parking.ui.print.cards') });
    await expect.poll(() => frame.getByTestId('card-sheet').count(), SOON).toBe(1);
    await screenshot(page, 'parking-cards');
    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBe(1);
    await frame.getByRole('button', { name: zh('common.close') }).click();

    await boxes.nth(CARDS_PER_SHEET).check();
    await page.getByRole('button', { name: zh('parking.ui.print.selected', { count: CARDS_PER_SHEET + 1 }) }).click();
    await expect.poll(() => frame.getByTestId('card-sheet').count(), SOON).toBe(2);
    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBe(2);
    await frame.getByRole('button', { name: zh('common.close') }).click();
  });

  it('approves a waiting application and prints its approval letter on one page', async () => {
    await page.getByRole('tab', { name: zh('parking.ui.tab.applications') }).click();
    await page
      .locator('.ant-table-tbody tr', { hasText: zh('parking.application.waiting') })
      .first()
      .click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('button', { name: zh('parking.ui.applications.approveAll') }).click();
    await drawer.getByRole('button', { name: zh('parking.ui.print.letter') }).click();
    const letter = page.getByTestId('parking-letter');
    await letter.waitFor(SOON);
    expect(await letter.textContent()).toMatch(/證-\d{3}-\d{5}/);
    await screenshot(page, 'parking-letter');
    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBe(1);
    // Esc closes the printout, then the drawer.
    await page.keyboard.press('Escape');
    await expect.poll(() => letter.count(), SOON).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-open').count(), SOON).toBe(0);
  });

  it("renews this year's annual permits for next year with a dropped line and a new plate, and lists each one's new number", async () => {
    await page.getByRole('tab', { name: zh('parking.ui.tab.renewal') }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), SOON).toBeGreaterThan(3);
    const total = await rows.count();
    // The first holder leaves: untick; the second has a new car.
    await rows.nth(0).getByRole('checkbox').uncheck();
    const plate = rows.nth(1).getByRole('textbox');
    await plate.fill('RNW-2027');
    const issue = zh('parking.ui.renewal.issue', { count: total - 1 });
    await page.getByRole('button', { name: issue }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: issue }).click();
    await expect.poll(() => page.locator('.ant-table-tbody .ant-tag-success').count(), SOON).toBe(total - 1);
    expect(await rows.nth(0).textContent()).toContain(zh('parking.ui.renewal.dropped'));
    expect(await rows.nth(1).textContent()).toContain('RNW-2027');
    expect(await rows.nth(1).textContent()).toMatch(/證-\d{3}-\d{5}/);
    await expect.poll(() => page.getByRole('button', { name: zh('parking.ui.renewal.print') }).count(), SOON).toBe(1);
    await screenshot(page, 'parking-renewal');
  });

  it('imports a small permit list from Excel: the preview shows the row in the way, the valid rows land in the list', async () => {
    await page.getByRole('tab', { name: zh('parking.ui.tab.permits') }).click();
    await page.getByRole('button', { name: zh('import.button') }).click();
    const dialog = page.getByRole('dialog', { name: zh('import.title', { what: zh('kind.permit') }) });
    const year = Number(todayInTaipei().slice(0, 4)) - 1911;
    const file = await exportTable({
      format: 'xlsx',
      sheetName: '停車證',
      columns: ['種類', '停車場區', '持證人姓名', '機關', '車牌號碼', '年度', '起日'].map((header, i) => ({ key: `c${i}`, header })),
      rows: [
        ['年度', '四維行政中心 / 地下一樓停車場', '匯入甲', '民政局', 'imp 1001', year, ''],
        ['臨時', 'P-B1', '匯入乙', '', 'IMP-1002', '', todayInTaipei()],
        ['年度', 'P-B1', '匯入丙', '', 'AFL-1000', year, ''],
      ].map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v]))),
    });
    await dialog.locator('input[type=file]').setInputFiles({ name: '停車證清冊.xlsx', mimeType: EXPORT_MIME.xlsx, buffer: file });
    await expect.poll(() => dialog.textContent(), SOON).toContain(zh('import.preview', { ok: 2, bad: 1 }));
    expect(await dialog.locator('tr', { hasText: '匯入丙' }).textContent()).toContain('AFL-1000');
    await screenshot(page, 'parking-import-preview');
    await dialog.getByRole('checkbox', { name: zh('import.onlyValid') }).check();
    await dialog.getByRole('button', { name: zh('import.commit', { count: 2 }) }).click();
    await expect.poll(() => dialog.textContent(), SOON).toContain(zh('import.done', { count: 2 }));
    await dialog
      .getByRole('button', { name: zh('common.close') })
      .first()
      .click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('searchbox', { name: zh('parking.ui.list.search') }).fill('匯入');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').allTextContents(), SOON).toEqual([expect.stringContaining('IMP-100'), expect.stringContaining('IMP-100')]);
    expect(await page.getByRole('row', { name: /IMP-1001/ }).textContent()).toContain('匯入甲');
    await screenshot(page, 'parking-imported');
  });

  it('tells the clerk how many permits expire within 30 days, lists them soonest first for N days chosen, and exports that list', async () => {
    // Back to the desk's first screen: the reminder stands above the tabs.
    await page.getByRole('tab', { name: zh('parking.ui.tab.gate') }).click();
    const reminders = page.getByRole('region', { name: zh('parking.ui.reminder.title') });
    await expect.poll(() => reminders.textContent(), SOON).toMatch(/\d+ 張停車證將於 30 日內到期/);
    expect(await reminders.textContent()).toMatch(/\d+ 件機關申請待處理/);
    await screenshot(page, 'parking-reminders');
    await reminders
      .locator('.ant-alert-warning')
      .getByRole('button', { name: zh('parking.ui.reminder.show') })
      .click();
    await expect.poll(() => page.getByRole('checkbox', { name: zh('parking.ui.list.expiring') }).isChecked(), SOON).toBe(true);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    // The demo's contractors: permits of some days ending in 4, 13 and 22 days.
    await expect
      .poll(() => rows.allTextContents(), SOON)
      .toEqual(expect.arrayContaining([expect.stringContaining('承攬廠商 1'), expect.stringContaining('承攬廠商 2'), expect.stringContaining('承攬廠商 3')]));
    const texts = await rows.allTextContents();
    expect(texts.findIndex((r) => r.includes('承攬廠商 1'))).toBeLessThan(texts.findIndex((r) => r.includes('承攬廠商 2')));
    const days = page.getByRole('spinbutton', { name: zh('parking.ui.list.expiringDays') });
    await days.fill('10');
    await expect.poll(async () => (await rows.allTextContents()).some((r) => r.includes('承攬廠商 2')), SOON).toBe(false);
    expect((await rows.allTextContents()).some((r) => r.includes('承攬廠商 1'))).toBe(true);
    // Renewed for next year a moment ago: this year's annual permits are not on the reminder.
    expect((await rows.allTextContents()).some((r) => r.includes(zh('parking.type.annual')))).toBe(false);
    await screenshot(page, 'parking-expiring');
    const shown = await rows.count();

    await page.getByRole('button', { name: new RegExp(zh('common.export')) }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: zh('common.exportXlsx') }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^停車證清單-\d{7}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await file.path()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount - 1).toBe(shown);
    expect(sheet.getColumn(4).values).toContain('承攬廠商 1');
    await page.getByRole('checkbox', { name: zh('parking.ui.list.expiring') }).uncheck();
  });
});
