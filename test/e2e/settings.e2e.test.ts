/**
 * (b) Settings shows the reference data the demo loaded: the places tree and the agencies.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type DeskBrowser, launchBrowser, screenshot } from './support/browser';
import { seededDataDir } from './support/demo';
import { signIn } from './support/session';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import { SettingsPage } from './pages/SettingsPage';
import type { ShellPage } from './pages/ShellPage';
import { zh } from './pages/zh';

describe('settings', () => {
  let ws: Workstation;
  let browser: DeskBrowser;
  let page: Page;
  let shell: ShellPage;
  let settings: SettingsPage;

  beforeAll(async () => {
    [ws, browser] = await Promise.all([startWorkstation({ dataDir: seededDataDir() }), launchBrowser()]);
    page = browser.page;
    // The workstation keeps one signed-in session: sign in once for all the tests here.
    shell = await signIn(page, ws);
  });
  beforeEach(async () => {
    await shell.deskLink('settings').click();
    settings = new SettingsPage(page);
  });
  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
  });

  it('shows the places tree with 四維行政中心 and its buildings', async () => {
    await settings.open('places');
    await settings.treeItem('四維行政中心').waitFor();
    expect(await settings.treeItem('行政大樓').isVisible()).toBe(true);
    expect(await settings.treeItem('鳳山行政中心').isVisible()).toBe(true);
    await settings.treeItem('四維行政中心').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-places');
  });

  it('shows the agencies table', async () => {
    await settings.open('agencies');
    await settings.row('民政局').waitFor();
    expect(await settings.columnHeader(zh('field.code')).isVisible()).toBe(true);
    expect(await settings.row('民政局').textContent()).toContain('CAB');
    expect(await settings.rows().count()).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'settings-agencies');
  });
});
