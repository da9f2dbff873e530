import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../domain/api';
import { tempDir } from '../../../test/support/fresh-db';
import { Workstation } from '../workstation';

const open: Workstation[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function workstation(opts: { demo?: boolean; locale?: 'zh-TW' | 'en' } = {}): Promise<Workstation> {
  const ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
  open.push(ws);
  if (opts.locale) await ws.call('app.setLocale', { locale: opts.locale });
  if (opts.demo) {
    expect((await ws.call('demo.load', {})).ok).toBe(true);
    expect((await ws.call('auth.login', { username: 'admin', password: 'demo-admin' })).ok).toBe(true);
  } else {
    expect((await ws.call('auth.createFirstAdmin', { username: 'boss', displayName: '總務科長', password: 'a-long-password' })).ok).toBe(true);
  }
  return ws;
}

/** A real .xlsx as Excel would save it: the first sheet holds the rows given. */
async function xlsx(rows: ExcelJS.CellValue[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('工作表1');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

function counts(ws: Workstation): Record<string, number> {
  const tables = ['agency', 'person', 'space', 'outbox', 'audit'];
  return Object.fromEntries(tables.map((t) => [t, (ws.db.$client.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}

const AGENCY_HEADER = ['機關代碼', '機關名稱', '英文名稱', '簡稱', '電話'];

describe('Excel import of agencies', () => {
  it('good rows import, each as an agency.create mutation, all in one transaction', async () => {
    const ws = await workstation();
    const file = await xlsx([AGENCY_HEADER, ['CAB', '民政局', 'Civil Affairs Bureau', '民政', '07-3368333'], ['FIN', '財政局', '', '', ''], ['BAS', '主計處', 'Budget Office', '', 73373100]]);
    const preview = await ws.call('import.preview', { what: 'agency', fileBase64: file });
    expect(preview).toMatchObject({ ok: true, preview: { columns: AGENCY_HEADER, ok: 3, bad: 0 } });
    expect(preview.ok && preview.preview.rows.map((r) => [r.row, r.values['機關名稱']])).toEqual([
      [2, '民政局'],
      [3, '財政局'],
      [4, '主計處'],
    ]);
    expect(counts(ws).agency).toBe(0); // a preview writes nothing

    const events: ApiEvent[] = [];
    ws.onEvent((e) => events.push(e));
    const before = counts(ws);
    expect(await ws.call('import.commit', { what: 'agency', fileBase64: file, onlyValid: false })).toEqual({ ok: true, imported: 3 });
    const agencies = ws.runner.records.findSync('agency', {});
    expect(agencies.map((a) => [a.code, a.nameZh, a.phone]).sort()).toEqual([
      ['BAS', '主計處', '73373100'],
      ['CAB', '民政局', '07-3368333'],
      ['FIN', '財政局', ''],
    ]);
    const outbox = ws.db.$client.prepare('SELECT name FROM outbox ORDER BY seq').all() as { name: string }[];
    expect(outbox.slice(-3).map((o) => o.name)).toEqual(['agency.create', 'agency.create', 'agency.create']);
    expect(counts(ws).audit).toBe(before.audit + 3);
    expect(events.filter((e) => e.type === 'changed')).toEqual([{ type: 'changed', kinds: ['agency'] }]);
  });

  it('a bad row is reported with its row number and column, and nothing is written', async () => {
    const ws = await workstation();
    await ws.call('mutate', { name: 'agency.create', args: { id: 'a-old', code: 'POL', nameZh: '警察局' } });
    const file = await xlsx([
      ['高雄市政府機關一覽'], // a title line above the header
      AGENCY_HEADER,
      ['CAB', '民政局', '', '', ''],
      ['FIN', '', '', '', ''],
      ['cab', '民政局二', '', '', ''],
      ['POL', '警政', '', '', ''],
      [],
      ['LAB', '勞工局', '', '', ''],
    ]);
    const preview = await ws.call('import.preview', { what: 'agency', fileBase64: file });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.preview).toMatchObject({ ok: 2, bad: 3 });
    expect(preview.preview.rows.map((r) => [r.row, r.problems])).toEqual([
      [3, []],
      [4, ['請填寫「機關名稱」']],
      [5, ['「機關代碼」與第 3 列相同']],
      [6, ['「機關代碼」為「POL」的資料已經存在']],
      [8, []],
    ]);

    const before = counts(ws);
    const refused = await ws.call('import.commit', { what: 'agency', fileBase64: file, onlyValid: false });
    expect(refused).toMatchObject({ ok: false, problem: { code: 'import.rowError', params: { row: 4 } }, message: '第 4 列：請填寫「機關名稱」' });
    expect(counts(ws)).toEqual(before);

    expect(await ws.call('import.commit', { what: 'agency', fileBase64: file, onlyValid: true })).toEqual({ ok: true, imported: 2 });
    expect(
      ws.runner.records
        .findSync('agency', {})
        .map((a) => a.code)
        .sort(),
    ).toEqual(['CAB', 'LAB', 'POL']);
  });

  it('reads English headers and says what is wrong in English', async () => {
    const ws = await workstation({ locale: 'en' });
    const file = await xlsx([
      ['Agency code', 'Agency name', 'Phone'],
      ['CAB', '民政局', '07-3368333'],
      ['FIN', '', ''],
    ]);
    const preview = await ws.call('import.preview', { what: 'agency', fileBase64: file });
    expect(preview.ok && preview.preview.rows[1].problems).toEqual(['"Agency name" is required']);
    expect(preview.ok && preview.preview.columns).toEqual(['Agency code', 'Agency name', 'Phone']);
  });

  it('refuses a file that is not a workbook, lacks a column or has no rows', async () => {
    const ws = await workstation();
    const notXlsx = await ws.call('import.preview', { what: 'agency', fileBase64: Buffer.from('機關代碼,機關名稱\nCAB,民政局\n').toString('base64') });
    expect(notXlsx).toMatchObject({ ok: false, problem: { code: 'error.badXlsx' } });
    expect(!notXlsx.ok && notXlsx.message).toContain('.xlsx');
    const missing = await ws.call('import.preview', {
      what: 'agency',
      fileBase64: await xlsx([
        ['機關代碼', '電話'],
        ['CAB', ''],
      ]),
    });
    expect(missing).toMatchObject({ ok: false, message: '缺少欄位「機關名稱」' });
    const empty = await ws.call('import.preview', { what: 'agency', fileBase64: await xlsx([AGENCY_HEADER]) });
    expect(empty).toMatchObject({ ok: false, problem: { code: 'import.noRows' } });
    const noHeader = await ws.call('import.preview', {
      what: 'agency',
      fileBase64: await xlsx([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    });
    expect(noHeader).toMatchObject({ ok: false, problem: { code: 'import.noHeader' } });
  });

  it('only an administrator imports', async () => {
    const ws = await workstation();
    await ws.call('mutate', { name: 'user.create', args: { id: 'u-v', username: 'viewer', displayName: '檢視者', roles: ['viewer'] } });
    await ws.call('auth.setPassword', { userId: 'u-v', password: 'viewer-password' });
    const file = await xlsx([AGENCY_HEADER, ['CAB', '民政局', '', '', '']]);
    await ws.call('auth.login', { username: 'viewer', password: 'viewer-password' });
    await expect(ws.call('import.commit', { what: 'agency', fileBase64: file, onlyValid: true })).rejects.toMatchObject({ status: 403 });
    await ws.call('auth.logout', {});
    await expect(ws.call('import.preview', { what: 'agency', fileBase64: file })).rejects.toMatchObject({ status: 401 });
    expect(counts(ws).agency).toBe(0);
  });
});

describe('Excel import of people and spaces', () => {
  it('people: kinds by their label, agencies by code or name, e-mail links as text', async () => {
    const ws = await workstation({ demo: true });
    const email: ExcelJS.CellValue = { text: 'mei.chen@example.org', hyperlink: 'mailto:mei.chen@example.org' };
    const file = await xlsx([
      ['姓名', '類別', '機關', '公司', '職稱', '分機', '電話', '電子郵件'],
      ['陳美惠', '職員', 'CAB', '', '科員', '3205', '', email],
      ['吳俊良', 'Technician', '財政局', '', '', '', '', ''],
      ['許大同', '廠商人員', '', '大同電梯公司', '技師', '', '0912-000-111', ''],
      ['錯誤甲', '工讀生', '不存在局', '', '', '', '', 'not-an-email'],
    ]);
    const preview = await ws.call('import.preview', { what: 'person', fileBase64: file });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.preview.rows.slice(0, 3).map((r) => r.problems)).toEqual([[], [], []]);
    expect(preview.preview.rows[3]).toMatchObject({ row: 5 });
    expect(preview.preview.rows[3].problems).toEqual(['「類別」不能填「工讀生」，可填：職員、技術人員、廠商人員、駕駛、警衛', '找不到機關「不存在局」，請填機關代碼或名稱', '「電子郵件」內容不正確']);
    expect(await ws.call('import.commit', { what: 'person', fileBase64: file, onlyValid: true })).toEqual({ ok: true, imported: 3 });
    const people = ws.runner.records.findSync('person', {});
    expect(people.find((p) => p.name === '陳美惠')).toMatchObject({ kind: 'staff', agencyId: 'demo-agency-CAB', email: 'mei.chen@example.org', phoneExt: '3205' });
    expect(people.find((p) => p.name === '吳俊良')).toMatchObject({ kind: 'technician', agencyId: 'demo-agency-FIN' });
    expect(people.find((p) => p.name === '許大同')).toMatchObject({ kind: 'contractor', agencyId: null, company: '大同電梯公司' });
    // The same file again: every good row is now a duplicate of what is there.
    const again = await ws.call('import.preview', { what: 'person', fileBase64: file });
    expect(again.ok && again.preview.rows[0].problems[0]).toMatch(/^「姓名、機關、公司」為「陳美惠 \/ CAB」的資料已經存在$/);
  });

  it('spaces: the floor by its "site / building / floor" path, capacity as a number', async () => {
    const ws = await workstation({ demo: true });
    const file = await xlsx([
      ['位置', '空間名稱', '代碼', '類別', '容納人數'],
      ['四維行政中心 / 行政大樓 / 5F', '第六會議室', 'MR-501', '會議室', 20],
      ['鳳山行政中心／後棟／7樓', '後棟展覽區', '', '中庭', '1,200'],
      ['四維行政中心 / 行政大樓 / 2F', '市府第一會議室', '', '會議室', 120],
      ['四維行政中心 / 行政大樓 / 99F', '不存在的樓層', '', '會議室', ''],
      ['SW / M / 3F', '小會議室', '', 'meeting_room', '二十'],
      ['', '沒有位置', '', '', ''],
    ]);
    const preview = await ws.call('import.preview', { what: 'space', fileBase64: file });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.preview.rows.map((r) => [r.row, r.problems])).toEqual([
      [2, []],
      [3, []],
      [4, ['「位置、空間名稱」為「四維行政中心 / 行政大樓 / 2F / 市府第一會議室」的資料已經存在']],
      [5, ['找不到位置「四維行政中心 / 行政大樓 / 99F」，請寫成「園區 / 建築 / 樓層」']],
      [6, ['「容納人數」格式不正確']],
      [7, ['請填寫「位置」', '請填寫「類別」']],
    ]);
    expect(await ws.call('import.commit', { what: 'space', fileBase64: file, onlyValid: true })).toEqual({ ok: true, imported: 2 });
    const spaces = ws.runner.records.findSync('space', {});
    expect(spaces.find((s) => s.nameZh === '第六會議室')).toMatchObject({ floorId: 'demo-floor-SW-M-5F', kind: 'meeting_room', capacity: 20, code: 'MR-501' });
    expect(spaces.find((s) => s.nameZh === '後棟展覽區')).toMatchObject({ floorId: 'demo-floor-FS-B-7F', kind: 'atrium', capacity: 1200 });
  });
});

describe('import templates', () => {
  for (const locale of ['zh-TW', 'en'] as const) {
    it(`a template (${locale}) reads back as its columns and imports its example row`, async () => {
      const ws = await workstation({ demo: true, locale });
      for (const what of ['agency', 'person', 'space'] as const) {
        const template = await ws.call('import.template', { what });
        expect(template.fileName).toMatch(/\.xlsx$/);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(template.fileBase64, 'base64') as unknown as ExcelJS.Buffer);
        const header = (wb.worksheets[0].getRow(1).values as ExcelJS.CellValue[]).slice(1);
        const preview = await ws.call('import.preview', { what, fileBase64: template.fileBase64 });
        if (!preview.ok) throw new Error(preview.message);
        expect(preview.preview.columns).toEqual(header);
        expect(preview.preview.rows).toHaveLength(1);
        expect(preview.preview.rows[0].problems).toEqual([]);
        expect(await ws.call('import.commit', { what, fileBase64: template.fileBase64, onlyValid: false })).toEqual({ ok: true, imported: 1 });
      }
      expect(ws.runner.records.findSync('agency', { code: 'DRG' })).toHaveLength(1);
      expect(ws.runner.records.findSync('person', { name: '王小明' })[0]).toMatchObject({ kind: 'staff', agencyId: 'demo-agency-CAB' });
      expect(ws.runner.records.findSync('space', { nameZh: '第六會議室' })[0]).toMatchObject({ kind: 'meeting_room', capacity: 20, floorId: 'demo-floor-SW-M-5F' });
    });
  }

  it('the template is in the user language', async () => {
    const ws = await workstation({ locale: 'en' });
    const t = await ws.call('import.template', { what: 'person' });
    expect(t.fileName).toBe('Import template for person.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.fileBase64, 'base64') as unknown as ExcelJS.Buffer);
    expect((wb.worksheets[0].getRow(1).values as ExcelJS.CellValue[]).slice(1, 3)).toEqual(['Name', 'Kind']);
    expect(wb.worksheets[0].getCell('B2').value).toBe('Staff');
  });
});

const CSV_2023 = [
  '西元日期,星期,是否放假,備註',
  '20230101,日,2,開國紀念日',
  '20230102,一,2,開國紀念日補假',
  '20230103,二,0,',
  '20230107,六,0,補行上班',
  '2023013X,二,0,',
  '20230228,二,2,和平紀念日',
  '20221231,六,2,',
].join('\r\n');

describe('calendar CSV import', () => {
  it('imports the year, reports the rows it could not read, and a supervisor may do it', async () => {
    const ws = await workstation();
    await ws.call('mutate', { name: 'user.create', args: { id: 'u-s', username: 'chief', displayName: '科長', roles: ['supervisor'] } });
    await ws.call('auth.setPassword', { userId: 'u-s', password: 'chief-password' });
    await ws.call('auth.login', { username: 'chief', password: 'chief-password' });
    const r = await ws.call('calendar.importCsv', { year: 2023, csv: `\uFEFF${CSV_2023}` });
    expect(r).toEqual({ ok: true, imported: 4, problems: ['行事曆檔案第 6 列無法讀取：date "2023013X"'] });
    const days = ws.runner.records
      .findSync('calendarDay', {})
      .map((d) => [d.date, d.kind])
      .sort();
    expect(days).toEqual([
      ['2023-01-01', 'holiday'],
      ['2023-01-02', 'holiday'],
      ['2023-01-07', 'workday'],
      ['2023-02-28', 'holiday'],
    ]);
  });

  it('a file without days of that year changes nothing', async () => {
    const ws = await workstation();
    expect((await ws.call('calendar.importCsv', { year: 2023, csv: CSV_2023 })).ok).toBe(true);
    const before = counts(ws);
    expect(await ws.call('calendar.importCsv', { year: 2024, csv: CSV_2023 })).toMatchObject({ ok: false, problem: { code: 'calendar.noDaysForYear' } });
    expect(await ws.call('calendar.importCsv', { year: 2023, csv: 'date;off\n1;2' })).toMatchObject({ ok: false, problem: { code: 'error.badCsv' } });
    expect(counts(ws)).toEqual(before);
    expect(ws.runner.records.findSync('calendarDay', {})).toHaveLength(4);
  });

  it('a viewer may not import the calendar', async () => {
    const ws = await workstation();
    await ws.call('mutate', { name: 'user.create', args: { id: 'u-v', username: 'viewer', displayName: '檢視者', roles: ['viewer'] } });
    await ws.call('auth.setPassword', { userId: 'u-v', password: 'viewer-password' });
    await ws.call('auth.login', { username: 'viewer', password: 'viewer-password' });
    await expect(ws.call('calendar.importCsv', { year: 2023, csv: CSV_2023 })).rejects.toMatchObject({ status: 403 });
    expect(ws.runner.records.findSync('calendarDay', {})).toHaveLength(0);
  });
});
