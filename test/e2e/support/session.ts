/** Opening the app already past the first run: a demo data folder and a signed-in user. */
import type { Page } from 'playwright-core';
import { LoginPage } from '../pages/LoginPage';
import { ShellPage } from '../pages/ShellPage';
import { demoUser } from './demo';
import type { Workstation } from './workstation';

export async function signIn(page: Page, ws: Workstation, username = 'admin'): Promise<ShellPage> {
  const user = demoUser(username);
  await page.goto(ws.url);
  const login = new LoginPage(page);
  await login.waitUntilShown();
  await login.logIn(user.username, user.password);
  const shell = new ShellPage(page);
  await shell.waitUntilShown();
  return shell;
}
