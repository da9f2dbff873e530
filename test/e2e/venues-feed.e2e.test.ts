/**
 * A venue's calendar for Outlook on the LAN: a workstation joined to a sync server shows,
 * in 場地設定, the address of the venue's feed with a copy button, and that address
 * serves the venue's bookings as iCalendar straight from the server.
 */
import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ADMIN, startSyncServer, type RunningServer } from '../support/sync-server';
import { launchChromium, newDeskContext, screenshot } from './support/browser';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import { FirstRunPage } from './pages/FirstRunPage';
import { ShellPage } from './pages/ShellPage';
import { call } from './pages/VenueApi';
import { VenuePage } from './pages/VenuePage';
import { zh } from './pages/zh';
import { completeBookingArgs } from '../support/booking-args';

/** Joins the workstation to the server from its first-run screen, as an administrator would. */
async function joinFromFirstRun(page: Page, ws: Workstation, serverUrl: string): Promise<ShellPage> {
  await page.goto(ws.url);
  await new FirstRunPage(page).waitUntilShown();
  await page.getByRole('button', { name: zh('sync.join.title') }).click();
  await page.getByLabel(zh('sync.join.serverUrl')).fill(serverUrl);
  await page.getByLabel(zh('sync.join.deviceName')).fill('四維 1F 櫃檯');
  await page.getByLabel(zh('login.username')).fill(SERVER_ADMIN.username);
  await page.getByLabel(zh('login.password')).fill(SERVER_ADMIN.password);
  await page.getByRole('button', { name: new RegExp(`${zh('sync.join.submit')}$`) }).click();
  const shell = new ShellPage(page);
  await shell.waitUntilShown();
  return shell;
}

const taipei = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();

describe('venue calendar subscription', () => {
  let server: RunningServer;
  let ws: Workstation;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [server, ws, browser] = await Promise.all([startSyncServer(), startWorkstation(), launchChromium()]);
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await stopAllWorkstations();
    await server?.stop();
  });

  it('shows the feed address in the venue settings, and the address serves the bookings to a calendar client', async () => {
    context = await newDeskContext(browser);
    const page = await context.newPage();
    const shell = await joinFromFirstRun(page, ws, server.url);

    const setup: [string, Record<string, unknown>][] = [
      ['site.create', { id: 's1', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' }],
      ['building.create', { id: 'b1', siteId: 's1', code: 'A', nameZh: '行政大樓', nameEn: '' }],
      ['floor.create', { id: 'f1', buildingId: 'b1', name: '1F' }],
      ['space.create', { id: 'sp-mr', floorId: 'f1', code: 'MR', nameZh: '第一會議室', kind: 'meeting_room', capacity: 20 }],
      ['agency.create', { id: 'ag-cab', code: 'CAB', nameZh: '民政局' }],
      [
        'venue.create',
        {
          id: 'v-mr',
          spaceId: 'sp-mr',
          type: 'meeting_room',
          capacity: 20,
          equipment: [],
          opensAt: '08:00',
          closesAt: '18:00',
          bufferBefore: 0,
          bufferAfter: 0,
          approvalLevels: 0,
          bookableBy: 'agencies',
          fee: 0,
          deposit: 0,
          closures: [],
          notes: '',
        },
      ],
      [
        'booking.create',
        completeBookingArgs({
          id: 'bk1',
          venueId: 'v-mr',
          applicantAgencyId: 'ag-cab',
          eventName: '防災演練說明會',
          activityType: 'policy_promotion',
          attendees: 12,
          start: taipei('2022-03-01', '09:00'),
          end: taipei('2022-03-01', '10:00'),
        }),
      ],
    ];
    // The server's administrator books rooms at this desk too.
    const me = (await call(ws, 'auth.status', {})).user!;
    setup.splice(setup.length - 1, 0, ['user.update', { id: me.id, roles: ['admin', 'venue_clerk'] }]);
    for (const [name, args] of setup) expect(await call(ws, 'mutate', { name, args } as never), name).toMatchObject({ ok: true });
    await call(ws, 'sync.now', {});

    await shell.deskLink('venues').click();
    const venues = new VenuePage(page);
    await venues.open('settings');
    await page.getByRole('tabpanel').filter({ visible: true }).getByText('第一會議室').first().click();
    const link = page.getByTestId('feed-link');
    await link.waitFor();
    const box = link.getByRole('textbox', { name: zh('venues.ui.feed.http') });
    await expect.poll(() => box.inputValue()).toMatch(new RegExp(`^${server.url}/ical/venue/v-mr\\.ics\\?key=[A-Za-z0-9_-]{43}$`));
    // The same address as Outlook and Apple Calendar open it with a click.
    const webcalBox = link.getByRole('textbox', { name: zh('venues.ui.feed.webcal') });
    expect(await webcalBox.inputValue()).toBe((await box.inputValue()).replace(/^http:/, 'webcal:'));
    for (const form of ['venues.ui.feed.webcal', 'venues.ui.feed.http'] as const) {
      expect(await link.getByRole('button', { name: `${zh('venues.ui.feed.copy')} ${zh(form)}` }).isVisible()).toBe(true);
    }
    // The picture once the drawer has slid in.
    const drawer = page.locator('.ant-drawer-content-wrapper').filter({ has: link });
    await expect.poll(async () => Math.round((await drawer.boundingBox())?.x ?? 0)).toBe(1280 - 640);
    await screenshot(page, 'venues-feed-link');

    const address = await box.inputValue();
    await page.keyboard.press('Escape');

    // The list offers the same address for the venue chosen in its filter.
    await venues.open('bookings');
    const panel = page.getByRole('tabpanel').filter({ visible: true });
    await panel.getByRole('combobox', { name: zh('field.venueId') }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '第一會議室' }).first().click();
    await panel.getByRole('button', { name: zh('venues.ui.feed.button') }).click();
    const popover = page.locator('.ant-popover').getByTestId('feed-link');
    await expect.poll(() => popover.getByRole('textbox', { name: zh('venues.ui.feed.http') }).inputValue()).toBe(address);
    expect(await popover.getByRole('textbox', { name: zh('venues.ui.feed.webcal') }).inputValue()).toBe(address.replace(/^http:/, 'webcal:'));
    await popover.waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await screenshot(page, 'venues-list-feed-link');

    // What Outlook gets from that address (webcal:// is fetched as http://).
    const feed = await fetch(address);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const cal = new ICAL.Component(ICAL.parse(await feed.text()));
    const events = cal.getAllSubcomponents('vevent');
    expect(events.map((e) => [e.getFirstPropertyValue('uid'), e.getFirstPropertyValue('summary')])).toEqual([['bk1@ga-desk', '防災演練說明會']]);
  }, 180_000);
});
