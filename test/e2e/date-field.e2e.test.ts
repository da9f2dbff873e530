/**
 * (c) Settings › 一般: the ROC date field takes what clerks type, key by key (1110131),
 * and shows 111/01/31 once the field is left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskBrowser, launchBrowser, screenshot } from './support/browser';
import { seededDataDir } from './support/demo';
import { signIn } from './support/session';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import { SettingsPage } from './pages/SettingsPage';

describe('ROC date field', () => {
  let ws: Workstation;
  let browser: DeskBrowser;
  beforeAll(async () => {
    [ws, browser] = await Promise.all([startWorkstation({ dataDir: seededDataDir() }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
  });

  it('turns 1110131 typed key by key into 111/01/31 when the field is left', async () => {
    const { page } = browser;
    const shell = await signIn(page, ws);
    await shell.deskLink('settings').click();
    const settings = new SettingsPage(page);
    await settings.open('general');
    const field = settings.dateField();
    await field.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('1110131');
    await field.blur();
    await expect.poll(() => field.inputValue()).toBe('111/01/31');
    await screenshot(page, 'date-field');
  });
});
