/**
 * The dispatcher, in zh-TW, on the demo data: an assignment the sync server refused
 * (another dispatcher had put the vehicle on a trip at those hours first) waits under
 * 待處理 with the request, the trip in the way and the vehicles and drivers free then; sent
 * again on a free one, it is dispatched. And a car whose service falls due this week shows
 * 保養到期 on the fleet list, where the dispatcher opens its work item on the maintenance desk.
 *
 * The refusal is put in the workstation's 待處理 as the server sends one (the code, the
 * trip in the way and its hours); the two-workstation path that makes it is proven in
 * test/integration/vehicles-sync.test.ts.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPlate } from '../../domain/plates';
import { spanParams } from '../../domain/vehicles/rules';
import { type DeskBrowser, launchBrowser, screenshot } from './support/browser';
import { seededDataDir } from './support/demo';
import { signIn } from './support/session';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import { type ShellPage, withAnyCount } from './pages/ShellPage';
import { call } from './pages/VenueApi';
import { zh } from './pages/zh';

const SOON = { timeout: 15_000, interval: 100 };

type TripRow = { id: string; vehicle_id: string; driver_id: string | null; depart_at: string; return_at: string };

/** A refused trip.assign: a waiting request of the coming days, on the vehicle of an assigned trip at overlapping hours. */
function seedRefusal(dataDir: string): { requestId: string; purpose: string; inTheWay: TripRow } {
  const db = new Database(path.join(dataDir, 'workstation.sqlite'));
  try {
    const found = db
      .prepare(
        `SELECT r.id AS requestId, r.purpose, t.id, t.vehicle_id, t.driver_id, t.depart_at, t.return_at FROM trip_request r
         JOIN trip t ON t.state = 'assigned' AND t.depart_at < r.return_at AND t.return_at > r.depart_at
         WHERE r.state = 'waiting' AND r.depart_at > ? ORDER BY r.depart_at LIMIT 1`,
      )
      .get(new Date().toISOString()) as TripRow & { requestId: string; purpose: string };
    const { requestId, purpose, ...trip } = found;
    const request = { id: requestId, purpose };
    const problem = { code: 'vehicles.error.vehicleBusy', params: { conflictId: trip.id, vehicleId: trip.vehicle_id, ...spanParams(trip.depart_at, trip.return_at) }, field: 'vehicleId' };
    const at = new Date().toISOString();
    db.prepare('INSERT INTO needs_attention (id, client_id, mutation_id, name, args, user_id, at, problem, conflict, refused_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)').run(
      'other-desk:41',
      'other-desk',
      41,
      'trip.assign',
      JSON.stringify({ id: 'trip-refused', requestId: request.id, vehicleId: trip.vehicle_id, driverId: trip.driver_id }),
      'demo-user-dispatch',
      at,
      JSON.stringify(problem),
      at,
    );
    return { requestId: request.id, purpose: request.purpose, inTheWay: trip };
  } finally {
    db.close();
  }
}

