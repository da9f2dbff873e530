/**
 * The supervisor, in zh-TW, on the demo data: the report desk opens on the demo's council
 * report period (110/09/01–111/01/31) with the seed's figures and sentences; a period it
 * cannot read is said under the field; a figure opens the records behind it, as many as
 * the figure; the workbook downloads with its summary sheet; and the report prints on A4.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskBrowser, launchBrowser, screenshot, screenshotDir } from './support/browser';
import { seededDataDir } from './support/demo';
import { signIn } from './support/session';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import type { ShellPage } from './pages/ShellPage';
import { pdfPageCount } from './pages/TicketsPage';
import { zh } from './pages/zh';

const SOON = { timeout: 30_000, interval: 200 };
const SEED_FIGURES = ['376 件', '205 場次', '1,149 場次', '741 張', '2,961 張', '1,556 張', '472 車次', '39 車次'];
const SENTENCES = ['本期兩行政中心場地，共計開放 205 場次，各會議室等集會場所申請使用共計 1,149 場次。', '本期公務車輛調派計有 472 車次，其中支援市府其他機關申請借用車輛計有 39 車次。'];

/** The text of a PDF, page by page (pdf.js reads the fonts' Unicode maps). */
async function pdfText(pdf: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n');
}

describe('the report desk', () => {
  let ws: Workstation;
  let browser: DeskBrowser;
  let page: Page;
  let shell: ShellPage;

  beforeAll(async () => {
    [ws, browser] = await Promise.all([startWorkstation({ dataDir: seededDataDir() }), launchBrowser()]);
    page = browser.page;
    shell = await signIn(page, ws, 'supervisor');
    await shell.deskLink('reports').click();
  });
  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
  });

  const sections = () => page.locator('.rp-section');

  it("opens on the demo's report period with the seed's figures and sentences", async () => {
    await expect.poll(() => sections().count(), SOON).toBe(4);
    expect(await page.getByRole('textbox', { name: zh('report.ui.period') }).inputValue()).toBe('110/09/01–111/01/31');
    const text = (await page.locator('.rp-desk').textContent()) ?? '';
    for (const figure of SEED_FIGURES) expect(text).toContain(figure);
    for (const sentence of SENTENCES) expect(text).toContain(sentence);
    await expect.poll(() => page.locator('[data-testid="report-chart"][data-drawn] svg').count(), SOON).toBeGreaterThan(0);
    await screenshot(page, 'report-desk');
    for (const [i, name] of [
      [1, 'report-desk-venues'],
      [2, 'report-desk-parking'],
      [3, 'report-desk-vehicles'],
    ] as const) {
      await sections().nth(i).scrollIntoViewIfNeeded();
      await screenshot(page, name);
    }
  });

  it('says under the field when a period cannot be read, and keeps the report shown', async () => {
    const field = page.getByRole('textbox', { name: zh('report.ui.period') });
    await field.fill('110/13');
    await field.press('Enter');
    await expect.poll(() => page.getByText(zh('report.ui.period.invalid', { text: '110/13' })).count(), SOON).toBe(1);
    expect(await page.locator('.rp-desk').textContent()).toContain('472 車次');
    await screenshot(page, 'report-period-invalid');
    // A month with no records at all says so.
    await field.fill('100/01');
    await field.press('Enter');
    await expect.poll(() => page.getByText(zh('report.ui.empty', { period: '100/01/01–100/01/31' })).count(), SOON).toBe(1);
    await screenshot(page, 'report-empty');
    await field.fill('110/09/01–111/01/31');
    await field.press('Enter');
    await expect.poll(() => page.locator('.rp-desk').textContent(), SOON).toContain('472 車次');
  });

  it('copies a section’s sentence and says so', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ws.url });
    await page.getByRole('button', { name: `${zh('report.ui.copy')}：${zh('report.section.vehicles')}` }).click();
    await expect.poll(() => page.locator('.ant-message').textContent(), SOON).toContain(zh('report.ui.copied', { section: zh('report.section.vehicles') }));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(SENTENCES[1]);
  });

  it('lists the records behind a figure, as many as it counts', async () => {
    const label = zh('report.figure.temporary_permits');
    await page.getByRole('button', { name: zh('report.ui.drill.open', { figure: label }) }).click();
    const drawer = page.getByTestId('report-drill');
    await expect.poll(() => drawer.getByTestId('report-drill-count').textContent(), SOON).toContain(zh('report.ui.drill.count', { count: '4,517', figure: '4,517 張' }));
    expect(await drawer.locator('.ant-table-tbody tr').count()).toBeGreaterThan(0);
    expect(await drawer.locator('.ant-pagination').textContent()).toContain('4,517');
    await screenshot(page, 'report-drill-down');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('downloads the workbook with its summary sheet and the figures', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: zh('report.ui.export.xlsx') }).click()]);
    expect(download.suggestedFilename()).toBe('業務報告-1100901-1110131.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet(zh('report.ui.summary'));
    expect(summary).toBeDefined();
    const rows = summary!
      .getSheetValues()
      .filter(Array.isArray)
      .map((r) => r.slice(1));
    const totalOf = (label: string) => rows.find((r) => r[1] === label)?.[2];
    expect(totalOf(zh('report.figure.repair_cases'))).toBe(376);
    expect(totalOf(zh('report.figure.trips'))).toBe(472);
    expect(totalOf(zh('report.figure.trips_lent'))).toBe(39);
    expect(wb.worksheets.length).toBeGreaterThan(1);
  });

  it('prints the whole report on A4, its figures on the pages', async () => {
    await page.getByRole('button', { name: zh('report.ui.print') }).click();
    const sheet = page.getByTestId('report-print');
    await sheet.waitFor(SOON);
    await expect.poll(() => sheet.locator('[data-testid="report-chart"][data-drawn] svg').count(), SOON).toBe(await page.locator('.rp-section [data-testid="report-chart"]').count());
    await screenshot(page, 'report-print');
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdfPageCount(pdf);
    fs.writeFileSync(path.join(screenshotDir, 'report.pdf'), pdf);
    // Four sections, each table with its sentence kept whole and no chart cut: three pages on the demo, give or take one.
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(4);
    // The CJK font maps some characters to their Kangxi radical forms (⽉ for 月): NFKC reads them as the text.
    const plain = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
    const text = plain(await pdfText(pdf));
    expect(text).toContain(plain('472 車次'));
    expect(text).toContain(plain(SENTENCES[1]));
    // The heat map's figures print once each: an outlined label is drawn (and extracted) twice.
    const heat = sheet.locator('[data-testid="report-chart"][data-kind="heatmap"] svg text');
    const labels = (await heat.allTextContents()).filter((s) => /^[\d,]+$/.test(s));
    expect(labels.length).toBeGreaterThan(7);
    expect(await sheet.locator('[data-testid="report-chart"][data-kind="heatmap"] svg text[stroke]').count()).toBe(0);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: zh('common.close') })
      .click();
  });
});
