/** The maintenance desk's repair tickets: the list, the new-ticket form, the ticket drawer and the work order. */
import type { Locator, Page } from 'playwright-core';
import { zh } from './zh';

export class TicketsPage {
  readonly search: Locator;
  readonly list: Locator;
  readonly count: Locator;
  readonly form: Locator;
  readonly drawer: Locator;
  readonly workOrder: Locator;
  readonly newButton: Locator;
  readonly filterBar: Locator;

  constructor(readonly page: Page) {
    this.search = page.locator(`input[aria-label="${zh('maint.search.label')}"]`);
    this.list = page.getByRole('table', { name: zh('maint.list.label') });
    this.count = page.getByRole('status').filter({ hasText: /件/ });
    this.form = this.dialog(zh('maint.form.newTitle'));
    this.drawer = page.locator('.maint-ticket-drawer [role=dialog]');
    this.workOrder = page.getByRole('dialog', { name: zh('maint.print.title') });
    this.newButton = page.getByRole('button', { name: new RegExp(zh('maint.new')) });
    this.filterBar = page.getByRole('search', { name: zh('maint.filter.label') });
  }

  tab(key: 'tickets' | 'myWork'): Locator {
    return this.page.getByRole('tab', { name: zh(key === 'tickets' ? 'maint.tab.tickets' : 'maint.tab.myWork'), exact: true });
  }

  /** An option of the open drop-down list (the visible one, not the screen reader's copy). */
  option(text: string): Locator {
    return this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
  }

  /** The texts of the open drop-down list's options, and its group titles. */
  async optionTexts(): Promise<string[]> {
    return this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').allInnerTexts();
  }

  async groupTitles(): Promise<string[]> {
    return this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-group').allInnerTexts();
  }

  async waitUntilListed(): Promise<void> {
    await this.list.getByRole('row').nth(1).getByRole('cell').first().waitFor();
  }

  /** The list's rows (header excluded) as the text of their cells. */
  async rowTexts(): Promise<string[]> {
    return this.list.locator('[role=row][aria-rowindex]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
  }

  row(number: string): Locator {
    return this.list.locator('[role=row][aria-rowindex]').filter({ hasText: number });
  }

  numberButton(number: string): Locator {
    return this.list.getByRole('button', { name: number, exact: true });
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
  }

  action(key: Parameters<typeof zh>[0]): Locator {
    return this.drawer.getByRole('group', { name: zh('maint.actions') }).getByRole('button', { name: zh(key), exact: true });
  }

  /** The dialog a life-cycle button opens (note, assignee) and its confirm button. */
  moveDialog(title: string): Locator {
    return this.dialog(title);
  }

  /** A dialog by its title text (its aria-labelledby id is not to be relied on in every build). */
  dialog(title: string): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.locator('.ant-modal-title', { hasText: new RegExp(`^${title}$`) }) });
  }

  /** Waits until drawers and dialogs have finished sliding in (for a picture that shows them as they stay). */
  async settle(): Promise<void> {
    await this.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 });
  }

  /**
   * Waits until the element holding the focus is a closed list (its choice made) and its
   * drop-down has finished closing: while it still fades out, the list takes a Tab itself.
   */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => document.activeElement?.getAttribute('aria-expanded') !== 'true' && !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'));
  }

  async focusedLabel(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? null);
  }
}

/** How many pages a PDF has: its /Type /Page objects (not the /Pages tree nodes). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}
