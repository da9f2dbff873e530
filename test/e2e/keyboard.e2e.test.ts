/**
 * (d) Keyboard only: sign in with typing, Tab and Enter, switch desks with Alt+1…6, and
 * reach a desk through the Ctrl+K palette. No mouse anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskBrowser, launchBrowser } from './support/browser';
import { demoUser, seededDataDir } from './support/demo';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import { LoginPage } from './pages/LoginPage';
import { DESKS, ShellPage } from './pages/ShellPage';
import { SettingsPage } from './pages/SettingsPage';

describe('keyboard only', () => {
  let ws: Workstation;
  let browser: DeskBrowser;
  beforeAll(async () => {
    [ws, browser] = await Promise.all([startWorkstation({ dataDir: seededDataDir() }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
  });

  it('signs in and moves between desks with Alt+digits and the Ctrl+K palette', async () => {
    const { page } = browser;
    const admin = demoUser('admin');
    await page.goto(ws.url);
    const login = new LoginPage(page);
    await login.waitUntilShown();
    // The username field has the focus from the start: no click needed.
    await expect.poll(() => login.username.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.type(admin.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(admin.password);
    await page.keyboard.press('Enter');

    const shell = new ShellPage(page);
    await shell.waitUntilShown();
    expect(await shell.currentDesk()).toBe('maintenance');

    for (const desk of [...DESKS.slice(1), DESKS[0]]) {
      await shell.pressDeskShortcut(desk);
      await expect.poll(() => shell.currentDesk(), { message: `Alt+${DESKS.indexOf(desk) + 1}` }).toBe(desk);
    }

    await shell.runCommand(shell.deskLabel('settings'));
    await expect.poll(() => shell.currentDesk()).toBe('settings');
    expect(await new SettingsPage(page).tab('general').isVisible()).toBe(true);

    // The palette also knows the desks by their English names.
    await shell.runCommand('vehicles');
    await expect.poll(() => shell.currentDesk()).toBe('vehicles');

    // Esc closes the palette and leaves the desk as it was.
    await shell.openPalette();
    await page.keyboard.type(shell.deskLabel('parking'));
    await page.keyboard.press('Escape');
    await shell.palette.waitFor({ state: 'hidden' });
    expect(await shell.currentDesk()).toBe('vehicles');
  });
});
