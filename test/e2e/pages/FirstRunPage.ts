/** The first-run screen of an empty data folder: load the demo data or start empty. */
import type { Locator, Page } from 'playwright-core';
import { zh } from './zh';

export class FirstRunPage {
  readonly title: Locator;
  readonly loadDemo: Locator;
  readonly startEmpty: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByText(zh('demo.title'), { exact: true });
    this.loadDemo = page.getByRole('button', { name: zh('demo.load') });
    this.startEmpty = page.getByRole('button', { name: zh('demo.skip') });
  }

  async waitUntilShown(timeout = 30_000): Promise<void> {
    await this.loadDemo.waitFor({ state: 'visible', timeout });
  }

  /** Loads the demo data; the app then says how many records it loaded. */
  loadedMessage(): Locator {
    const [before] = zh('shell.firstRun.loaded', { count: '\u0000' }).split('\u0000');
    return this.page.getByText(before);
  }
}
