/**
 * The conflict a venue clerk meets (issue 5 §6), with two browser-shell workstations and
 * one sync server: two competing applications for 第三會議室 at the same time reach both
 * workstations; the server goes away; each workstation's clerk approves a different one;
 * when the server is back and both have synced, exactly one is approved everywhere, and
 * the workstation whose approval lost shows it under 待處理 with the booking it collided
 * with and the free slots nearest to the time asked. Moving it to one of them sends it
 * again, and it is approved there.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttentionItem } from '../../domain/api';
import type { BookingView } from '../../domain/venues/views';
import { run, type Proc } from '../sync/support/processes';
import { launchChromium, newDeskContext, screenshot } from './support/browser';
import { demoUser, seededDataDir } from './support/demo';
import { signIn } from './support/session';
import { newDataDir, repoRoot, startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import type { Browser } from 'playwright-core';
import { LoginPage } from './pages/LoginPage';
import { ShellPage, withAnyCount } from './pages/ShellPage';
import { call } from './pages/VenueApi';
import { VenuePage } from './pages/VenuePage';
import { zh } from './pages/zh';
import { completeBookingArgs } from '../support/booking-args';

const SERVER_ADMIN = { username: 'server-admin', password: 'server-admin-password' };
const ROOM = 'demo-venue-SW-MR-301';
const FROM = '2022-03-15T00:00:00.000Z';
const TO = '2022-03-16T00:00:00.000Z';

async function server(url: string, route: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Syncs until nothing waits to be pushed and the server was reached. */
async function synced(ws: Workstation): Promise<void> {
  await expect
    .poll(
      async () => {
        const status = await call(ws, 'sync.now', {});
        return status.pending === 0 && status.connection === 'online';
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe(true);
}

/** Whoever is signed in at the desk (joining signs in its administrator) gives way to the venue clerk. */
async function clerkAt(page: Page, ws: Workstation): Promise<ShellPage> {
  await page.goto(ws.url);
  const shell = new ShellPage(page);
  const login = new LoginPage(page);
  await Promise.race([shell.waitUntilShown(), login.waitUntilShown()]);
  if (await shell.nav.isVisible()) {
    await page.getByRole('button', { name: zh('login.switchUser') }).click();
    await login.waitUntilShown();
  }
  await login.logIn('venue', demoUser('venue').password);
  await shell.waitUntilShown();
  return shell;
}

function startServer(dataDir: string, port: number): Proc {
  return run(path.join(repoRoot, 'server', 'main.ts'), ['--data', dataDir, '--port', String(port), '--init-admin', SERVER_ADMIN.username], { GA_ADMIN_PASSWORD: SERVER_ADMIN.password }, [
    '--import',
    'tsx',
  ]);
}

const booking = (id: string, eventName: string, agency: string) =>
  completeBookingArgs({ id, venueId: ROOM, applicantAgencyId: agency, contactName: '周雅婷', eventName, attendees: 30, start: '2022-03-15T02:00:00.000Z', end: '2022-03-15T04:00:00.000Z' });

describe('two workstations approve overlapping bookings offline', () => {
  const serverDir = newDataDir('ga-desk-server-');
  let proc: Proc;
  let url: string;
  let port: number;
  let a: Workstation;
  let b: Workstation;
  let browser: Browser;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    proc = startServer(serverDir, 0);
    port = Number((await proc.waitFor(/listening at http:\/\/127\.0\.0\.1:(\d+)/))[1]);
    url = `http://127.0.0.1:${port}`;
    [a, b, browser] = await Promise.all([startWorkstation({ dataDir: seededDataDir() }), startWorkstation(), launchChromium()]);
    pageA = await (await newDeskContext(browser)).newPage();
    pageB = await (await newDeskContext(browser)).newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
    proc?.child.kill('SIGTERM');
    await proc?.exited;
    fs.rmSync(serverDir, { recursive: true, force: true });
  });

  it('keeps exactly one approved; the other workstation lists it with the booking in the way and the nearest free slots', async () => {
    // A worked alone with the demo data and joins; its people get their passwords on the server; B joins empty and pulls it all.
    await signIn(pageA, a, 'admin');
    expect(await call(a, 'sync.join', { serverUrl: url, ...SERVER_ADMIN, deviceName: '四維 1F 櫃檯' })).toMatchObject({ ok: true });
    await synced(a);
    const admin = await server(url, '/login', SERVER_ADMIN);
    for (const username of ['venue']) await server(url, `/users/demo-user-${username}/password`, { password: demoUser(username).password }, String(admin.token));
    expect(await call(b, 'sync.join', { serverUrl: url, ...SERVER_ADMIN, deviceName: '鳳山 1F 櫃檯' })).toMatchObject({ ok: true });
    await synced(b);
    expect((await call(b, 'venues.list', {})).some((v) => v.id === ROOM)).toBe(true);

    // The venue clerk signs in at both desks (at the server: it is reachable).
    const shellA = await clerkAt(pageA, a);
    const shellB = await clerkAt(pageB, b);

    // Two applications for the same two hours of 第三會議室 reach both workstations, pending.
    expect(await call(a, 'mutate', { name: 'booking.create', args: booking('conflict-x', '交通局業務協調會', 'demo-agency-TRA') })).toMatchObject({ ok: true });
    expect(await call(a, 'mutate', { name: 'booking.create', args: booking('conflict-y', '社會局志工訓練', 'demo-agency-SAB') })).toMatchObject({ ok: true });
    await synced(a);
    await synced(b);
    expect((await call(b, 'venues.bookings', { from: FROM, to: TO, venueIds: [ROOM] })).map((x) => x.status)).toEqual(['pending', 'pending']);

    // The server goes away; each clerk approves one of them.
    proc.child.kill('SIGTERM');
    await proc.exited;
    const approveOn = async (page: Page, shell: ShellPage, name: string) => {
      await shell.deskLink('venues').click();
      const venues = new VenuePage(page);
      await venues.show('day', 'site');
      await venues.goToDate('111/03/15');
      await venues.waitPainted();
      await venues.event(name).click();
      await venues.detailButton('venues.ui.detail.approve').click();
      await expect.poll(() => venues.status().textContent()).toBe(zh('venues.status.approved'));
      await venues.closeDetail();
    };
    await approveOn(pageA, shellA, '交通局業務協調會');
    await approveOn(pageB, shellB, '社會局志工訓練');
    expect((await call(a, 'status.get', {})).connection).toBe('offline');

    // The server is back; both sync (twice, so each has the other's outcome too).
    proc = startServer(serverDir, port);
    await proc.waitFor(/listening at/);
    await synced(a);
    await synced(b);
    await synced(a);

    const seenByA = await call(a, 'venues.bookings', { from: FROM, to: TO, venueIds: [ROOM] });
    const seenByB = await call(b, 'venues.bookings', { from: FROM, to: TO, venueIds: [ROOM] });
    const approved = (list: BookingView[]) => list.filter((x) => x.status === 'approved').map((x) => x.id);
    expect(approved(seenByA)).toHaveLength(1);
    expect(approved(seenByB)).toEqual(approved(seenByA));
    const winner = approved(seenByA)[0];
    const [loser, loserPage, loserShell] = winner === 'conflict-x' ? [b, pageB, shellB] : [a, pageA, shellA];
    const lost = winner === 'conflict-x' ? 'conflict-y' : 'conflict-x';
    const winnerName = winner === 'conflict-x' ? '交通局業務協調會' : '社會局志工訓練';

    // The workstation that lost holds its approval under 待處理, naming the booking in its way.
    const items: AttentionItem[] = await call(loser, 'attention.list', {});
    expect(items.map((i) => [i.name, (i.args as { id: string }).id, i.problem.code])).toEqual([['booking.approve', lost, 'venues.conflict']]);
    await loserShell.status.getByText(withAnyCount('status.needsAttention')).click();
    const card = loserPage.getByTestId('attention-booking');
    await card.waitFor();
    expect(await card.getByTestId('attention-collided').textContent()).toContain(winnerName);
    // The server's refusal names the booking in the way with how to reach its applicant.
    expect(await card.getByTestId('attention-collided-contact').textContent()).toContain('周雅婷 07-3368333');
    const slots = card.getByTestId('attention-slots').getByRole('button', { name: zh('venues.ui.attention.takeSlot') });
    await slots.first().waitFor();
    expect(await slots.count()).toBeGreaterThan(0);
    // Let the drawer finish sliding in.
    await expect.poll(async () => (await card.boundingBox())?.x ?? 0).toBeLessThan(1280 - 440);
    await screenshot(loserPage, 'venues-conflict-attention');

    // Into the nearest free slot and approved again: nothing left to attend to, both approved at different times.
    await slots.first().click();
    await expect.poll(async () => (await call(loser, 'attention.list', {})).length).toBe(0);
    await synced(loser);
    await synced(loser === a ? b : a);
    const after = await call(loser === a ? b : a, 'venues.bookings', { from: '2022-03-01T00:00:00.000Z', to: '2022-04-01T00:00:00.000Z' });
    const both = after.filter((x) => x.id === winner || x.id === lost);
    expect(both.map((x) => x.status)).toEqual(['approved', 'approved']);
    expect(both[0].start === both[1].start && both[0].venueId === both[1].venueId).toBe(false);
  }, 300_000);
});
