/**
 * One table out to a spreadsheet file: .xlsx (Excel, through exceljs) or .ods (the
 * OpenDocument spreadsheet government offices exchange by policy, written by hand with
 * jszip). Every desk's "export the list" goes through here; the caller decides which
 * columns a purpose needs (personal data only where it must be).
 *
 *   const file = await exportTable({ sheetName: '報修單', format: 'ods',
 *     columns: [{ key: 'number', header: '編號', width: 14 }], rows: [{ number: '維-111-00042' }] });
 *
 * Cells: strings, numbers (kept numeric, so sums work), booleans, Dates (a date-time
 * cell) or null/undefined (an empty cell). Widths are in characters, as Excel counts them.
 */
// exceljs and jszip are large: loaded on the first export, not at start-up.
const excel = async () => (await import('exceljs')).default;
const zipper = async () => (await import('jszip')).default;

export type ExportCell = string | number | boolean | Date | null | undefined;

export interface ExportColumn {
  key: string;
  header: string;
  /** In characters; default 14. */
  width?: number;
}

export interface ExportSheet {
  sheetName: string;
  columns: readonly ExportColumn[];
  rows: ReadonlyArray<Readonly<Record<string, ExportCell>>>;
}

export interface TableExport extends ExportSheet {
  format: 'xlsx' | 'ods';
}

/** Several sheets in one file (the period report's summary and its desks). */
export interface WorkbookExport {
  sheets: readonly ExportSheet[];
  format: 'xlsx' | 'ods';
}

export const EXPORT_MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
} as const;

const DEFAULT_WIDTH = 14;

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31);
  return cleaned || 'Sheet1';
}

export async function exportTable({ format, ...sheet }: TableExport): Promise<Buffer> {
  return exportWorkbook({ format, sheets: [sheet] });
}

export async function exportWorkbook(book: WorkbookExport): Promise<Buffer> {
  return book.format === 'xlsx' ? toXlsx(book.sheets) : toOds(book.sheets);
}

/** Sheet names unique in the file, as both formats require. */
function sheetNames(sheets: readonly ExportSheet[]): string[] {
  const seen = new Set<string>();
  return sheets.map((s) => {
    const base = safeSheetName(s.sheetName);
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base.slice(0, 28)} ${n}`;
    seen.add(name);
    return name;
  });
}

async function toXlsx(sheets: readonly ExportSheet[]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const names = sheetNames(sheets);
  sheets.forEach(({ columns, rows }, s) => {
    const ws = wb.addWorksheet(names[s], { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ key: c.key, header: c.header, width: c.width ?? DEFAULT_WIDTH }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) {
      const added = ws.addRow(Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? null])));
      columns.forEach((c, i) => {
        if (row[c.key] instanceof Date) added.getCell(i + 1).numFmt = 'yyyy-mm-dd hh:mm';
      });
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// XML 1.0 allows tab, newline and carriage return, but no other control characters.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A cell's text in paragraphs: line breaks become <text:p>, runs of spaces <text:s/>. */
function paragraphs(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `<text:p>${xml(line).replace(/ {2,}/g, (s) => ` <text:s text:c="${s.length - 1}"/>`)}</text:p>`)
    .join('');
}

function odsCell(value: ExportCell, style = ''): string {
  const st = style ? ` table:style-name="${style}"` : '';
  if (value === null || value === undefined || value === '') return `<table:table-cell${st}/>`;
  if (typeof value === 'number' && Number.isFinite(value)) return `<table:table-cell${st} office:value-type="float" office:value="${value}"><text:p>${value}</text:p></table:table-cell>`;
  if (typeof value === 'boolean') return `<table:table-cell${st} office:value-type="boolean" office:boolean-value="${value}"><text:p>${value ? 'TRUE' : 'FALSE'}</text:p></table:table-cell>`;
  if (value instanceof Date) {
    const iso = value.toISOString().slice(0, 19);
    return `<table:table-cell table:style-name="dt" office:value-type="date" office:date-value="${iso}"><text:p>${iso.replace('T', ' ')}</text:p></table:table-cell>`;
  }
  return `<table:table-cell${st} office:value-type="string">${paragraphs(String(value))}</table:table-cell>`;
}

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"',
].join(' ');

/** A character is about 0.2 cm wide in the default font; CJK cells get their width from the caller. */
const CM_PER_CHAR = 0.2;

function odsTable({ columns, rows }: ExportSheet, name: string, s: number): string {
  const header = `<table:table-row>${columns.map((c) => odsCell(c.header, 'hd')).join('')}</table:table-row>`;
  const body = rows.map((row) => `<table:table-row>${columns.map((c) => odsCell(row[c.key])).join('')}</table:table-row>`).join('');
  return (
    `<table:table table:name="${xml(name)}">` +
    columns.map((_, i) => `<table:table-column table:style-name="co${s}-${i + 1}"/>`).join('') +
    `<table:table-header-rows>${header}</table:table-header-rows>` +
    body +
    `</table:table>`
  );
}

function contentXml(sheets: readonly ExportSheet[]): string {
  const names = sheetNames(sheets);
  const columnStyles = sheets
    .flatMap(({ columns }, s) =>
      columns.map(
        (c, i) =>
          `<style:style style:name="co${s}-${i + 1}" style:family="table-column"><style:table-column-properties style:column-width="${((c.width ?? DEFAULT_WIDTH) * CM_PER_CHAR).toFixed(2)}cm"/></style:style>`,
      ),
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<office:document-content ${NS} office:version="1.3">` +
    `<office:automatic-styles>${columnStyles}` +
    `<number:date-style style:name="ndt"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>` +
    `<style:style style:name="hd" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>` +
    `<style:style style:name="dt" style:family="table-cell" style:data-style-name="ndt"/>` +
    `</office:automatic-styles>` +
    `<office:body><office:spreadsheet>` +
    sheets.map((sheet, s) => odsTable(sheet, names[s], s)).join('') +
    `</office:spreadsheet></office:body></office:document-content>`
  );
}

const STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8"?>` +
  `<office:document-styles ${NS} office:version="1.3"><office:styles>` +
  `<style:default-style style:family="table-cell"><style:text-properties style:font-name-asian="Noto Sans CJK TC" fo:font-size="11pt"/></style:default-style>` +
  `</office:styles></office:document-styles>`;

const MANIFEST_XML =
  `<?xml version="1.0" encoding="UTF-8"?>` +
  `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
  `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${EXPORT_MIME.ods}"/>` +
  `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>` +
  `<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>` +
  `</manifest:manifest>`;

async function toOds(sheets: readonly ExportSheet[]): Promise<Buffer> {
  const zip = new (await zipper())();
  // The mimetype entry comes first and uncompressed: that is how readers recognise the file.
  zip.file('mimetype', EXPORT_MIME.ods, { compression: 'STORE' });
  zip.file('META-INF/manifest.xml', MANIFEST_XML);
  zip.file('content.xml', contentXml(sheets));
  zip.file('styles.xml', STYLES_XML);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
