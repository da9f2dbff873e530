/**
 * (e) Chinese input: the Enter that picks an IME candidate must not submit the form.
 * Chromium's own IME path is driven through the DevTools protocol (Input.imeSetComposition),
 * so the page sees a real composition and a keydown with isComposing, as with 注音 or 倉頡.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { type DeskBrowser, launchBrowser } from './support/browser';
import { demoUser, seededDataDir } from './support/demo';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

/** An Enter keydown/keyup as an IME delivers it: no keypress, keyCode 229 (or 13, as some do). */
async function enterWhileComposing(cdp: CDPSession, keyCode: 229 | 13): Promise<void> {
  const key = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
}

async function settle(page: Page): Promise<void> {
  // Two frames and a moment for a submit, if one was wrongly started, to reach the screen.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(500);
}

describe('IME composition', () => {
  let ws: Workstation;
  let browser: DeskBrowser;
  beforeAll(async () => {
    [ws, browser] = await Promise.all([startWorkstation({ dataDir: seededDataDir() }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
  });

  it('does not sign in on an Enter that belongs to a composition, and does on a plain Enter', async () => {
    const { page } = browser;
    const admin = demoUser('admin');
    await page.goto(ws.url);
    const login = new LoginPage(page);
    await login.waitUntilShown();
    await login.username.fill(admin.username);
    await login.password.fill(admin.password);
    await login.username.focus();
    await page.keyboard.press('End');

    // Record what the page sees of each Enter, to be sure the composition was real.
    await page.evaluate(() => {
      const seen: { keyCode: number; isComposing: boolean }[] = [];
      Object.assign(window, { enterKeydowns: seen });
      document.addEventListener('keydown', (e) => e.key === 'Enter' && seen.push({ keyCode: e.keyCode, isComposing: e.isComposing }), true);
    });
    const enterKeydowns = () => page.evaluate(() => (window as unknown as { enterKeydowns: { keyCode: number; isComposing: boolean }[] }).enterKeydowns);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'ㄔㄣˊ', selectionStart: 3, selectionEnd: 3 });
    expect(await login.username.inputValue()).toBe(`${admin.username}ㄔㄣˊ`);

    const shell = new ShellPage(page);
    for (const keyCode of [229, 13] as const) {
      await enterWhileComposing(cdp, keyCode);
      await settle(page);
      expect(await shell.nav.isVisible(), `Enter (keyCode ${keyCode}) during composition`).toBe(false);
      expect(await login.username.isVisible()).toBe(true);
    }
    expect(await enterKeydowns()).toEqual([
      { keyCode: 229, isComposing: true },
      { keyCode: 13, isComposing: true },
    ]);

    // The person picks nothing after all: the composition is dropped, the field is as typed.
    await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
    expect(await login.username.inputValue()).toBe(admin.username);
    await settle(page);

    // A plain Enter now signs in, which shows the Enters above would have, too.
    await page.keyboard.press('Enter');
    await shell.waitUntilShown();
  });
});
