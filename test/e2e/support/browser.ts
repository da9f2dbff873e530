/**
 * Real Chromium (Debian's, through playwright-core) as the desks see the app: zh-TW,
 * Asia/Taipei, a 1280×800 window, a fresh profile each launch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { findChromium } from '../../../scripts/require-chromium.mjs';
import { repoRoot } from './workstation';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const screenshotDir = path.join(repoRoot, 'test', 'output', 'screenshots');

export function chromiumPath(): string {
  const found = findChromium();
  if (!found) throw new Error('Chromium not found: install it with `apt-get install -y chromium fonts-noto-cjk` or set CHROMIUM_PATH.');
  return found;
}

export async function launchChromium(): Promise<Browser> {
  // playwright-core's launch gives each browser a fresh temporary profile.
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export async function newDeskContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-TW', timezoneId: 'Asia/Taipei' });
}

export interface DeskBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<DeskBrowser> {
  const browser = await launchChromium();
  const context = await newDeskContext(browser);
  const page = await context.newPage();
  return { browser, context, page, close: () => browser.close() };
}

/** Saves test/output/screenshots/<name>.png (the folder is kept out of git). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
