/** 設定: tabs for 一般 (with the sample ROC date field), 場所, 機關, 人員, 使用者, 行事曆, 備份與還原. */
import type { Locator, Page } from 'playwright-core';
import { zh } from './zh';

export type SettingsTab = 'general' | 'places' | 'agencies' | 'people' | 'users' | 'calendar' | 'backup';

export class SettingsPage {
  readonly tabs: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByRole('tablist');
  }

  tab(tab: SettingsTab): Locator {
    return this.page.getByRole('tab', { name: zh(`settings.${tab}`), exact: true });
  }

  async open(tab: SettingsTab): Promise<void> {
    await this.tab(tab).click();
    await this.page.getByRole('tabpanel').filter({ visible: true }).first().waitFor();
  }

  /** The visible tab panel. */
  panel(): Locator {
    return this.page.getByRole('tabpanel').filter({ visible: true });
  }

  // 一般
  dateField(): Locator {
    return this.panel().getByRole('textbox', { name: zh('settings.dateSample') });
  }

  // 場所
  placesTree(): Locator {
    return this.panel().getByRole('tree');
  }

  treeItem(name: string): Locator {
    return this.placesTree().getByRole('treeitem', { name });
  }

  // 機關 (and the other lists; the header and the body are separate tables)
  columnHeader(name: string): Locator {
    return this.panel().getByRole('columnheader', { name, exact: true });
  }

  rows(): Locator {
    return this.panel()
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
  }

  row(text: string): Locator {
    return this.rows().filter({ hasText: text });
  }
}
