/**
 * (f) The per-launch secret: the page's own origin cannot call the API without it, so
 * another program or page on this machine cannot either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskBrowser, launchBrowser } from './support/browser';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';

describe('launch secret', () => {
  let ws: Workstation;
  let browser: DeskBrowser;
  beforeAll(async () => {
    [ws, browser] = await Promise.all([startWorkstation(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
  });

  it('refuses /api/app.info without the Authorization header and with a wrong key, and answers with the right one', async () => {
    const { page } = browser;
    await page.goto(ws.url);
    const secret = new URL(ws.url).hash.replace(/^#k=/, '');
    const wrong = secret.slice(0, -1) + (secret.endsWith('x') ? 'y' : 'x');
    const status = (authorization: string | null) =>
      page.evaluate(async (auth) => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (auth !== null) headers.authorization = auth;
        const res = await fetch('/api/app.info', { method: 'POST', headers, body: '{}' });
        return res.status;
      }, authorization);

    expect(await status(null)).toBe(401);
    expect(await status(`Bearer ${wrong}`)).toBe(401);
    expect(await status(`Bearer ${secret}`)).toBe(200);
  });
});
