/**
 * The ticket list stays a window over the data: with thousands of tickets on the
 * workstation, the page holds only the rows in view, scrolling and End reach the last
 * ticket, and sorting by number reorders the whole list, not just what was loaded.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open';
import { insertGeneratedTickets } from '../support/ticket-desk';
import { type DeskBrowser, launchBrowser, screenshot } from './support/browser';
import { seededDataDir } from './support/demo';
import { signIn } from './support/session';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import { TicketsPage } from './pages/TicketsPage';
import { zh } from './pages/zh';

const GENERATED = 5000;
const ROW = 32;

describe('the ticket list with thousands of tickets', () => {
  let ws: Workstation;
  let browser: DeskBrowser;
  let page: Page;
  let tickets: TicketsPage;
  let total: number;
  let highest: string;
  let lowest: string;

  beforeAll(async () => {
    const dataDir = seededDataDir();
    const db = openDb(path.join(dataDir, 'workstation.sqlite'));
    const spaces = db.$client
      .prepare('SELECT sp.id AS id, b.site_id AS siteId, f.building_id AS buildingId FROM space sp JOIN floor f ON f.id = sp.floor_id JOIN building b ON b.id = f.building_id')
      .all() as { id: string; siteId: string; buildingId: string }[];
    const assignees = (db.$client.prepare("SELECT id FROM person WHERE kind IN ('technician', 'contractor')").all() as { id: string }[]).map((p) => p.id);
    const agencyId = (db.$client.prepare('SELECT id FROM agency LIMIT 1').get() as { id: string }).id;
    insertGeneratedTickets(db, { count: GENERATED, spaces, assignees, agencyId, userId: 'system' });
    total = (db.$client.prepare('SELECT count(*) AS n FROM ticket').get() as { n: number }).n;
    highest = (db.$client.prepare('SELECT max(number) AS n FROM ticket').get() as { n: string }).n;
    lowest = (db.$client.prepare('SELECT min(number) AS n FROM ticket').get() as { n: string }).n;
    db.$client.close();
    [ws, browser] = await Promise.all([startWorkstation({ dataDir }), launchBrowser()]);
    page = browser.page;
    await signIn(page, ws, 'maint');
    tickets = new TicketsPage(page);
    await tickets.waitUntilListed();
  });
  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
  });

  const rendered = () => tickets.list.locator('[role=row][aria-rowindex]').count();
  const body = () => tickets.list.locator('[tabindex="0"]');

  it('counts every ticket but renders only the rows in view', async () => {
    expect(total).toBeGreaterThan(GENERATED);
    await expect.poll(() => tickets.count.textContent()).toBe(zh('maint.list.total', { count: total }));
    expect(await rendered()).toBeLessThan(60);
    expect(await body().evaluate((el) => el.scrollHeight)).toBe(total * ROW);
  });

  it('loads the rows of the middle of the list when scrolled there', async () => {
    const middle = Math.floor(total / 2);
    await body().evaluate((el, top) => el.scrollTo({ top }), middle * ROW);
    const row = tickets.list.locator(`[role=row][aria-rowindex="${middle + 2}"]`);
    await expect.poll(() => row.innerText()).toMatch(/維-\d{3}-\d{5}/);
    expect(await rendered()).toBeLessThan(60);
    await screenshot(page, 'maintenance-list-middle');
  });

  it('reaches the oldest ticket with End and the newest with Home, from the keyboard', async () => {
    await body().focus();
    await page.keyboard.press('End');
    const last = tickets.list.locator(`[role=row][aria-rowindex="${total + 1}"]`);
    await expect.poll(() => last.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => last.innerText()).toMatch(/維-108-00001/);
    await page.keyboard.press('Home');
    const first = tickets.list.locator('[role=row][aria-rowindex="2"]');
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tickets.drawer.waitFor();
    await page.keyboard.press('Escape');
    await tickets.drawer.waitFor({ state: 'hidden' });
  });

  it('sorts the whole list by number', async () => {
    const header = tickets.list.getByRole('columnheader', { name: new RegExp(zh('maint.col.number')) });
    await header.getByText(zh('maint.col.number')).click();
    const first = tickets.list.locator('[role=row][aria-rowindex="2"]');
    await expect.poll(() => first.innerText()).toContain(highest);
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await header.getByText(zh('maint.col.number')).click();
    await expect.poll(() => first.innerText()).toContain(lowest);
    expect(lowest).toBe('維-108-00001');
    await screenshot(page, 'maintenance-list-by-number');
  });
});
