/** The working screen: desks on the left (Alt+1…6), status line at the bottom, Ctrl+K palette. */
import type { Locator, Page } from 'playwright-core';
import { DESKS, type Desk } from '../../../renderer/app/desks';
import { zh } from './zh';

export { DESKS, type Desk };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression for a catalog message whose {count} may be any number. */
export function withAnyCount(key: 'status.pending' | 'status.needsAttention'): RegExp {
  return new RegExp(escapeRegExp(zh(key, { count: '\u0000' })).replace('\u0000', '[\\d,]+'));
}

export class ShellPage {
  readonly nav: Locator;
  readonly status: Locator;
  readonly palette: Locator;
  readonly paletteInput: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: zh('shell.navLabel') });
    this.status = page.getByRole('status', { name: zh('shell.status.connection') });
    this.palette = page.getByRole('dialog', { name: zh('palette.title') });
    this.paletteInput = this.palette.getByRole('combobox');
  }

  async waitUntilShown(timeout = 30_000): Promise<void> {
    await this.nav.waitFor({ state: 'visible', timeout });
  }

  deskLabel(desk: Desk): string {
    // Each desk's navigation label is the catalog's nav.<desk>.
    return zh(`nav.${desk}`);
  }

  deskLink(desk: Desk): Locator {
    return this.nav.getByRole('menuitem', { name: this.deskLabel(desk) });
  }

  /** The desk the navigation marks as current. */
  async currentDesk(): Promise<Desk | null> {
    for (const desk of DESKS) {
      const item = this.deskLink(desk);
      const cls = (await item.getAttribute('class')) ?? '';
      if (cls.includes('-menu-item-selected')) return desk;
    }
    return null;
  }

  /** The pending-writes part of the status line: 待同步 N 筆 or 無待同步資料. */
  pendingText(): Locator {
    return this.status.getByText(new RegExp(`${withAnyCount('status.pending').source}|${escapeRegExp(zh('status.pendingNone'))}`));
  }

  async pressDeskShortcut(desk: Desk): Promise<void> {
    await this.page.keyboard.press(`Alt+${DESKS.indexOf(desk) + 1}`);
  }

  async openPalette(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.paletteInput.waitFor({ state: 'visible' });
  }

  /** Opens the palette with Ctrl+K, types, and runs the highlighted command with Enter. */
  async runCommand(text: string): Promise<void> {
    await this.openPalette();
    await this.page.keyboard.type(text);
    await this.palette.getByRole('option', { selected: true }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.palette.waitFor({ state: 'hidden' });
  }

  /** The palette's "go to" command for a desk: 前往：設定 */
  gotoCommand(desk: Desk): string {
    return zh('palette.goto', { place: this.deskLabel(desk) });
  }
}
