/** The login screen (登入): username, password, submit. */
import type { Locator, Page } from 'playwright-core';
import { zh } from './zh';

export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByLabel(zh('login.username'), { exact: true });
    this.password = page.getByLabel(zh('login.password'), { exact: true });
    this.submit = page.getByRole('button', { name: zh('login.submit'), exact: true });
  }

  async waitUntilShown(timeout = 30_000): Promise<void> {
    await this.username.waitFor({ state: 'visible', timeout });
  }

  /** Shown and ready to type into: the username field takes the keyboard focus. */
  async waitUntilInteractive(timeout = 30_000): Promise<void> {
    await this.waitUntilShown(timeout);
    await this.username.focus({ timeout });
    const handle = await this.username.elementHandle({ timeout });
    await this.page.waitForFunction((el) => el !== null && el === el.ownerDocument.activeElement, handle, { timeout });
  }

  async logIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** The same with the keyboard only: type, Tab, type, Enter. */
  async logInWithKeyboard(username: string, password: string): Promise<void> {
    await this.username.focus();
    await this.page.keyboard.type(username);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Enter');
  }

  error(): Locator {
    return this.page.getByText(zh('login.failed'));
  }
}
