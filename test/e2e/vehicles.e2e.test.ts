/**
 * The dispatcher, in zh-TW, on the demo data: types a paper request with its scan, drags
 * it from the queue onto a vehicle on the board, sees a busy driver refused at once with
 * the reason and picks another, logs the trip (an odometer below the vehicle's last
 * reading is refused), and prints the dispatch slip (派車單) on one A4 page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskBrowser, launchBrowser, screenshot } from './support/browser';
import { seededDataDir } from './support/demo';
import { signIn } from './support/session';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import type { ShellPage } from './pages/ShellPage';
import { pdfPageCount } from './pages/TicketsPage';
import { zh } from './pages/zh';

const SOON = { timeout: 15_000, interval: 100 };
const PURPOSE = '議會備詢資料送達';

describe('the dispatch desk', () => {
  let ws: Workstation;
  let browser: DeskBrowser;
  let page: Page;
  let shell: ShellPage;

  beforeAll(async () => {
    [ws, browser] = await Promise.all([startWorkstation({ dataDir: seededDataDir() }), launchBrowser()]);
    page = browser.page;
    shell = await signIn(page, ws, 'dispatch');
    await shell.deskLink('vehicles').click();
  });
  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
  });

  it('takes a paper request with its scan into the one queue, marked as paper', async () => {
    const queue = page.getByRole('list', { name: zh('vehicles.ui.queue.title') });
    await expect.poll(() => queue.getByRole('listitem').count(), SOON).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'vehicles-board');
    await page.getByText(zh('vehicles.ui.board.week'), { exact: true }).click();
    await expect.poll(() => page.locator('.tg-time-head .tg-head-label').count(), SOON).toBe(7);
    await screenshot(page, 'vehicles-board-week');
    await page.getByText(zh('vehicles.ui.board.day'), { exact: true }).click();
    await expect.poll(() => page.locator('.tg-time-head .tg-head-label').count(), SOON).toBe(0);
    // A day of the demo's fleet fits 1280 px: nothing scrolls sideways.
    const grid = page.getByRole('application', { name: zh('vehicles.ui.board.label') });
    expect(await grid.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: zh('vehicles.ui.queue.newPaper') }).click();
    const drawer = page.locator('.ant-drawer.ant-drawer-open').filter({ hasText: zh('vehicles.ui.paper.submit') });
    await drawer.getByLabel(zh('field.paperNumber')).fill('紙-999-0042');
    await drawer.getByRole('combobox', { name: zh('vehicles.ui.paper.agency') }).click();
    await page.keyboard.type('民政局');
    await page.locator('.ant-select-item-option', { hasText: '民政局' }).first().click();
    await drawer.getByLabel(zh('field.requesterName')).fill('林淑芬');
    await drawer.getByLabel(zh('field.passengers')).fill('3');
    await drawer.getByLabel(zh('field.purpose')).fill(PURPOSE);
    await drawer.getByLabel(zh('field.stops')).fill('市議會、四維行政中心');
    await drawer.getByLabel(zh('vehicles.ui.paper.departTime')).fill('14:00');
    await drawer.getByLabel(zh('vehicles.ui.paper.returnTime')).fill('16:00');
    await drawer.getByLabel(zh('field.distanceKm')).fill('12');
    await drawer
      .locator('.ant-form-item')
      .filter({ has: page.locator('label', { hasText: zh('vehicles.ui.paper.scan') }) })
      .locator('input[type=file]')
      .setInputFiles({ name: '派車申請單.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 紙本派車申請\n'.repeat(50)) });
    await drawer.getByText('派車申請單.pdf').waitFor();
    await screenshot(page, 'vehicles-paper-request');
    await drawer.getByRole('button', { name: zh('vehicles.ui.paper.submit') }).click();
    await expect.poll(() => page.locator('.ant-message').textContent(), SOON).toContain('紙-999-0042');
    const item = queue.getByRole('button', { name: new RegExp(PURPOSE) });
    await expect.poll(() => item.textContent(), SOON).toContain(zh('vehicles.source.paper'));
  });

  it('drags the request onto a vehicle, refuses a busy driver at once with the reason, and dispatches with a free one', async () => {
    const item = page.getByRole('list', { name: zh('vehicles.ui.queue.title') }).getByRole('button', { name: new RegExp(PURPOSE) });
    // The rows are the vehicles by plate: AMK-1201, AMK-1202, …; the second is free this afternoon.
    const target = page.locator('[data-cell="0:1"]');
    await item.dragTo(target, { targetPosition: { x: 300, y: 15 } });
    const drawer = page.locator('.ant-drawer.ant-drawer-open').filter({ hasText: zh('vehicles.ui.assign.submit') });
    await drawer.waitFor();
    await expect
      .poll(
        () =>
          drawer
            .getByRole('combobox', { name: zh('vehicles.ui.assign.vehicle') })
            .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')
            .textContent(),
        SOON,
      )
      .toContain('AMK-1202');
    // The suggestions say why.
    const fits = drawer.getByRole('list', { name: zh('vehicles.ui.assign.suggestions') });
    await expect.poll(() => fits.textContent(), SOON).toMatch(new RegExp(`${zh('vehicles.reason.seats')}|${zh('vehicles.reason.typeForDistance')}|${zh('vehicles.reason.lightLoad')}`));
    // 趙志成 drives the minibus from 13:00 to 17:00 today.
    await drawer.getByRole('combobox', { name: zh('vehicles.ui.assign.driver') }).click();
    await page.locator('.ant-select-item-option', { hasText: '趙志成' }).click();
    const refusal = drawer.getByRole('alert');
    await expect.poll(() => refusal.textContent(), SOON).toMatch(/此駕駛 \d{3}\/\d{2}\/\d{2} 13:00 至 \d{3}\/\d{2}\/\d{2} 17:00 已有派車/);
    expect(await drawer.getByRole('button', { name: zh('vehicles.ui.assign.submit') }).isDisabled()).toBe(true);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await screenshot(page, 'vehicles-assign-refused');
    await drawer.getByRole('combobox', { name: zh('vehicles.ui.assign.driver') }).click();
    await page.locator('.ant-select-item-option', { hasText: '馬永福' }).click();
    await expect.poll(() => refusal.count(), SOON).toBe(0);
    await drawer.getByRole('button', { name: zh('vehicles.ui.assign.submit') }).click();
    await expect.poll(() => page.locator('.ant-message').textContent(), SOON).toContain('AMK-1202');
    await drawer.waitFor({ state: 'hidden' });
    // On the vehicle's row, and on the driver's row below the vehicles.
    const trip = target.getByRole('button', { name: new RegExp(`AMK-1202.*${PURPOSE}.*馬永福`) });
    await expect.poll(() => trip.count(), SOON).toBe(1);
    const driverRow = page.getByRole('rowheader', { name: /馬永福/ });
    expect(await driverRow.count()).toBe(1);
    await expect.poll(() => page.locator(`[data-item^="driven:"][aria-label*="${PURPOSE}"]`).count(), SOON).toBe(1);
    expect(
      await page
        .getByRole('list', { name: zh('vehicles.ui.queue.title') })
        .getByRole('button', { name: new RegExp(PURPOSE) })
        .count(),
    ).toBe(0);
    await screenshot(page, 'vehicles-board-dispatched');
  });

  it('logs the trip, never below the last odometer reading, and prints the slip on one A4 page', async () => {
    await page
      .locator('[data-cell="0:1"]')
      .getByRole('button', { name: new RegExp(`AMK-1202.*${PURPOSE}`) })
      .click();
    const drawer = page.locator('.ant-drawer.ant-drawer-open').filter({ hasText: zh('vehicles.ui.trip.save') });
    await drawer.waitFor();
    const last = Number(((await drawer.getByText(/此車最後里程/).textContent()) ?? '').replace(/[^\d]/g, ''));
    expect(last).toBeGreaterThan(60_000);
    await drawer.getByLabel(zh('field.odometerOut')).fill(String(last - 500));
    await drawer.getByLabel(`${zh('vehicles.ui.trip.actualReturn')} ${zh('vehicles.ui.trip.time')}`).fill('15:50');
    await drawer.getByRole('button', { name: zh('vehicles.ui.trip.save') }).click();
    await expect.poll(() => drawer.getByRole('alert').textContent(), SOON).toContain(`低於此車最後紀錄 ${last.toLocaleString('en')}`);
    await drawer.getByLabel(zh('field.odometerOut')).fill(String(last));
    await drawer.getByLabel(zh('field.odometerIn')).fill(String(last + 14));
    await drawer.getByLabel(zh('vehicles.ui.trip.tolls')).fill('0');
    await drawer.getByRole('button', { name: zh('vehicles.ui.trip.save') }).click();
    await expect.poll(() => page.locator('.ant-message').textContent(), SOON).toContain(zh('vehicles.ui.trip.saved'));
    await expect.poll(() => drawer.textContent(), SOON).toContain(zh('vehicles.tripState.done'));
    await screenshot(page, 'vehicles-trip-log');

    await drawer.getByRole('button', { name: zh('vehicles.ui.trip.slip') }).click();
    const slip = page.getByRole('dialog', { name: zh('vehicles.ui.slip.title') });
    await slip.getByText('紙-999-0042').waitFor();
    expect(await slip.textContent()).toContain('14 km');
    await screenshot(page, 'vehicles-dispatch-slip');
    expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBe(1);
    await slip.getByRole('button', { name: zh('common.close') }).click();
  });
});
