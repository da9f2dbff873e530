/**
 * An agency's staff on the sync server's LAN page, in real Chromium: they sign in with the
 * account the administrator gave their agency, file a trip request (a wrong date is
 * refused by name and what they typed stays), and see it listed as waiting; the server
 * holds it as an online request of their agency. Traffic goes to 127.0.0.1 only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { addDays, formatRocShort, todayInTaipei } from '../../domain/dates';
import type { User } from '../../domain/entities';
import type { TripRequest } from '../../domain/vehicles/types';
import { makeVerifier } from '../../db/passwords';
import { setVerifier } from '../../server/store/auth-data';
import { findRecords } from '../../server/store/sync-data';
import { runAsServer } from '../../server/sync';
import { SERVER_ADMIN, startSyncServer, type RunningServer } from '../support/sync-server';
import { launchChromium, newDeskContext, screenshot } from './support/browser';
import { exactly, zh } from './pages/zh';

const ACCOUNT = { username: 'cab-cars', password: 'agency pass 1' };

/** The administrator's part: an agency, a person of it, and the agency's account with its password. */
async function giveAgencyAnAccount(server: RunningServer) {
  const admin = ((await server.db.read((c) => findRecords(c, 'user', {}))) as unknown as User[]).find((u) => u.username === SERVER_ADMIN.username)!;
  const as = { userId: admin.id, roles: admin.roles };
  for (const [name, args] of [
    ['agency.create', { id: 'ag-cab', code: 'CAB', nameZh: '民政局', nameEn: 'Civil Affairs Bureau' }],
    ['person.create', { id: 'p-cab', name: '民政局承辦', kind: 'staff', agencyId: 'ag-cab' }],
    ['user.create', { id: 'u-cab', username: ACCOUNT.username, displayName: '陳美玲', personId: 'p-cab', roles: ['agency_requester'] }],
  ] as const) {
    const problem = await runAsServer(server.db, name, args, as);
    if (problem) throw new Error(`${name}: ${problem.code}`);
  }
  const verifier = await makeVerifier(ACCOUNT.password);
  await server.db.write((c) => setVerifier(c, 'u-cab', verifier, new Date().toISOString()));
}

describe("an agency's online trip request", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startSyncServer(), launchChromium()]);
    await giveAgencyAnAccount(server);
    context = await newDeskContext(browser);
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('is filed on the page and listed as waiting', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/online`);
    await expect.poll(() => page.title()).toBe(zh('vehicles.online.title'));

    await page.getByLabel(zh('vehicles.online.signIn.username')).fill(ACCOUNT.username);
    await page.getByLabel(zh('vehicles.online.signIn.password')).fill(ACCOUNT.password);
    await page.getByRole('button', { name: exactly('vehicles.online.signIn.submit') }).click();
    await page.locator('#who').filter({ hasText: '民政局' }).waitFor();
    // The name of the account is offered as the requester.
    expect(await page.getByLabel(zh('vehicles.online.field.requesterName')).inputValue()).toBe('陳美玲');

    const day = formatRocShort(addDays(todayInTaipei(), 14));
    await page.getByLabel(zh('vehicles.online.field.passengers')).fill('4');
    await page.getByLabel(zh('vehicles.online.field.purpose')).fill('旗山區災後會勘');
    await page.getByLabel(zh('vehicles.online.field.stops')).fill('旗山區公所\n旗山老街');
    await page.getByLabel(zh('vehicles.online.field.departDate')).fill('115/13/40');
    await page.getByLabel(zh('vehicles.online.field.departTime')).fill('08:30');
    await page.getByLabel(zh('vehicles.online.field.returnDate')).fill(day);
    await page.getByLabel(zh('vehicles.online.field.returnTime')).fill('16:00');
    await page.getByLabel(zh('vehicles.online.field.destinationId')).selectOption('qishan');
    // Choosing a usual destination fills in its distance.
    expect(await page.getByLabel(zh('vehicles.online.field.distanceKm')).inputValue()).toBe('100');

    await page.getByRole('button', { name: exactly('vehicles.online.submit') }).click();
    await expect.poll(() => page.locator('#err-departDate').textContent()).toBe(zh('vehicles.online.error.date'));
    expect(await page.locator('#form-error').textContent()).toContain(zh('vehicles.online.field.departDate'));
    // Refused: nothing kept on the server, everything typed still on the page.
    expect(await server.db.read((c) => findRecords(c, 'tripRequest', {}))).toEqual([]);
    expect(await page.getByLabel(zh('vehicles.online.field.purpose')).inputValue()).toBe('旗山區災後會勘');
    expect(await page.getByLabel(zh('vehicles.online.field.stops')).inputValue()).toBe('旗山區公所\n旗山老街');
    await screenshot(page, 'vehicles-online-refused');

    await page.getByLabel(zh('vehicles.online.field.departDate')).fill(day);
    await page.getByRole('button', { name: exactly('vehicles.online.submit') }).click();
    await expect.poll(() => page.locator('#notice').textContent()).toBe(zh('vehicles.online.filed'));
    const row = page.locator('#requests tbody tr').filter({ hasText: '旗山區災後會勘' });
    await row.waitFor();
    expect(await row.textContent()).toContain(zh('vehicles.requestState.waiting'));
    expect(await row.textContent()).toContain(`${day} 08:30`);
    expect(await page.locator('#err-departDate').textContent()).toBe('');
    await screenshot(page, 'vehicles-online-filed');

    const held = (await server.db.read((c) => findRecords(c, 'tripRequest', {}))) as unknown as TripRequest[];
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ source: 'online', agencyId: 'ag-cab', passengers: 4, stops: ['旗山區公所', '旗山老街'], distanceKm: 100, state: 'waiting' });
  }, 60_000);
});
