/**
 * The desks' spreadsheet imports on the demo data: the parking clerk's current permit
 * list and the dispatcher's fleet and drivers, from real .xlsx and .ods files written by
 * the app's own export writer. Each row is the desk's ordinary create mutation; the
 * preview shows every row's problems (its cells, the file's duplicates and the
 * mutation's own rules) and writes nothing; a commit writes the good rows at once; the
 * same file again adds nothing; a role that may not import is refused.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../domain/api';
import { exportTable, type ExportCell } from '../export/table-export';
import { tempDir } from '../../../test/support/fresh-db';
import { signInAs } from '../../../test/support/sign-in';
import { Workstation } from '../workstation';
import type { Role } from '../../../domain/roles';

const open: Workstation[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function demo(roles: Role[], locale: 'zh-TW' | 'en' = 'zh-TW'): Promise<Workstation> {
  const ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
  open.push(ws);
  if (locale !== 'zh-TW') await ws.call('app.setLocale', { locale });
  expect((await ws.call('demo.load', {})).ok).toBe(true);
  await signInAs(ws, roles);
  return ws;
}

/** A spreadsheet as the app's export writes it: the first row the header. */
async function sheet(format: 'xlsx' | 'ods', rows: ExportCell[][]): Promise<string> {
  const [header, ...body] = rows;
  const columns = header.map((h, i) => ({ key: `c${i}`, header: String(h) }));
  const file = await exportTable({ format, sheetName: '工作表1', columns, rows: body.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v]))) });
  return file.toString('base64');
}

