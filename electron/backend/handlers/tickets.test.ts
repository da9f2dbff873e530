/** The desk's ticket calls as the screens make them: export, attachments, remembered choices, my work, numbers. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../domain/ids';
import { MAX_ATTACHMENT_BYTES } from '../../../domain/maintenance/tickets';
import { tempDir } from '../../../test/support/fresh-db';
import { makeVerifier } from '../passwords';
import { Workstation } from '../workstation';
import { storeVerifier } from './auth';
import { buildWorld, ticketArgs, tpe, world } from './tickets.fixture';

const PASSWORD = 'long-enough-1';

describe('ticket calls', () => {
  let ws: Workstation;

  async function signInAs(userId: string, username: string) {
    storeVerifier(ws, userId, await makeVerifier(PASSWORD));
    await ws.call('auth.logout', {});
    const r = await ws.call('auth.login', { username, password: PASSWORD });
    expect(r.ok).toBe(true);
  }

  async function file(over: Record<string, unknown> = {}) {
    const args = ticketArgs(over);
    const r = await ws.call('mutate', { name: 'ticket.create', args });
    expect(r).toMatchObject({ ok: true });
    return String(args.id);
  }

  beforeEach(async () => {
    ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
    await buildWorld(ws.runner);
    await signInAs(world.users.clerk, 'maint');
  });
  afterEach(() => ws.close());

  it('exports the filtered list to .xlsx with zh-TW headers and without the reporter\'s extension', async () => {
    await file({ subject: '男廁漏水', reporterPhoneExt: '3201' });
    await file({ subject: '冷氣不冷', category: 'hvac', spaceId: world.spaces.fsOffice, reporterPhoneExt: '3202' });
    const r = await ws.call('tickets.export', { filter: { categories: ['plumbing'] }, sort: { key: 'reportedAt', dir: 'desc' }, format: 'xlsx' });
    if (!r.ok) throw new Error(r.message);
    expect(r.fileName).toMatch(/^報修單-\d{7}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.fileBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['編號', '狀態', '類別', '優先', '園區', '建築', '地點', '標題', '說明', '報修人', '報修機關', '來源', '報修時間', '處理期限', '維修人員', '完工時間']);
    expect(sheet.rowCount).toBe(2);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row[0]).toMatch(/^維-\d{3}-00001$/);
    expect(row.slice(1, 8)).toEqual(['報修', '水電', '普通', '四維行政中心', '行政大樓', '3F 男廁', '男廁漏水']);
    expect(row).toContain('民政局');
    expect(JSON.stringify(row)).not.toContain('3201');
  });

  it('exports .ods with the same table', async () => {
    await file({ subject: '電梯異音', category: 'elevator' });
    const r = await ws.call('tickets.export', { filter: {}, sort: { key: 'number', dir: 'asc' }, format: 'ods' });
    if (!r.ok) throw new Error(r.message);
    const content = await (await JSZip.loadAsync(Buffer.from(r.fileBase64, 'base64'))).file('content.xml')!.async('string');
    expect(content).toContain('<text:p>編號</text:p>');
    expect(content).toContain('<text:p>電梯異音</text:p>');
    expect(content).not.toContain('3201');
  });

  it('keeps attachments once under their SHA-256 and refuses files over 10 MB', async () => {
    const photo = Buffer.from('a photo of the leak');
    const first = await ws.call('attachments.put', { name: '漏水.jpg', type: 'image/jpeg', dataBase64: photo.toString('base64') });
    const again = await ws.call('attachments.put', { name: 'copy.jpg', type: 'image/jpeg', dataBase64: photo.toString('base64') });
    if (!first.ok || !again.ok) throw new Error('attachment refused');
    expect(first.attachment.sha256).toBe(again.attachment.sha256);
    expect(fs.readdirSync(path.join(ws.options.dataDir, 'attachments', first.attachment.sha256.slice(0, 2)))).toEqual([first.attachment.sha256]);
    expect(await ws.call('attachments.get', { sha256: first.attachment.sha256 })).toEqual({ dataBase64: photo.toString('base64') });

    const id = await file({ attachments: [first.attachment] });
    expect((await ws.call('tickets.get', { id }))!.ticket.attachments).toEqual([first.attachment]);

    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 1);
    const refused = await ws.call('attachments.put', { name: 'scan.pdf', type: 'application/pdf', dataBase64: big.toString('base64') });
    expect(refused).toMatchObject({ ok: false, message: '附件「scan.pdf」太大：10.1 MB，上限 10 MB' });
  });

  it('remembers the last location and saved filters per user', async () => {
    expect(await ws.call('tickets.prefs', {})).toEqual({ lastSpaceId: null, savedFilters: [] });
    const saved = { name: '四維 逾期', filter: { siteId: world.sites.siwei, overdue: true }, sort: { key: 'dueAt' as const, dir: 'asc' as const } };
    await ws.call('tickets.savePrefs', { lastSpaceId: world.spaces.room1 });
    await ws.call('tickets.savePrefs', { savedFilters: [saved] });
    expect(await ws.call('tickets.prefs', {})).toEqual({ lastSpaceId: world.spaces.room1, savedFilters: [saved] });
    await signInAs(world.users.tech, 'tech');
    expect(await ws.call('tickets.prefs', {})).toEqual({ lastSpaceId: null, savedFilters: [] });
  });

  it('opens a ticket by its number, typed whole or short', async () => {
    const id = await file({ reportedAt: tpe('2022-01-10', '09:00') });
    // Numbered by the year it was filed in: this year.
    const { number } = (await ws.call('tickets.get', { id }))!.ticket;
    const year = number.split('-')[1];
    expect(await ws.call('tickets.byNumber', { text: number })).toEqual({ number, id });
    expect(await ws.call('tickets.byNumber', { text: `${year}-1` })).toEqual({ number, id });
    expect(await ws.call('tickets.byNumber', { text: '1' })).toEqual({ number, id });
    expect(await ws.call('tickets.byNumber', { text: '漏水' })).toEqual({ number: null, id: null });
  });

  it('shows a technician their open tickets, overdue first', async () => {
    const late = await file({ priority: 'urgent', reportedAt: tpe('2022-01-03', '09:00') });
    const soon = await file({ priority: 'low' });
    const other = await file();
    for (const [id, who] of [
      [late, world.people.tech],
      [soon, world.people.tech],
      [other, world.people.tech2],
    ]) {
      const r = await ws.call('mutate', { name: 'ticket.transition', args: { id, changeId: newId(), status: 'assigned', assigneeId: who } });
      expect(r.ok).toBe(true);
    }
    await signInAs(world.users.tech, 'tech');
    expect((await ws.call('tickets.myWork', {})).map((t) => t.id)).toEqual([late, soon]);
  });

  it('counts cases handled for the period report', async () => {
    expect(await ws.call('tickets.figures', { from: '2022-01-01', to: '2022-01-31' })).toEqual({ total: 0, bySite: {}, byCategory: {} });
  });
});
