/** The desk's ticket calls as the screens make them: export, attachments, remembered choices, my work, numbers. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, todayInTaipei } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { MAX_ATTACHMENT_BYTES } from '../../../domain/attachments';
import { tempDir } from '../../../test/support/fresh-db';
import { makeVerifier } from '../../../db/passwords';
import { Workstation } from '../workstation';
import { storeVerifier } from '../credentials';
import { buildWorld, clerk, ticketArgs, tpe, world } from '../../../test/support/ticket-desk';
import { signInAs } from '../../../test/support/sign-in';
import { setMeta } from '../../../db/meta';

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

  it("exports the filtered list to .xlsx with zh-TW headers and without the reporter's extension", async () => {
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
    expect((await ws.call('tickets.myWork', {})).map((w) => (w.kind === 'ticket' ? w.ticket.id : w.round.id))).toEqual([late, soon]);
  });

  it("lists a technician's rounds with their tickets in my work, overdue first", async () => {
    const late = await file({ priority: 'urgent', reportedAt: tpe('2022-01-03', '09:00') });
    expect((await ws.call('mutate', { name: 'ticket.transition', args: { id: late, changeId: newId(), status: 'assigned', assigneeId: world.people.tech } })).ok).toBe(true);
    // A weekly round of the technician's, made from four weeks back: the old ones are overdue.
    const today = todayInTaipei();
    const plan = {
      id: 'plan-patrol',
      name: '男廁巡檢',
      category: 'plumbing',
      recurrence: { freq: 'daily', interval: 7 },
      startOn: addDays(today, -21),
      graceDays: 0,
      spaceIds: [world.spaces.toilet3],
      assetIds: [],
      checklist: [{ id: 'c1', text: '無漏水' }],
      assigneeId: world.people.tech,
    };
    for (const [name, args] of [
      ['inspectionPlan.create', plan],
      ['inspectionRound.generate', { from: addDays(today, -30), to: addDays(today, 31) }],
    ] as const) {
      expect(await ws.call('mutate', { name, args })).toMatchObject({ ok: true });
    }
    await signInAs(world.users.tech, 'tech');
    const work = await ws.call('tickets.myWork', {});
    const rounds = work.flatMap((w) => (w.kind === 'round' ? [w.round.dueOn] : []));
    // Rounds every 7 days from three weeks ago: four due by today, two more within two weeks.
    expect(rounds.length).toBeGreaterThanOrEqual(5);
    expect(rounds.every((d) => d <= addDays(today, 14))).toBe(true);
    // The ticket, due in 2022, is the most overdue; then the oldest round; the rounds to come last.
    expect(work[0]).toMatchObject({ kind: 'ticket', ticket: { id: late } });
    expect(work[1]).toMatchObject({ kind: 'round', round: { scheduledOn: addDays(today, -21), planName: '男廁巡檢' } });
    const upcoming = work.filter((w) => w.kind === 'round' && w.round.dueOn > today);
    expect(work.slice(-upcoming.length)).toEqual(upcoming);
  });

  it("files a ticket about an asset, which the asset's history lists; an unknown or archived asset is refused", async () => {
    const asset = { id: 'asset-lift', code: 'EL-1', name: '客梯1號', kind: 'elevator', spaceId: world.spaces.lobby };
    expect(await ws.call('mutate', { name: 'asset.create', args: asset })).toMatchObject({ ok: true });
    const id = await file({ subject: '電梯異音', category: 'elevator', spaceId: world.spaces.lobby, assetId: asset.id });
    expect((await ws.call('tickets.get', { id }))!.ticket.assetId).toBe(asset.id);
    expect((await ws.call('assets.history', { id: asset.id })).tickets.map((t) => t.id)).toEqual([id]);

    expect(await ws.call('mutate', { name: 'ticket.create', args: ticketArgs({ assetId: 'no-such-asset' }) })).toMatchObject({ ok: false, problem: { field: 'assetId' } });
    expect(await ws.call('mutate', { name: 'asset.archive', args: { id: asset.id } })).toMatchObject({ ok: true });
    const refused = await ws.call('mutate', { name: 'ticket.create', args: ticketArgs({ assetId: asset.id }) });
    expect(refused).toMatchObject({ ok: false, problem: { field: 'assetId' } });
    expect(!refused.ok && refused.message).toContain('客梯1號');
    // The old ticket keeps its asset through an edit of something else.
    expect(await ws.call('mutate', { name: 'ticket.update', args: { id, subject: '電梯異音，3F 停靠不準' } })).toMatchObject({ ok: true });
  });

  it('counts cases handled for the period report', async () => {
    expect(await ws.call('tickets.figures', { from: '2022-01-01', to: '2022-01-31' })).toEqual({ total: 0, bySite: {}, byCategory: {} });
  });
});

describe('the tickets behind the report’s 處理 N 件 (issue 13, item 5)', () => {
  let ws: Workstation;
  const numbers = new Map<string, string>();

  async function ticket(key: string, site: 'siwei' | 'fengshan' = 'siwei'): Promise<string> {
    const args = ticketArgs(site === 'fengshan' ? { spaceId: world.spaces.fsOffice, category: 'hvac', subject: '冷氣不冷' } : {});
    const r = await ws.runner.run('ticket.create', args, clerk, tpe('2021-12-20', '09:00'));
    if (!r.ok) throw new Error(r.message);
    const id = String(args.id);
    numbers.set(key, ws.runner.records.getSync('ticket', id)!.number);
    return id;
  }
  async function move(id: string, status: string, at: string, extra: Record<string, unknown> = {}) {
    const r = await ws.runner.run('ticket.transition', { id, changeId: newId(), status, ...extra }, clerk, at);
    if (!r.ok) throw new Error(`${status}: ${r.message}`);
  }
  /** Assigned and worked on the morning before, completed at `at`. */
  async function completed(key: string, at: string, site: 'siwei' | 'fengshan' = 'siwei'): Promise<string> {
    const id = await ticket(key, site);
    await move(id, 'assigned', tpe('2021-12-20', '10:00'), { assigneeId: world.people.tech });
    await move(id, 'in_progress', tpe('2021-12-20', '11:00'));
    await move(id, 'completed', at);
    return id;
  }
  const records = (from: string, to: string) => ws.call('report.records', { from, to, figure: 'repair_cases' });

  beforeEach(async () => {
    numbers.clear();
    ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
    await buildWorld(ws.runner, tpe('2021-12-01', '08:00'));
    await signInAs(ws, ['maintenance_clerk']);
    // January 2022 in Taipei: from 1/1 00:00 to 1/31 23:59.
    const first = await completed('first', tpe('2022-01-01', '00:00'));
    await move(first, 'closed', tpe('2022-01-03', '09:00'));
    await completed('last', tpe('2022-01-31', '23:59'));
    await completed('fengshan', tpe('2022-01-20', '14:00'), 'fengshan');
    await completed('dayBefore', tpe('2021-12-31', '23:59'));
    await completed('dayAfter', tpe('2022-02-01', '00:00'));
    // Completed in January, reopened in February and completed again: February's case, once.
    const reopened = await completed('reopened', tpe('2022-01-28', '16:00'));
    await move(reopened, 'in_progress', tpe('2022-02-07', '09:00'));
    await move(reopened, 'completed', tpe('2022-02-08', '15:00'));
    // Completed in January, reopened and cancelled; and one returned to the reporter: neither was handled.
    const cancelled = await completed('cancelled', tpe('2022-01-10', '16:00'));
    await move(cancelled, 'in_progress', tpe('2022-01-11', '09:00'));
    await move(cancelled, 'cancelled', tpe('2022-01-11', '10:00'));
    await move(await ticket('returned'), 'returned', tpe('2022-01-12', '09:00'), { note: '非本處權責' });
  });
  afterEach(() => ws.close());

  // The keys again, by number, to read the lists.
  const keyOf = (number: string) => [...numbers.entries()].find(([, n]) => n === number)?.[0];

  it('lists as many tickets as the figure counts, by Taipei date of the last completion, the edges of the month included', async () => {
    const january = await records('2022-01-01', '2022-01-31');
    expect(january.rows.length).toBe((await ws.call('tickets.figures', { from: '2022-01-01', to: '2022-01-31' })).total);
    expect(january.rows.map((r) => [keyOf(r.cells.number as string), r.date])).toEqual([
      ['first', '2022-01-01'],
      ['fengshan', '2022-01-20'],
      ['last', '2022-01-31'],
    ]);
    expect(january.rows.map((r) => r.siteId)).toEqual([world.sites.siwei, world.sites.fengshan, world.sites.siwei]);
    expect((await records('2021-12-01', '2021-12-31')).rows.map((r) => [keyOf(r.cells.number as string), r.date])).toEqual([['dayBefore', '2021-12-31']]);
  });

  it('lists a reopened ticket once, on its last completion, and never a cancelled or returned one', async () => {
    const february = await records('2022-02-01', '2022-02-28');
    expect(february.rows.map((r) => [keyOf(r.cells.number as string), r.date])).toEqual([
      ['dayAfter', '2022-02-01'],
      ['reopened', '2022-02-08'],
    ]);
    const both = await records('2022-01-01', '2022-02-28');
    expect(both.rows.length).toBe(5);
    expect(both.rows.length).toBe((await ws.call('tickets.figures', { from: '2022-01-01', to: '2022-02-28' })).total);
    const keys = both.rows.map((r) => keyOf(r.cells.number as string));
    expect(keys.filter((k) => k === 'reopened').length).toBe(1);
    expect(keys).not.toContain('cancelled');
    expect(keys).not.toContain('returned');
  });

  it('writes each row in the reader’s language: number, completion, category, site, location and subject, nothing of the reporter', async () => {
    const january = await ws.call('tickets.figureRecords', { from: '2022-01-01', to: '2022-01-31', figure: 'repair_cases' });
    expect(january.columns.map((c) => c.key)).toEqual(['number', 'completedAt', 'status', 'category', 'site', 'location', 'subject']);
    expect(january.rows[0].cells).toEqual({
      number: numbers.get('first'),
      completedAt: tpe('2022-01-01', '00:00'),
      status: '結案',
      category: '水電',
      site: '四維行政中心',
      location: '3F 男廁',
      subject: '男廁漏水',
    });
    expect(january.rows[1].cells).toMatchObject({ category: '空調', site: '鳳山行政中心', location: '2F 社會局辦公室' });
    const text = JSON.stringify(january);
    expect(text).not.toContain('3201');
    expect(text).not.toContain('周雅婷');
    setMeta(ws.db, 'locale', 'en');
    const english = await records('2022-01-01', '2022-01-31');
    expect(english.rows[0].cells).toMatchObject({ status: 'Closed', category: 'Plumbing & electrical', site: 'Siwei' });
  });

  it('refuses a figure it does not list, with a message naming the argument', async () => {
    await expect(ws.call('tickets.figureRecords', { from: '2022-01-01', to: '2022-01-31', figure: 'projects' })).rejects.toThrow('tickets.figureRecords: figure is not valid');
    await expect(ws.call('report.records', { from: '2022-01-01', to: '2022-01-31', figure: 'nothing' })).rejects.toThrow('report.records: figure is not valid');
    await expect(ws.call('tickets.figureRecords', { from: '2022-01-31', to: '2022-01-01', figure: 'repair_cases' })).rejects.toThrow('not valid');
  });
});