function count(ws: Workstation, table: string): number {
  return (ws.db.$client.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

async function preview(ws: Workstation, what: string, fileBase64: string): Promise<ImportPreview> {
  const r = await ws.call('import.preview', { what, fileBase64 });
  if (!r.ok) throw new Error(r.message);
  return r.preview;
}

const PERMIT_HEADER = ['證號', '種類', '停車場區', '持證人姓名', '機關', '車牌號碼', '年度', '起日', '迄日'];

const PERMIT_ROWS: ExportCell[][] = [
  PERMIT_HEADER,
  ['A-0001', '年度', '四維行政中心 / 地下一樓停車場', '王小明', '民政局', 'abc 1234', 115, '', ''],
  ['', '臨時停車證', 'P-B1', '李大華', '', 'ＸＹＺ－５６７８、KLM-2345', '', '115/12/10', '1151211'],
  ['A-0003', '年度', 'P-B1', '張三', 'CAB', 'AFL-1000', 115, '', ''],
  ['A-0004', '年度', 'P-B1', '', '', '台北-？', 115, '', ''],
  ['', '臨時', '不存在停車場', '趙四', '', 'QRS-5555', '', '115/12/10', ''],
  ['A-0006', '年度', '地下一樓停車場', '王小明', '', 'ABC-1234', '115', '', ''],
  ['', '年度', '平面停車場', '錢五', '', 'TUV-6666', 115, '', ''],
  ['', '臨時', 'P-B1', '孫六', '', 'WXY-7777', '', '115/13/40', ''],
];

describe('importing the current permit list', () => {
  for (const format of ['xlsx', 'ods'] as const) {
    it(`checks every row of an .${format} before anything is written, then imports the good rows once`, async () => {
      const ws = await demo(['parking_clerk']);
      const file = await sheet(format, PERMIT_ROWS);
      const before = { permit: count(ws, 'permit'), outbox: count(ws, 'outbox') };
      const p = await preview(ws, 'permit', file);
      expect(p.columns).toEqual(PERMIT_HEADER);
      expect(p.rows.map((r) => [r.row, r.problems])).toEqual([
        [2, []],
        [3, []],
        // The mutation's own rule: the demo's first annual permit holds AFL-1000 at 四維 this year.
        [4, [expect.stringMatching(/^「車牌號碼」：車牌 AFL-1000 已有同一園區的有效停車證 證-115-\d{5}（115\/01\/01 至 115\/12\/31），期間重疊$/)]],
        [5, ['「台北-？」不是車牌號碼', '請填寫「持證人姓名」']],
        [6, ['找不到停車場區「不存在停車場」，請填代碼或名稱，例如「四維行政中心 / 地下一樓停車場」']],
        [7, ['「車牌號碼」與第 2 列相同']],
        // 平面停車場 takes temporary permits only: the mutation says so.
        [8, ['這個停車場區不受理年度停車證']],
        [9, ['「起日」的「115/13/40」不是日期，請寫成 115/1/31 或 2026-01-31']],
      ]);
      expect(p).toMatchObject({ ok: 2, bad: 6 });
      // A preview writes nothing, not even a number.
      expect({ permit: count(ws, 'permit'), outbox: count(ws, 'outbox') }).toEqual(before);

      const refused = await ws.call('import.commit', { what: 'permit', fileBase64: file, onlyValid: false });
      expect(refused).toMatchObject({ ok: false, problem: { code: 'import.rowError', params: { row: 4 } } });
      expect(count(ws, 'permit')).toBe(before.permit);

      expect(await ws.call('import.commit', { what: 'permit', fileBase64: file, onlyValid: true })).toEqual({ ok: true, imported: 2 });
      const permits = ws.runner.records.findSync('permit', {}).filter((x) => x.id.startsWith('import-permit-'));
      expect(permits.map((x) => [x.number.startsWith('證-115-') ? '證-115-…' : x.number, x.type, x.holderName, x.plates, x.year, x.validFrom, x.validTo, x.holderAgencyId, x.areaId]).sort()).toEqual([
        ['A-0001', 'annual', '王小明', ['ABC1234'], 2026, '2026-01-01', '2026-12-31', 'demo-agency-CAB', 'demo-area-SW-P-B1'],
        ['證-115-…', 'temporary', '李大華', ['XYZ5678', 'KLM2345'], null, '2026-12-10', '2026-12-11', null, 'demo-area-SW-P-B1'],
      ]);
      // Synced like every other write: two permit.issue in the outbox, their plates held.
      const outbox = ws.db.$client.prepare('SELECT name FROM outbox ORDER BY seq').all() as { name: string }[];
      expect(outbox.slice(-2).map((o) => o.name)).toEqual(['permit.issue', 'permit.issue']);
      expect(count(ws, 'outbox')).toBe(before.outbox + 2);
      expect(ws.runner.records.findSync('permitPlate', { plate: 'KLM2345' })).toHaveLength(1);

      // The same file again: the two permits are there already, nothing is added.
      const again = await preview(ws, 'permit', file);
      expect(again.rows.slice(0, 2).map((r) => r.problems)).toEqual([
        ['「車牌號碼」為「abc 1234」的資料已經存在', '「證號」為「A-0001」的資料已經存在'],
        ['「車牌號碼」為「ＸＹＺ－５６７８、KLM-2345」的資料已經存在'],
      ]);
      expect(await ws.call('import.commit', { what: 'permit', fileBase64: file, onlyValid: true })).toMatchObject({ ok: false, problem: { code: 'import.nothingValid' } });
      expect(count(ws, 'permit')).toBe(before.permit + 2);
    });
  }

  it('says the rows’ problems in English', async () => {
    const ws = await demo(['parking_clerk'], 'en');
    const file = await sheet('xlsx', [
      ['Permit type', 'Parking area', "Holder's name", 'Plates', 'Year'],
      ['annual', 'Basement 1 Car Park', 'Wang', '12', 2026],
    ]);
    const p = await preview(ws, 'permit', file);
    expect(p.rows[0].problems).toEqual([expect.stringMatching(/^"Plates": "12" /)]);
  });

  it('a template in the clerk’s language reads back and imports its example row', async () => {
    const ws = await demo(['parking_clerk']);
    const template = await ws.call('import.template', { what: 'permit' });
    expect(template.fileName).toBe('停車證匯入範本.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(template.fileBase64, 'base64') as unknown as ExcelJS.Buffer);
    expect((wb.worksheets[0].getRow(1).values as ExcelJS.CellValue[]).slice(1, 4)).toEqual(['證號', '種類', '停車場區']);
    const p = await preview(ws, 'permit', template.fileBase64);
    expect(p.rows.map((r) => r.problems)).toEqual([[]]);
    expect(await ws.call('import.commit', { what: 'permit', fileBase64: template.fileBase64, onlyValid: false })).toEqual({ ok: true, imported: 1 });
  });

  it('refuses a role that does not issue permits, and an administrator the desk’s import', async () => {
    const file = await sheet('xlsx', PERMIT_ROWS.slice(0, 2));
    for (const roles of [['dispatcher'], ['viewer'], ['admin']] as Role[][]) {
      const ws = await demo(roles);
      await expect(ws.call('import.preview', { what: 'permit', fileBase64: file }), roles.join()).rejects.toMatchObject({ status: 403 });
      await expect(ws.call('import.commit', { what: 'permit', fileBase64: file, onlyValid: true })).rejects.toMatchObject({ status: 403 });
      await expect(ws.call('import.template', { what: 'permit' })).rejects.toMatchObject({ status: 403 });
      expect(ws.runner.records.findSync('permit', { holderName: '王小明' }).filter((x) => x.id.startsWith('import-'))).toEqual([]);
      ws.close();
      open.splice(open.indexOf(ws), 1);
    }
    // And a parking clerk may not import agencies.
    const clerk = await demo(['parking_clerk']);
    await expect(clerk.call('import.template', { what: 'agency' })).rejects.toMatchObject({ status: 403 });
  }, 90_000);
});

describe('importing the fleet and the drivers', () => {
  it('vehicles: garages by name, types and statuses by label, dates in ROC or ISO, plates checked', async () => {
    const ws = await demo(['dispatcher']);
    const file = await sheet('ods', [
      ['車牌號碼', '廠牌', '型號', '車型', '座位數', '車庫', '狀態', '里程數', '保險到期', '驗車到期'],
      ['rab 1234', 'Toyota', 'Altis', '轎車', 5, '公務車車庫', '使用中', '12,000', '115/12/31', '2027-03-01'],
      ['RAC-2345', 'Ford', 'Tourneo', 'van', 9, '鳳山行政中心 / 後棟公務車車庫', '', '', '', ''],
      ['RAB-1234', 'Toyota', 'Altis', '轎車', 5, '', '', '', '', ''],
      ['？？', 'X', '', '轎車', 5, '', '', '', '', ''],
      ['RAD-3456', 'X', '', '飛機', 5, '地下一樓停車場', '', '', '115/2/30', ''],
      ['RAE-4567', 'X', '', '轎車', 'five', '不存在車庫', '', '', '', ''],
    ]);
    const p = await preview(ws, 'vehicle', file);
    expect(p.rows.map((r) => [r.row, r.problems])).toEqual([
      [2, []],
      [3, []],
      [4, ['「車牌號碼」與第 2 列相同']],
      [5, ['「？？」不是車牌號碼']],
      [6, ['「車型」不能填「飛機」，可填：轎車、廂型車、中型巴士、大客車、貨車、小貨車', '「保險到期」的「115/2/30」不是日期，請寫成 115/1/31 或 2026-01-31']],
      [7, ['找不到車庫「不存在車庫」，請填代碼或名稱', '「座位數」格式不正確']],
    ]);
    expect(await ws.call('import.commit', { what: 'vehicle', fileBase64: file, onlyValid: true })).toEqual({ ok: true, imported: 2 });
    expect(ws.runner.records.findSync('vehicle', { plate: 'RAB1234' })[0]).toMatchObject({
      make: 'Toyota',
      type: 'sedan',
      seats: 5,
      garageId: 'demo-space-SW-G-B1',
      odometer: 12000,
      insuranceDue: '2026-12-31',
      inspectionDue: '2027-03-01',
    });
    expect(ws.runner.records.findSync('vehicle', { plate: 'RAC2345' })[0]).toMatchObject({ type: 'van', garageId: 'demo-space-FS-G-BB1', status: 'in_service' });
    const again = await preview(ws, 'vehicle', file);
    expect(again.rows[0].problems).toEqual(['「車牌號碼」為「rab 1234」的資料已經存在']);
  });

  it('a garage that is a car park is refused by the vehicle’s own rule', async () => {
    const ws = await demo(['dispatcher']);
    const file = await sheet('xlsx', [
      ['車牌號碼', '車型', '座位數', '車庫'],
      ['RAF-5678', '轎車', 5, '地下一樓停車場'],
    ]);
    const p = await preview(ws, 'vehicle', file);
    expect(p.rows[0].problems).toEqual(['「地下一樓停車場」不是車庫']);
    expect(ws.runner.records.findSync('vehicle', { plate: 'RAF5678' })).toEqual([]);
  });

  it('drivers: people of the list by name, licence classes and vehicle types by label', async () => {
    const ws = await demo(['dispatcher']);
    await ws.runner.run('person.create', { id: 'p-new-driver', name: '鄭新來', kind: 'driver' }, { userId: 'u-test-setup', roles: ['admin'], locale: 'zh-TW' });
    const file = await sheet('xlsx', [
      ['姓名', '駕照類別', '駕照到期', '電話', '可駕車型'],
      ['鄭新來', '職業小型車', '117/6/30', '0912-000-222', '轎車、廂型車'],
      ['趙志成', '職業大客車', '', '', ''],
      ['沒這人', '職業小型車', '', '', ''],
      ['王建國', '職業小型車', '', '', ''],
    ]);
    const p = await preview(ws, 'driver', file);
    expect(p.rows.map((r) => [r.row, r.problems])).toEqual([
      [2, []],
      [3, ['「姓名」為「趙志成」的資料已經存在']],
      [4, ['「姓名」：人員名單中沒有「沒這人」，請先由管理者新增此人（類別：駕駛）']],
      // 王建國 is a maintenance clerk, not a driver: the profile's own rule.
      [5, [expect.stringMatching(/^「姓名」：/)]],
    ]);
    expect(await ws.call('import.commit', { what: 'driver', fileBase64: file, onlyValid: true })).toEqual({ ok: true, imported: 1 });
    expect(ws.runner.records.findSync('driverProfile', { personId: 'p-new-driver' })[0]).toMatchObject({ licenceClass: 'pro_light', licenceExpiry: '2028-06-30', allowedTypes: ['sedan', 'van'] });
  });

  it('a parking clerk may not import the fleet', async () => {
    const ws = await demo(['parking_clerk']);
    const file = await sheet('xlsx', [
      ['車牌號碼', '車型', '座位數'],
      ['RAG-6789', '轎車', 5],
    ]);
    await expect(ws.call('import.commit', { what: 'vehicle', fileBase64: file, onlyValid: true })).rejects.toMatchObject({ status: 403 });
    expect(ws.runner.records.findSync('vehicle', { plate: 'RAG6789' })).toEqual([]);
  });
});
