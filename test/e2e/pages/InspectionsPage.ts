/**
 * 維修 › 定期保養, 工程, 設備: the rounds due (work orders), one round being recorded item
 * by item, the plans with their editor, the projects with their timeline and the assets.
 */
import type { Locator, Page } from 'playwright-core';
import { zh } from './zh';

export class InspectionsPage {
  constructor(readonly page: Page) {}

  maintTab(key: 'maint.tab.inspections' | 'maint.tab.projects' | 'maint.tab.assets' | 'maint.tab.tickets'): Locator {
    return this.page.getByRole('tab', { name: zh(key), exact: true });
  }

  async open(): Promise<void> {
    await this.maintTab('maint.tab.inspections').click();
    await this.view('inspections.view.rounds').waitFor();
  }

  /** 巡檢單 / 保養計畫 */
  view(key: 'inspections.view.rounds' | 'inspections.view.plans'): Locator {
    return this.page.locator('.ant-segmented-item').filter({ hasText: zh(key) });
  }

  /** The work orders' rows of a plan. */
  roundLinks(planName: string): Locator {
    return this.page.locator('[data-round]').filter({ hasText: planName });
  }

  /** The drawer of the round open for recording. */
  drawer(): Locator {
    return this.page.locator('.ant-drawer').filter({ has: this.page.getByRole('list', { name: zh('field.checklist') }) });
  }

  async closeDrawer(): Promise<void> {
    await this.drawer().locator('.ant-drawer-close').click();
    await this.drawer().waitFor({ state: 'hidden' });
  }

  /** The checklist rows of the open round, in walking order. */
  items(): Locator {
    return this.drawer()
      .getByRole('list', { name: zh('field.checklist') })
      .getByRole('listitem');
  }

  button(key: Parameters<typeof zh>[0], params?: Parameters<typeof zh>[1]): Locator {
    return this.page.getByRole('button', { name: zh(key, params) });
  }

  /** Waits until drawers and dialogs have finished sliding in (for a screenshot that shows them as they stay). */
  async settle(): Promise<void> {
    await this.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 });
  }

  /** A dialog by its title. */
  dialog(title: string): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.locator('.ant-modal-title', { hasText: title }) });
  }
}
