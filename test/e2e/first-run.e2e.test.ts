/**
 * (a) A new data folder: the app opens in zh-TW, offers the demo data, loading it leads
 * to the sign-in, the demo administrator signs in and sees the six desks and the status line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskBrowser, launchBrowser, screenshot } from './support/browser';
import { demoUser } from './support/demo';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import { FirstRunPage } from './pages/FirstRunPage';
import { InspectionsPage } from './pages/InspectionsPage';
import { LoginPage } from './pages/LoginPage';
import { DESKS, ShellPage } from './pages/ShellPage';
import { TicketsPage } from './pages/TicketsPage';
import { VenuePage } from './pages/VenuePage';
import { zh } from './pages/zh';

describe('first run', () => {
  let ws: Workstation;
  let browser: DeskBrowser;
  beforeAll(async () => {
    [ws, browser] = await Promise.all([startWorkstation(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
  });

  it('offers the demo data, then the demo administrator signs in to the six desks', async () => {
    const { page } = browser;
    await page.goto(ws.url);

    const firstRun = new FirstRunPage(page);
    await firstRun.waitUntilShown();
    expect(await page.title()).toContain(zh('app.name'));
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^zh/);
    await expect.poll(() => firstRun.title.isVisible()).toBe(true);
    // The launch secret leaves the address bar once the app has read it.
    expect(page.url()).not.toContain('#k=');

    await firstRun.loadDemo.click();
    const login = new LoginPage(page);
    await login.waitUntilShown();
    await expect.poll(() => firstRun.loadedMessage().isVisible()).toBe(true);

    const admin = demoUser('admin');
    await login.logIn(admin.username, admin.password);
    const shell = new ShellPage(page);
    await shell.waitUntilShown();

    for (const desk of DESKS) expect(await shell.deskLink(desk).isVisible(), desk).toBe(true);
    // The demo records are writes in the outbox, but a standalone workstation has no server
    // to wait for: the status line says the data stays here, not 待同步 N 筆 as a warning.
    const pending = await page.evaluate(
      async (key) => {
        const res = await fetch('/api/status.get', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: '{}' });
        return ((await res.json()) as { pending: number }).pending;
      },
      new URL(ws.url).hash.replace(/^#k=/, ''),
    );
    expect(pending).toBeGreaterThan(0);
    await expect.poll(() => shell.status.getByText(zh('status.standaloneLocal')).isVisible()).toBe(true);
    expect(await shell.status.getByText(zh('status.pending', { count: pending })).count()).toBe(0);
    expect(await page.getByText(admin.displayName).first().isVisible()).toBe(true);
    await screenshot(page, 'shell');

    // The desks' first screens hold work of these days, not only the demo's history:
    // open tickets, rounds due this week, this week's bookings on the calendar.
    const tickets = new TicketsPage(page);
    await tickets.waitUntilListed();
    expect((await tickets.rowTexts()).some((row) => row.includes(zh('ticketStatus.reported')))).toBe(true);
    await new InspectionsPage(page).open();
    await page.locator('[data-round]').first().waitFor();
    await tickets.settle();
    await screenshot(page, 'first-screen-inspections');
    await shell.deskLink('venues').click();
    const venues = new VenuePage(page);
    await venues.waitPainted();
    await expect.poll(() => venues.grid().locator('[data-item]').count()).toBeGreaterThan(0);
    await tickets.settle();
    await screenshot(page, 'first-screen-venues');
  });
});
