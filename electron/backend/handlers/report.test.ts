import ExcelJS from 'exceljs';
import { demoWorkstation } from '../../../test/support/demo-workstation';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FIGURES } from '../../../domain/report/calls';
import { apiCalls } from '../../../domain/api';
import { EXPORT_MIME } from '../export/table-export';
import { Workstation } from '../workstation';

const seedPeriod = { from: '2021-09-01', to: '2022-01-31' };

describe('every figure of the report names a records call of its own desk', () => {
  it('so each one opens a list', () => {
    for (const f of REPORT_FIGURES.values()) {
      expect({ figure: f.name, call: Object.prototype.hasOwnProperty.call(apiCalls, f.records) }).toEqual({ figure: f.name, call: true });
      expect(f.records.split('.')[0]).toBe(f.call.split('.')[0]);
    }
  });
});

describe('the report desk on the demo period', () => {
  let ws: Workstation;
  beforeAll(async () => {
    ws = await demoWorkstation(['supervisor']);
  }, 120_000);
  afterAll(() => ws?.close());

  it('lists as many temporary permits as the figure counts, per site, without holders or plates', async () => {
    const report = await ws.call('report.period', seedPeriod);
    const figure = report.sections.flatMap((s) => s.figures).find((f) => f.name === 'temporary_permits')!;
    const list = await ws.call('report.records', { ...seedPeriod, figure: 'temporary_permits' });
    expect(list.rows.length).toBe(figure.now.total);
    expect(list.rows.length).toBe(2961 + 1556);
    const bySite: Record<string, number> = {};
    for (const r of list.rows) bySite[r.siteId!] = (bySite[r.siteId!] ?? 0) + 1;
    expect(bySite).toEqual(figure.now.bySite);
    expect(list.columns.map((c) => c.key)).not.toContain('holder');
    expect(list.columns.map((c) => c.key)).not.toContain('plates');
    expect(list.rows.every((r) => r.date >= seedPeriod.from && r.date <= seedPeriod.to)).toBe(true);
  });

  it('lists the 741 annual permits of year 111, whatever the period', async () => {
    const list = await ws.call('report.records', { ...seedPeriod, figure: 'annual_permits' });
    expect(list.rows.length).toBe(741);
    expect((await ws.call('report.records', { from: '2022-01-01', to: '2022-01-31', figure: 'annual_permits' })).rows.length).toBe(741);
    expect((await ws.call('report.records', { ...seedPeriod, year: 2021, figure: 'annual_permits' })).rows.length).toBe((await ws.call('parking.figures', { ...seedPeriod, year: 2021 })).annual.total);
  });

  it('refuses a figure no desk declares, naming it, and a period that ends before it starts', async () => {
    await expect(ws.call('report.records', { ...seedPeriod, figure: 'parking_fines' })).rejects.toThrow(/figure/);
    await expect(ws.call('parking.figureRecords', { ...seedPeriod, figure: 'trips' })).rejects.toThrow(/figure/);
    await expect(ws.call('report.period', { from: '2022-01-31', to: '2021-09-01' })).rejects.toThrow(/to/);
  });

  it('charts the temporary permits by centre and month from the same records', async () => {
    const charts = await ws.call('report.charts', seedPeriod);
    const permits = charts.find((c) => c.id === 'permitsBySiteMonth')!;
    expect(permits.xs).toEqual(['110/09', '110/10', '110/11', '110/12', '111/01']);
    expect(permits.series.map((s) => s.name).sort()).toEqual(['四維行政中心', '鳳山行政中心']);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(permits.series.map((s) => [s.name, sum(s.values)])).toEqual(
      expect.arrayContaining([
        ['四維行政中心', 2961],
        ['鳳山行政中心', 1556],
      ]),
    );
  });

  it('writes the workbook: a summary with every figure, and a sheet per desk with the records behind each', async () => {
    const out = await ws.call('report.export', { ...seedPeriod, format: 'xlsx' });
    if (!out.ok) throw new Error(out.message);
    expect(out.fileName).toBe('業務報告-1100901-1110131.xlsx');
    expect(out.mime).toBe(EXPORT_MIME.xlsx);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(out.fileBase64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['摘要', '修繕維護', '場地管理', '停車證', '公務車輛調派']);
    const summary = book.getWorksheet('摘要')!;
    const totals = new Map<string, unknown>();
    summary.eachRow((row, n) => n > 1 && totals.set(String(row.getCell(2).value), row.getCell(3).value));
    expect(Object.fromEntries(totals)).toMatchObject({ 處理修繕案件: 376, 場地開放: 205, 會議室使用: 1149, 年度停車證: 741, 臨時停車證: 4517, 調派車次: 472, 支援其他機關借用車次: 39 });
    const parking = book.getWorksheet('停車證')!;
    expect(parking.rowCount - 1).toBe(741 + 4517);
    expect(parking.getRow(2).getCell(1).value).toBe('年度停車證');
  }, 60_000);

  it('writes the same workbook as OpenDocument, one table per sheet', async () => {
    const out = await ws.call('report.export', { ...seedPeriod, format: 'ods' });
    if (!out.ok) throw new Error(out.message);
    const zip = await JSZip.loadAsync(Buffer.from(out.fileBase64, 'base64'));
    const content = await zip.file('content.xml')!.async('string');
    expect([...content.matchAll(/<table:table table:name="([^"]+)"/g)].map((m) => m[1])).toEqual(['摘要', '修繕維護', '場地管理', '停車證', '公務車輛調派']);
  }, 60_000);
});
