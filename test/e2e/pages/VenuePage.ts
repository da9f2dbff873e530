/**
 * 場地: the venue desk's tabs (行事曆, 申請案件, 空檔查詢, 場地設定), the booking calendar,
 * the application form, a booking's detail drawer and the confirmation letter.
 */
import type { Locator, Page } from 'playwright-core';
import type { MessageKey } from '../../../domain/i18n';
import { zh } from './zh';

export type VenueTab = 'calendar' | 'bookings' | 'free' | 'settings';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class VenuePage {
  constructor(readonly page: Page) {}

  tab(tab: VenueTab): Locator {
    return this.page.getByRole('tab', { name: zh(`venues.ui.tab.${tab}`), exact: true });
  }

  async open(tab: VenueTab): Promise<void> {
    await this.tab(tab).click();
    await this.page.getByRole('tabpanel').filter({ visible: true }).first().waitFor();
  }

  // 行事曆

  /** The time grid (one venue, or the rooms of a site side by side). */
  grid(): Locator {
    return this.page.getByRole('application');
  }

  /** A choice of the calendar's toolbar (日 週 月, 全部場地並排 單一場地). */
  choice(key: MessageKey): Locator {
    return this.page.locator('label.ant-radio-button-wrapper').filter({ hasText: new RegExp(`^${escapeRegExp(zh(key))}$`) });
  }

  async show(view: 'day' | 'week' | 'month', scope: 'site' | 'venue'): Promise<void> {
    await this.choice(`venues.ui.cal.view.${view}`).click();
    await this.choice(`venues.ui.cal.scope.${scope}`).click();
  }

  /** Puts a date (111/01/18) into 跳至日期 and takes it with Enter. */
  async goToDate(text: string): Promise<void> {
    const field = this.page.getByRole('textbox', { name: zh('venues.ui.cal.goToDate') });
    await field.click();
    await field.fill(text);
    await field.press('Enter');
    await this.page.keyboard.press('Escape');
    // The date panel fades out; what comes next (a picture, a click on the grid) waits for it.
    await this.page.waitForFunction(() => [...document.querySelectorAll('.ant-picker-dropdown')].every((el) => el.getAnimations({ subtree: true }).length === 0));
  }

  /** Resolves once the calendar says the range asked for is on screen (painted). */
  async waitPainted(): Promise<void> {
    await this.page.waitForFunction(() => {
      const holder = document.querySelector('.vc-holder');
      const key = holder?.getAttribute('data-painted');
      const view = holder?.getAttribute('data-view');
      const scope = holder?.getAttribute('data-scope');
      return !!key && key.startsWith(`${view}|${scope}|`);
    });
  }

  /** A booking on the calendar, found by its name. */
  event(name: string): Locator {
    return this.grid().locator('[data-item]').filter({ hasText: name });
  }

  /** The cell of a column (room or day) in a band (day), as the grid numbers them. */
  cell(band: number, column: number): Locator {
    return this.grid().locator(`[data-cell="${band}:${column}"]`);
  }

  /** The index of a column header (a room's name, or a day). */
  async columnIndex(label: string): Promise<number> {
    const heads = await this.grid().getByRole('columnheader').allTextContents();
    const i = heads.findIndex((h) => h.startsWith(label));
    if (i < 0) throw new Error(`no column "${label}" among ${heads.join(', ')}`);
    return i;
  }

  newBookingButton(): Locator {
    return this.page.getByRole('button', { name: zh('venues.ui.newBooking') }).first();
  }

  // The application form (a drawer)

  form(): Locator {
    return this.page.locator('.ant-drawer').filter({ hasText: zh('venues.ui.form.sectionApplicant') });
  }

  field(label: MessageKey): Locator {
    return this.form().getByLabel(zh(label), { exact: true });
  }

  /** Picks an option of a select field by typing it and pressing Enter. */
  async choose(label: MessageKey, option: string): Promise<void> {
    const box = this.field(label);
    await box.click();
    // Searchable lists take the text; short fixed lists are only clicked.
    if (await box.isEditable()) await box.fill(option);
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  }

  async typeInto(label: MessageKey, text: string): Promise<void> {
    const box = this.field(label);
    await box.click();
    await this.page.keyboard.press('Control+a');
    await this.page.keyboard.type(text);
  }

  /** A date field: the whole date at once, then Enter takes it. */
  async fillDate(label: MessageKey, text: string): Promise<void> {
    const box = this.field(label);
    await box.click();
    await box.fill(text);
    await box.press('Enter');
  }

  /** What a select field of the form shows as chosen. */
  async chosen(label: MessageKey): Promise<string> {
    const item = this.form()
      .locator('.ant-form-item')
      .filter({ has: this.page.locator('label', { hasText: new RegExp(`^${escapeRegExp(zh(label))}$`) }) });
    return (await item.locator('.ant-select').first().textContent()) ?? '';
  }

  submitButton(): Locator {
    return this.form().getByRole('button', { name: zh('venues.ui.form.submit') });
  }

  /** Attaches a file (a scanned letter) as the clerk picking it in 加入附件 would. */
  async attach(name: string, mimeType: string, buffer: Buffer): Promise<void> {
    const item = this.form()
      .locator('.ant-form-item')
      .filter({ has: this.page.locator('label', { hasText: new RegExp(`^${escapeRegExp(zh('venues.ui.attachments'))}$`) }) });
    await item.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
  }

  // A booking's detail (a drawer)

  detail(): Locator {
    return this.page.locator('.ant-drawer').filter({ hasText: zh('venues.ui.detail.steps') });
  }

  detailButton(key: MessageKey): Locator {
    return this.detail().getByRole('button', { name: zh(key), exact: true });
  }

  status(): Locator {
    return this.detail().getByTestId('booking-status');
  }

  steps(): Locator {
    return this.detail().getByTestId('booking-step');
  }

  /** A click that lands while the drawer is still settling can be lost on a busy machine: it is tried again. */
  async closeDetail(): Promise<void> {
    const drawer = this.detail();
    for (let i = 0; i < 3 && (await drawer.isVisible()); i++) {
      await drawer.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    }
    await drawer.waitFor({ state: 'hidden' });
  }

  // 申請案件

  listRow(text: string): Locator {
    return this.page.getByRole('tabpanel').filter({ visible: true }).getByRole('row').filter({ hasText: text });
  }

  async search(text: string): Promise<void> {
    const box = this.page.getByRole('searchbox', { name: zh('common.search') }).or(this.page.getByPlaceholder(zh('venues.ui.list.search')));
    await box.first().fill(text);
    await box.first().press('Enter');
  }

  // The confirmation letter

  letter(): Locator {
    return this.page.getByTestId('letter-page');
  }

  async closeLetter(): Promise<void> {
    await this.page
      .getByRole('dialog', { name: zh('venues.ui.letter.title') })
      .getByRole('button', { name: zh('common.close'), exact: true })
      .click();
    await this.letter().waitFor({ state: 'hidden' });
  }
}
