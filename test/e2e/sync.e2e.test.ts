/**
 * Two workstations (browser shell, real Chromium) against one sync server. Each joins
 * from its first-run screen as the server's administrator; then what one saves in
 * Settings › 機關 appears on the other by itself — the server pokes it and it pulls —
 * with no click there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { SERVER_ADMIN, startSyncServer, type RunningServer } from '../support/sync-server';
import { launchChromium, newDeskContext, screenshot } from './support/browser';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import { FirstRunPage } from './pages/FirstRunPage';
import { SettingsPage } from './pages/SettingsPage';
import { ShellPage } from './pages/ShellPage';
import { zh } from './pages/zh';

/** Joins a new workstation to the server from its first-run screen, as an administrator would. */
async function joinFromFirstRun(page: Page, ws: Workstation, serverUrl: string, deviceName: string): Promise<ShellPage> {
  await page.goto(ws.url);
  const firstRun = new FirstRunPage(page);
  await firstRun.waitUntilShown();
  await page.getByRole('button', { name: zh('sync.join.title') }).click();
  const url = page.getByLabel(zh('sync.join.serverUrl'));
  await url.fill(serverUrl);
  await page.getByLabel(zh('sync.join.deviceName')).fill(deviceName);
  await page.getByLabel(zh('login.username')).fill(SERVER_ADMIN.username);
  await page.getByLabel(zh('login.password')).fill(SERVER_ADMIN.password);
  // The button's name ends with 加入 (after its icon); the one that opened the form says more.
  await page.getByRole('button', { name: new RegExp(`${zh('sync.join.submit')}$`) }).click();
  const shell = new ShellPage(page);
  await shell.waitUntilShown();
  return shell;
}

describe('two workstations through one sync server', () => {
  let server: RunningServer;
  let a: Workstation;
  let b: Workstation;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, a, b, browser] = await Promise.all([startSyncServer(), startWorkstation(), startWorkstation(), launchChromium()]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await stopAllWorkstations();
    await server?.stop();
  });

  it('an agency saved on one appears on the other without a click', async () => {
    contexts.push(await newDeskContext(browser), await newDeskContext(browser));
    const [pageA, pageB] = await Promise.all(contexts.map((c) => c.newPage()));
    const [shellA, shellB] = [await joinFromFirstRun(pageA, a, server.url, '四維 1F 櫃檯'), await joinFromFirstRun(pageB, b, server.url, '鳳山前棟 櫃檯')];

    // Both open Settings › 機關; B is left alone from here on.
    const settingsA = new SettingsPage(pageA);
    const settingsB = new SettingsPage(pageB);
    for (const [shell, settings] of [
      [shellA, settingsA],
      [shellB, settingsB],
    ] as const) {
      await shell.deskLink('settings').click();
      await settings.open('agencies');
    }
    expect(await settingsB.row('同步測試局').count()).toBe(0);

    await settingsA
      .panel()
      .getByRole('button', { name: zh('settings.agencies.add') })
      .click();
    const dialog = pageA.getByRole('dialog');
    await dialog.getByLabel(zh('field.code'), { exact: true }).fill('SYNC');
    await dialog.getByLabel(zh('field.nameZh'), { exact: true }).fill('同步測試局');
    const savedAt = Date.now();
    await dialog.getByRole('button', { name: zh('common.add'), exact: true }).click();
    await settingsA.row('同步測試局').waitFor();

    // On B: no click, no reload — the row arrives by itself.
    await settingsB.row('同步測試局').waitFor({ timeout: 10_000 });
    const arrivedAfter = Date.now() - savedAt;
    expect(await settingsB.row('同步測試局').textContent()).toContain('SYNC');
    await screenshot(pageB, 'sync-agency-arrived');
    console.log(`the agency saved on A showed on B after ${arrivedAfter} ms`);
    // The bound: within a second of the save (a loaded test machine gets some slack).
    expect(arrivedAfter).toBeLessThan(5_000);

    // And back: B renames it, A sees the new name without a click.
    await settingsB.row('同步測試局').getByText('同步測試局', { exact: true }).click();
    const dialogB = pageB.getByRole('dialog');
    const name = dialogB.getByLabel(zh('field.nameZh'), { exact: true });
    await name.fill('同步測試處');
    await dialogB.getByRole('button', { name: zh('common.save'), exact: true }).click();
    await settingsA.row('同步測試處').waitFor({ timeout: 10_000 });
    await screenshot(pageA, 'sync-agency-renamed');
  });
});
