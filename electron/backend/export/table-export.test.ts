import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportTable, safeSheetName, type TableExport } from './table-export';

const table: Omit<TableExport, 'format'> = {
  sheetName: '報修單 111/01',
  columns: [
    { key: 'number', header: '編號', width: 14 },
    { key: 'title', header: '標題', width: 30 },
    { key: 'hours', header: '工時' },
    { key: 'note', header: '備註' },
  ],
  rows: [
    { number: '維-111-00042', title: '3F 廁所漏水 <急> & "緊急"', hours: 1.5, note: '第一行\n第二行' },
    { number: '維-111-00043', title: '電梯異音', hours: 0, note: null },
  ],
};

/** Cells of each row of content.xml, as text (enough to read back what we wrote). */
function odsRows(contentXml: string): string[][] {
  return [...contentXml.matchAll(/<table:table-row>(.*?)<\/table:table-row>/g)].map((m) =>
    [...m[1].matchAll(/<table:table-cell[^>]*?(?:\/>|>(.*?)<\/table:table-cell>)/g)].map((c) =>
      [...(c[1] ?? '').matchAll(/<text:p>(.*?)<\/text:p>/g)]
        .map((p) =>
          p[1]
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&'),
        )
        .join('\n'),
    ),
  );
}

describe('exportTable', () => {
  it('writes an .xlsx that Excel readers open with the zh-TW headers, the rows and numbers kept numeric', async () => {
    const buf = await exportTable({ ...table, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('報修單 111 01');
    expect(ws.getRow(1).values).toEqual([undefined, '編號', '標題', '工時', '備註']);
    expect(ws.getRow(2).getCell(1).value).toBe('維-111-00042');
    expect(ws.getRow(2).getCell(2).value).toBe('3F 廁所漏水 <急> & "緊急"');
    expect(ws.getRow(2).getCell(3).value).toBe(1.5);
    expect(ws.getRow(2).getCell(4).value).toBe('第一行\n第二行');
    expect(ws.getRow(3).getCell(2).value).toBe('電梯異音');
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.rowCount).toBe(3);
  });

  it('writes an .ods whose first entry is the uncompressed mimetype and whose content.xml holds the table', async () => {
    const buf = await exportTable({ ...table, format: 'ods' });
    // Local file header: signature, …, compression method at byte 8 (0 = stored), name at byte 30.
    expect(buf.readUInt32LE(0)).toBe(0x04034b50);
    expect(buf.readUInt16LE(8)).toBe(0);
    expect(buf.subarray(30, 38).toString('ascii')).toBe('mimetype');
    expect(buf.subarray(38, 38 + 46).toString('ascii')).toBe('application/vnd.oasis.opendocument.spreadsheet');

    const zip = await JSZip.loadAsync(buf);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['mimetype', 'META-INF/manifest.xml', 'content.xml', 'styles.xml']));
    expect(await zip.file('META-INF/manifest.xml')!.async('string')).toContain('manifest:full-path="content.xml"');
    const content = await zip.file('content.xml')!.async('string');
    expect(content).toContain('table:name="報修單 111 01"');
    expect(odsRows(content)).toEqual([
      ['編號', '標題', '工時', '備註'],
      ['維-111-00042', '3F 廁所漏水 <急> & "緊急"', '1.5', '第一行\n第二行'],
      ['維-111-00043', '電梯異音', '0', ''],
    ]);
    expect(content).toContain('office:value-type="float" office:value="1.5"');
  });

  it('keeps an .ods well-formed when a cell holds control characters', async () => {
    const buf = await exportTable({ sheetName: 'x', columns: [{ key: 'a', header: 'A' }], rows: [{ a: 'bell\u0007 here' }], format: 'ods' });
    const content = await (await JSZip.loadAsync(buf)).file('content.xml')!.async('string');
    expect(odsRows(content)[1]).toEqual(['bell here']);
  });

  it('makes sheet names Excel accepts', () => {
    expect(safeSheetName('a/b:c*d?e[f]g\\h')).toBe('a b c d e f g h');
    expect(safeSheetName('長'.repeat(40))).toHaveLength(31);
    expect(safeSheetName('  ')).toBe('Sheet1');
  });
});
