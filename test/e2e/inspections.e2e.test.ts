/**
 * Preventive maintenance in zh-TW, on the demo data: the rounds due appear as work orders
 * (made by this workstation from the plans); a dengue patrol round is recorded from the
 * keyboard, its failed item opens a repair ticket in one action, and the ticket is in the
 * tickets list; a quarterly plan is made in the editor; the projects' timeline and an
 * elevator's history show.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DeskBrowser, launchBrowser, screenshot } from './support/browser';
import { seededDataDir } from './support/demo';
import { signIn } from './support/session';
import { startWorkstation, stopAllWorkstations, type Workstation } from './support/workstation';
import { InspectionsPage } from './pages/InspectionsPage';
import { zh } from './pages/zh';

const DENGUE = '登革熱孳生源巡檢（宿舍及花圃）';
const FOUND = '排水溝落葉堵塞積水';
/** This machine's Chromium renders slowly under load: give the screen time to follow. */
const SOON = { timeout: 15_000, interval: 100 };

describe('preventive maintenance', () => {
  let ws: Workstation;
  let browser: DeskBrowser;
  let page: Page;
  let insp: InspectionsPage;

  beforeAll(async () => {
    [ws, browser] = await Promise.all([startWorkstation({ dataDir: seededDataDir() }), launchBrowser()]);
    page = browser.page;
    await signIn(page, ws, 'maint');
    insp = new InspectionsPage(page);
  });
  // Each test starts with nothing open over the desk, whatever the one before left.
  beforeEach(async () => {
    for (const close of await page.locator('.ant-modal-close:visible, .ant-drawer-close:visible').all()) await close.click().catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
    await stopAllWorkstations();
  });

  it('a round is recorded from the keyboard; its failed item opens a repair ticket that is in the tickets list', async () => {
    await insp.open();
    // The weekly patrol's rounds of these weeks were made here on opening the tab.
    await insp.roundLinks(DENGUE).first().waitFor();
    await expect.poll(() => page.getByText(zh('inspections.state.overdue'), { exact: true }).count(), SOON).toBeGreaterThan(0);
    await screenshot(page, 'inspections-rounds');

    await insp.roundLinks(DENGUE).first().click();
    const items = insp.items();
    await items.first().waitFor();
    const total = await items.count();
    expect(total).toBe(28); // 7 places × 4 items
    // The first item has the focus: P passes it and moves on, Enter does the same.
    await expect.poll(() => items.first().evaluate((el) => el === document.activeElement), SOON).toBe(true);
    await page.keyboard.press('p');
    await expect.poll(() => items.nth(0).getAttribute('data-outcome'), SOON).toBe('pass');
    await expect.poll(() => items.nth(1).evaluate((el) => el === document.activeElement), SOON).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => items.nth(1).getAttribute('data-outcome'), SOON).toBe('pass');

    // F fails the third item and asks what was found; Enter keeps the note.
    await expect.poll(() => items.nth(2).evaluate((el) => el === document.activeElement), SOON).toBe(true);
    await page.keyboard.press('f');
    const note = items.nth(2).getByPlaceholder(zh('inspections.round.failNote'));
    await note.waitFor();
    await page.keyboard.type(FOUND);
    await page.keyboard.press('Enter');
    await expect.poll(() => items.nth(2).textContent(), SOON).toContain(FOUND);
    expect(await items.nth(2).getAttribute('data-outcome')).toBe('fail');

    // T opens the repair ticket for it: the form comes filled in; Enter files it.
    await expect.poll(() => items.nth(2).evaluate((el) => el === document.activeElement), SOON).toBe(true);
    await page.keyboard.press('t');
    const dialog = insp.dialog(zh('inspections.ticket.title'));
    await dialog.waitFor();
    expect(await dialog.getByLabel(zh('field.subject')).inputValue()).toBe('排水溝暢通無積水');
    expect(await dialog.getByLabel(zh('field.description')).inputValue()).toBe(FOUND);
    await insp.settle();
    await screenshot(page, 'inspections-open-ticket');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const ticketTag = items
      .nth(2)
      .locator('.ant-tag')
      .filter({ hasText: /^維-\d{3}-\d{5}$/ });
    await ticketTag.waitFor();
    const number = (await ticketTag.textContent())!.trim();
    await screenshot(page, 'inspections-round-failed-item');

    // The rest pass in one go, then the round is completed.
    await insp.button('inspections.round.passRemaining', { count: total - 3 }).click();
    await expect.poll(() => items.evaluateAll((rows) => rows.filter((r) => r.getAttribute('data-outcome')).length), SOON).toBe(total);
    await insp.button('inspections.round.complete').click();
    const complete = insp.dialog(zh('inspections.round.complete'));
    await complete.waitFor();
    await complete.getByRole('button', { name: zh('inspections.round.complete') }).click();
    await complete.waitFor({ state: 'hidden' });
    await insp.drawer().getByText(zh('inspections.state.done'), { exact: true }).waitFor();
    await screenshot(page, 'inspections-round-done');
    await insp.closeDrawer();

    // The ticket is in the tickets list, newest first.
    await insp.maintTab('maint.tab.tickets').click();
    const list = page.getByRole('table', { name: zh('maint.list.label') });
    await list.getByText(number).waitFor();
    expect(await list.getByText('排水溝暢通無積水').count()).toBeGreaterThan(0);
    await screenshot(page, 'inspections-ticket-in-list');
  });

  it('a round is given to another technician from the keyboard, and taken off again, while the plan keeps its assignee', async () => {
    await insp.open();
    // The patrol's last round listed (still to come) is given away; the one before it is not.
    const rounds = page.locator('tr[data-row-key^="round:demo-plan-dengue:"]');
    await rounds.first().waitFor();
    const keys = await rounds.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')!));
    expect(keys.length).toBeGreaterThan(1);
    const row = page.locator(`tr[data-row-key="${keys.at(-1)}"]`);
    const other = page.locator(`tr[data-row-key="${keys.at(-2)}"]`);
    const link = row.locator('[data-round]');
    await expect.poll(() => row.textContent(), SOON).toContain('楊明哲');
    await link.click();
    await insp.items().first().waitFor();

    // The plan's technician is shown in the picker; typing part of a name and Enter picks another.
    const picker = insp.drawer().getByRole('combobox', { name: zh('inspections.plan.assignee') });
    const shown = insp
      .drawer()
      .locator('.ant-select')
      .filter({ has: page.getByRole('combobox', { name: zh('inspections.plan.assignee') }) });
    await expect.poll(() => shown.textContent(), SOON).toContain('楊明哲');
    await picker.focus();
    await page.keyboard.type('許志');
    await insp.page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').filter({ hasText: '許志偉' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => shown.textContent(), SOON).toContain('許志偉');
    // The list has finished closing (the round's progress bar animates for good: no settle()).
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await screenshot(page, 'inspections-round-assignee');
    // No clear button between the picker and the round's buttons.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.ant-select') || document.activeElement?.classList.contains('ant-select-clear'))).toBe(false);
    await insp.closeDrawer();
    await expect.poll(() => row.textContent(), SOON).toContain('許志偉');
    // The plan's other rounds still go to the plan's technician.
    expect(await other.textContent()).toContain('楊明哲');

    // Backspace in the empty picker takes the technician off this round.
    await link.click();
    await expect.poll(() => shown.textContent(), SOON).toContain('許志偉');
    await picker.focus();
    await page.keyboard.press('Backspace');
    await expect.poll(() => shown.textContent(), SOON).toContain(zh('common.none'));
    await insp.closeDrawer();
    await expect.poll(() => row.textContent(), SOON).not.toContain('許志偉');
  });

  it('a quarterly plan is made in the editor and listed with its recurrence in words', async () => {
    await insp.open();
    await insp.view('inspections.view.plans').click();
    await insp.button('inspections.plan.new').click();
    const editor = insp.dialog(zh('inspections.plan.new'));
    await editor.waitFor();
    await editor.getByLabel(zh('inspections.plan.name')).fill('發電機季保養');
    await editor.getByRole('combobox', { name: zh('field.recurrence') }).click();
    await page
      .locator('.ant-select-item-option:visible')
      .filter({ hasText: zh('recurrence.preset.quarterly') })
      .click();
    await editor.getByLabel(zh('recurrence.dayOfMonth'), { exact: true }).fill('20');
    await editor.getByRole('combobox', { name: zh('field.spaceIds') }).click();
    await page.keyboard.type('機電機房');
    await page
      .locator('.ant-select-item-option:visible')
      .filter({ hasText: /行政大樓 \/ B1 \/ 機電機房/ })
      .click();
    await page.keyboard.press('Escape');
    await editor.getByLabel(zh('inspections.plan.itemLabel', { n: 1 }), { exact: true }).fill('發電機試運轉 30 分鐘');
    await expect.poll(() => editor.getByText(zh('inspections.plan.preview')).isVisible(), SOON).toBe(true);
    await insp.settle();
    await screenshot(page, 'inspections-plan-editor');
    await editor.getByRole('button', { name: zh('common.add'), exact: true }).click();
    await editor.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: '發電機季保養' });
    await row.waitFor();
    expect(await row.textContent()).toContain(zh('recurrence.text.quarterly', { day: 20 }));
    await screenshot(page, 'inspections-plans');
  });

  it('shows the projects on a timeline and an elevator with the ticket its inspection opened', async () => {
    await insp.maintTab('maint.tab.projects').click();
    await page.getByRole('figure', { name: zh('projects.timeline.title') }).waitFor();
    for (const name of ['電梯整修 第五期', '中央空調系統汰換工程', '大禮堂牆面整修（耐燃一級）', '老舊眷舍拆除工程（四戶）']) {
      expect(await page.getByRole('row').filter({ hasText: name }).textContent()).toContain(zh('projectStatus.completed'));
    }
    await screenshot(page, 'inspections-projects');

    await insp.maintTab('maint.tab.assets').click();
    await page.getByText('後棟客梯2號').click();
    await page.getByText('維-110-00001').waitFor();
    // Its rounds: the monthly elevator maintenance of the demo period and of these weeks.
    const [before, after] = zh('assets.rounds', { count: '\u0000' }).split('\u0000');
    const heading = page.getByRole('heading', { name: new RegExp(`^${before}\\d+${after}$`) });
    expect(Number((await heading.textContent())!.replace(/\D/g, ''))).toBeGreaterThanOrEqual(5);
    await insp.settle();
    await screenshot(page, 'inspections-asset-history');
  });
});