describe('the dispatch desk: 待處理 and service due', () => {
  let ws: Workstation;
  let browser: DeskBrowser;
  let page: Page;
  let shell: ShellPage;
  let seeded: ReturnType<typeof seedRefusal>;

  beforeAll(async () => {
    const dataDir = seededDataDir();
    seeded = seedRefusal(dataDir);
    [ws, browser] = await Promise.all([startWorkstation({ dataDir }), launchBrowser()]);
    page = browser.page;
    shell = await signIn(page, ws, 'dispatch');
    await shell.deskLink('vehicles').click();
  });
  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
  });

  it('shows the refused assignment with the trip in the way and what is free, and dispatches it again on a free vehicle', async () => {
    await shell.status.getByText(withAnyCount('status.needsAttention')).click();
    const card = page.getByTestId('attention-trip');
    await card.waitFor();
    await expect.poll(() => card.getByTestId('attention-asked').textContent(), SOON).toContain(seeded.purpose);
    const inTheWay = await call(ws, 'vehicles.trip', { id: seeded.inTheWay.id });
    await expect.poll(() => card.getByTestId('attention-collided').textContent(), SOON).toContain(formatPlate(inTheWay!.vehicle.plate));
    // Why, in words: the vehicle was out at the other trip's hours.
    const [refusal] = await call(ws, 'attention.list', {});
    expect(refusal!.message).toMatch(/^此車 \d+\/\d\d\/\d\d \d\d:\d\d 至 .* 已有派車$/);
    expect(await card.textContent()).toContain(refusal!.message);
    const free = await call(ws, 'vehicles.free', { requestId: seeded.requestId });
    expect(free.vehicleIds.length).toBeGreaterThan(0);
    expect(free.vehicleIds).not.toContain(seeded.inTheWay.vehicle_id);
    await expect.poll(() => card.getByTestId('attention-free').textContent(), SOON).toContain(zh('vehicles.ui.board.vehicles'));
    await expect.poll(async () => (await card.boundingBox())?.x ?? 0, SOON).toBeLessThan(1280 - 440);
    await screenshot(page, 'vehicles-attention-trip');

    await card.getByRole('button', { name: zh('vehicles.ui.attention.reassign') }).click();
    await expect.poll(async () => (await call(ws, 'attention.list', {})).length, SOON).toBe(0);
    const trip = await call(ws, 'vehicles.trip', { id: 'trip-refused' });
    expect(trip?.trip.state).toBe('assigned');
    expect(free.vehicleIds).toContain(trip!.trip.vehicleId);
    expect(trip?.request.state).toBe('dispatched');
    await page.keyboard.press('Escape');
  });

  it('shows 保養到期 on the car whose service falls due and opens its work item on the maintenance desk', async () => {
    await page.getByRole('tab', { name: zh('vehicles.ui.tab.fleet') }).click();
    const row = page.locator('tr', { hasText: 'AMK-1202' });
    await expect.poll(() => row.textContent(), SOON).toContain(zh('vehicles.ui.service.due'));
    // A car not due shows its next service instead.
    expect(await page.locator('tr', { hasText: 'AMK-1201' }).textContent()).not.toContain(zh('vehicles.ui.service.due'));
    await row.getByRole('button', { name: zh('vehicles.ui.service.open') }).click();
    await expect.poll(() => row.textContent(), SOON).toContain(zh('vehicles.ui.service.ticketOpen'));
    expect(await row.textContent()).toContain(zh('vehicles.ui.service.due'));
    await screenshot(page, 'vehicles-fleet-service');
    const tickets = (await call(ws, 'records.list', { kind: 'ticket' })) as { id: string; subject: string; status: string }[];
    expect(tickets.find((x) => x.id === 'svc-demo-vehicle-2-1')).toMatchObject({ subject: '公務車定期保養 AMK-1202', status: 'reported' });
  });

  it('draws a week of trips with no text cut off in a short trip: the title alone (ellipsised), or just its colour, the whole in its tooltip', async () => {
    await page.getByRole('tab', { name: zh('vehicles.ui.tab.board') }).click();
    await page.getByText(zh('vehicles.ui.board.week'), { exact: true }).click();
    await expect.poll(() => page.locator('.tg-time-head .tg-head-label').count(), SOON).toBe(7);
    const items = page.locator('.tg-item');
    await expect.poll(() => items.count(), SOON).toBeGreaterThan(10);
    const spilled = await items.evaluateAll((els) =>
      els.flatMap((el) =>
        [...el.querySelectorAll<HTMLElement>('.tg-item-line')]
          .filter((line) => line.offsetParent !== null && line.scrollWidth > line.clientWidth + 1)
          .map((line) => `${el.getAttribute('title')} ${line.className} ${line.scrollWidth}/${line.clientWidth}`),
      ),
    );
    await screenshot(page, 'vehicles-board-week-short');
    expect(spilled).toEqual([]);
    // Every trip keeps its whole text in the tooltip.
    expect(await items.evaluateAll((els) => els.filter((el) => !el.getAttribute('title')).length)).toBe(0);
  });
});
